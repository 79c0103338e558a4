import { odata, type TableClient } from '@azure/data-tables';
import { ETagConflict } from '../errors';
import { createdOnce, orConflict, unlessMissing } from './statuses';
import type { PersonRef } from '../domain/assignment';
import { isRegisteredKind, type RegisteredKind, type ReportContent, type ReportKind } from '../domain/report';
import { encodeKey, fromColumns, toColumns, type Stored } from './repository';
import type { Tables } from './tables';

export interface FiledReport<K extends ReportKind = ReportKind> {
  readonly id: string;
  readonly kind: K;
  readonly reporter: PersonRef;
  readonly filedAt: string;
  readonly content: ReportContent[K];
  /** R13: the diary number the registrar gave criticism or a message; when, and who. */
  readonly diaryNumber?: string;
  readonly registeredAt?: string;
  readonly registeredBy?: PersonRef;
}

/**
 * What a chief's overview of their department (R16) and an account's record (R4) show of a report:
 * never who reported it.
 */
export interface ReportAbout {
  readonly id: string;
  readonly kind: 'criticism' | 'message' | 'negative';
  readonly filedAt: string;
  readonly diaryNumber?: string;
  /** R13: false when no registrar was set, so no number is asked for in Kanalkoll (absent: it was). */
  readonly numberAsked?: boolean;
  /** The account criticism or a message came to. */
  readonly account?: string;
  /** The link to it (a message may have none). */
  readonly link: string;
  /** The start of what was written, or of the summary. */
  readonly excerpt: string;
  /** A message's picture: a link to it or what it shows. */
  readonly picture?: string;
}

/** Newest first: a row key that sorts later times earlier. */
const newestFirst = (at: string) => String(8_640_000_000_000_000 - Date.parse(at)).padStart(16, '0');
const departmentPartition = (departmentId: string) => `dept_${encodeKey(departmentId)}`;
const accountPartition = (accountId: string) => `acct_${encodeKey(accountId)}`;
const awaitingPartition = 'awaiting_number';
const reporterPartition = (aadObjectId: string) => `by_${encodeKey(aadObjectId)}`;
/** R16: who got the month's note of what was reported about their unit (`2026-11`), and whether the month is done. */
const chiefNotePartition = (month: string) => `chiefnote_${month.replace(/[^0-9-]/g, '')}`;
const chiefNoteRow = (aadObjectId: string) => `chief_${encodeKey(aadObjectId)}`;
const monthDone = 'done';
/** One millisecond before `iso`. */
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();

/** A report's row: its JSON, and its kind, time and reporter as columns retention queries on. */
const reportEntity = (report: FiledReport) => ({ partitionKey: 'report', rowKey: report.id, kind: report.kind, filedAt: report.filedAt, reporterAadObjectId: report.reporter.aadObjectId, ...toColumns(report) });

/**
 * Reports in the `reports` table (partition `report`), the criticism waiting for the registrar's
 * diary number (`awaiting_number`), what the digest, a department's overview and an account's
 * record show of them (`week_…`, `dept_…`, `acct_…`), and which chiefs got a month's note of them
 * (`chiefnote_…`).
 */
export class ReportStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('reports');
  }

  /**
   * R16: notes a filed report in its week (`week_2027-W02`) with its kind and the department it
   * concerns, for the weekly digest's figures. Only that: what a report says stays with its recipients.
   */
  async noteWeek(report: FiledReport, week: string, departmentId: string | undefined): Promise<void> {
    await this.table.upsertEntity({ partitionKey: `week_${week}`, rowKey: report.id, kind: report.kind, departmentId: departmentId ?? '' });
  }

  /** The reports of a week (`2027-W02`): kind and department. */
  async ofWeek(week: string): Promise<{ kind: ReportKind; departmentId: string }[]> {
    const found: { kind: ReportKind; departmentId: string }[] = [];
    for await (const e of this.table.listEntities<{ kind: ReportKind; departmentId: string }>({ queryOptions: { filter: `PartitionKey eq 'week_${week.replace(/[^0-9W-]/g, '')}'` } })) {
      found.push({ kind: e.kind, departmentId: e.departmentId });
    }
    return found;
  }

  /** R16: notes a report under the department it concerns, newest first, with what a chief's overview shows. */
  async noteDepartment(departmentId: string, about: ReportAbout): Promise<void> {
    await this.table.upsertEntity({ partitionKey: departmentPartition(departmentId), rowKey: `${newestFirst(about.filedAt)}_${about.id}`, ...toColumns(about) });
  }

  /** The reports concerning a department filed since `since` (ISO), newest first, at most `limit`: pages of one partition until there are enough. */
  async aboutDepartment(departmentId: string, since: string, limit: number): Promise<ReportAbout[]> {
    const filter = odata`PartitionKey eq ${departmentPartition(departmentId)} and RowKey lt ${newestFirst(since)}`;
    const found: ReportAbout[] = [];
    // A page may come back empty with more to read (the service's continuation): read on until the limit.
    for await (const page of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: limit })) {
      found.push(...page.map((entity) => fromColumns(entity) as ReportAbout));
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /**
   * R16: how many reports of each kind concern a department, filed from `from` up to `to` (ISO): the
   * rows of its partition in that range of keys, never the rest of the table.
   */
  async countAboutDepartment(departmentId: string, from: string, to: string): Promise<Record<ReportAbout['kind'], number>> {
    const filter = odata`PartitionKey eq ${departmentPartition(departmentId)} and RowKey ge ${newestFirst(justBefore(to))} and RowKey lt ${newestFirst(justBefore(from))}`;
    const counts = { criticism: 0, negative: 0, message: 0 };
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const { kind } = fromColumns(entity) as ReportAbout;
      if (kind in counts) counts[kind]++;
    }
    return counts;
  }

  /** R16: notes that a chief gets this month's note (written before it is sent); false if they got it already. */
  async chiefNoteOnce(month: string, aadObjectId: string, at: string): Promise<boolean> {
    return createdOnce(this.table.createEntity({ partitionKey: chiefNotePartition(month), rowKey: chiefNoteRow(aadObjectId), at }));
  }

  /** R16: a note Teams did not take (throttled, or a server error): the next run sends it. */
  async chiefNoteAgain(month: string, aadObjectId: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity(chiefNotePartition(month), chiefNoteRow(aadObjectId)));
  }

  /** R16: whether every chief who should have this month's note has had it (the runs after that read nothing more). */
  async chiefNotesDone(month: string): Promise<boolean> {
    return (await unlessMissing(this.table.getEntity(chiefNotePartition(month), monthDone))) !== undefined;
  }

  async markChiefNotesDone(month: string, at: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: chiefNotePartition(month), rowKey: monthDone, at }, 'Replace');
  }

  /** R4: notes criticism or a message under the account it came to, for the account's record (akt). */
  async noteAccount(accountId: string, about: ReportAbout): Promise<void> {
    await this.table.upsertEntity({ partitionKey: accountPartition(accountId), rowKey: about.id, ...toColumns(about) });
  }

  /** The criticism and messages reported to an account, as its record shows them. */
  async aboutAccount(accountId: string): Promise<ReportAbout[]> {
    const found: ReportAbout[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${accountPartition(accountId)}` } })) {
      found.push(fromColumns(entity) as ReportAbout);
    }
    return found;
  }

  /** Files a report; its kind, time and reporter are columns too, so retention and "vad vet du om mig?" can query them. */
  async file(report: FiledReport): Promise<void> {
    await this.table.createEntity(reportEntity(report));
    // "vad vet du om mig?" finds someone's reports by this index, not by reading them all.
    await this.table.upsertEntity({ partitionKey: reporterPartition(report.reporter.aadObjectId), rowKey: report.id });
  }

  /** GDPR: the reports of these kinds filed before `before`. */
  async filedBefore(kinds: readonly ReportKind[], before: string): Promise<FiledReport[]> {
    return this.query(odata`PartitionKey eq ${'report'} and filedAt lt ${before}`, kinds);
  }

  /** GDPR, right of access: the reports someone filed, by the index of their reports. */
  async filedBy(aadObjectId: string): Promise<FiledReport[]> {
    const ids: string[] = [];
    for await (const e of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${reporterPartition(aadObjectId)}`, select: ['RowKey'] } })) ids.push(String(e.rowKey));
    return (await Promise.all(ids.map((id) => this.get(id)))).flatMap((stored) => (stored ? [stored.value] : []));
  }

  private async query(filter: string, kinds: readonly ReportKind[]): Promise<FiledReport[]> {
    const found: FiledReport[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const report = fromColumns(entity) as FiledReport;
      if (kinds.includes(report.kind)) found.push(report);
    }
    return found;
  }

  /**
   * R4: a report of bullying or negative material that the municipality's gallring decision lets go,
   * once its period is over, goes with what the weekly digest and the department's overview kept of
   * it. Registered criticism and messages: never (no decision Kanalkoll reads covers them).
   */
  async forget(report: FiledReport, week: string): Promise<void> {
    if (isRegisteredKind(report.kind)) throw new Error(`a registered ${report.kind} is a public record: it is not deleted`);
    const counted = await unlessMissing(this.table.getEntity<{ departmentId?: string }>(`week_${week}`, report.id));
    if (counted?.departmentId) await unlessMissing(this.table.deleteEntity(departmentPartition(counted.departmentId), `${newestFirst(report.filedAt)}_${report.id}`));
    await unlessMissing(this.table.deleteEntity(`week_${week}`, report.id));
    await unlessMissing(this.table.deleteEntity('report', report.id));
    await unlessMissing(this.table.deleteEntity(reporterPartition(report.reporter.aadObjectId), report.id));
  }

  /** A filed report and its ETag. */
  async get(id: string): Promise<Stored<FiledReport> | undefined> {
    const entity = await unlessMissing(this.table.getEntity<Record<string, unknown>>('report', id));
    return entity && { value: fromColumns(entity) as FiledReport, etag: entity.etag };
  }

  /** R13: whether the reporter has been told the diary number (so a retry tells them, and only once). */
  async told(id: string): Promise<boolean> {
    const entity = await unlessMissing(this.table.getEntity<{ told?: boolean }>('report', id, { queryOptions: { select: ['told'] } }));
    return entity?.told === true;
  }

  async markTold(id: string): Promise<void> {
    await unlessMissing(this.table.updateEntity({ partitionKey: 'report', rowKey: id, told: true }, 'Merge'));
  }

  /** R13: criticism or a message waits for the registrar's number: a row of its own, so reminders need no scan of the reports. */
  async awaitNumber(report: FiledReport<RegisteredKind>): Promise<void> {
    await this.table.upsertEntity({ partitionKey: awaitingPartition, rowKey: report.id, filedAt: report.filedAt, remindedAt: '' });
  }

  /** The reports waiting for a diary number, oldest first. */
  async awaitingNumber(): Promise<{ id: string; filedAt: string; remindedAt: string }[]> {
    const found: { id: string; filedAt: string; remindedAt: string }[] = [];
    for await (const e of this.table.listEntities<{ filedAt: string; remindedAt: string }>({ queryOptions: { filter: odata`PartitionKey eq ${awaitingPartition}` } })) {
      found.push({ id: String(e.rowKey), filedAt: e.filedAt, remindedAt: e.remindedAt ?? '' });
    }
    return found.sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  }

  async reminded(id: string, at: string): Promise<void> {
    await unlessMissing(this.table.updateEntity({ partitionKey: awaitingPartition, rowKey: id, remindedAt: at }, 'Merge'));
  }

  /**
   * R13: the registrar's diary number, on the report (only if it has none: the ETag guards it) and on
   * what the department's overview and the account's record show; the report stops waiting. Returns
   * the report as stored now: with this number, or with the one it already had.
   */
  async giveNumber(id: string, diaryNumber: string, by: PersonRef, at: string): Promise<{ readonly report: FiledReport; readonly given: boolean } | undefined> {
    for (;;) {
      const stored = await this.get(id);
      if (!stored) return undefined;
      if (stored.value.diaryNumber) {
        // Done before, perhaps only half: what follows from the number is done again (each step is idempotent).
        await this.numbered(stored.value);
        return { report: stored.value, given: false };
      }
      const report: FiledReport = { ...stored.value, diaryNumber, registeredAt: at, registeredBy: by };
      try {
        await orConflict(this.table.updateEntity(reportEntity(report), 'Replace', { etag: stored.etag }), 'reports', id);
      } catch (error) {
        if (error instanceof ETagConflict) continue;
        throw error;
      }
      await this.numbered(report);
      return { report, given: true };
    }
  }

  /** What follows from a number: the overview and the record show it, and the report waits no more. */
  private async numbered(report: FiledReport): Promise<void> {
    const content = report.content as Partial<ReportContent['criticism']>;
    const diaryNumber = report.diaryNumber ?? '';
    await Promise.all([
      ...(content.departmentId ? [this.numberAbout(departmentPartition(content.departmentId), `${newestFirst(report.filedAt)}_${report.id}`, diaryNumber)] : []),
      ...(content.accountId ? [this.numberAbout(accountPartition(content.accountId), report.id, diaryNumber)] : []),
    ]);
    await this.stopWaiting(report.id);
  }

  /** Stops reminding about a report (it has its number). */
  async stopWaiting(id: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity(awaitingPartition, id));
  }

  private async numberAbout(partitionKey: string, rowKey: string, diaryNumber: string): Promise<void> {
    const entity = await unlessMissing(this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey));
    if (entity) await this.table.upsertEntity({ partitionKey, rowKey, ...toColumns({ ...(fromColumns(entity) as ReportAbout), diaryNumber }) }, 'Replace');
  }
}
