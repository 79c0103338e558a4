import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { ETagConflict } from '../errors';
import { orConflict, unlessMissing } from './statuses';
import type { PersonRef } from '../domain/assignment';
import { diaryNumber, type ReportContent, type ReportKind } from '../domain/report';
import { encodeKey, fromColumns, toColumns } from './repository';
import type { Tables } from './tables';

export interface FiledReport<K extends ReportKind = ReportKind> {
  readonly id: string;
  readonly kind: K;
  readonly reporter: PersonRef;
  readonly filedAt: string;
  readonly content: ReportContent[K];
  /** Set for registered criticism. */
  readonly diaryNumber?: string;
}

/** What a chief's overview of their department shows of a report (R16): never who reported it. */
export interface ReportAbout {
  readonly id: string;
  readonly kind: 'criticism' | 'negative';
  readonly filedAt: string;
  readonly diaryNumber?: string;
  /** The account criticism came to. */
  readonly account?: string;
  readonly link: string;
  /** The start of what was written, or of the summary. */
  readonly excerpt: string;
}

/** Newest first: a row key that sorts later times earlier. */
const newestFirst = (at: string) => String(8_640_000_000_000_000 - Date.parse(at)).padStart(16, '0');
const departmentPartition = (departmentId: string) => `dept_${encodeKey(departmentId)}`;
const accountPartition = (accountId: string) => `acct_${encodeKey(accountId)}`;

/**
 * Reports in the `reports` table. Registered criticism lives in one partition per series and year
 * with a counter row: the next number and the report are written in one transaction guarded by the
 * counter's ETag, so numbers are unique and have no gaps however many are filed at once.
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

  /** R4: notes criticism under the account it came to, for the account's record (akt). */
  async noteAccount(accountId: string, about: ReportAbout): Promise<void> {
    await this.table.upsertEntity({ partitionKey: accountPartition(accountId), rowKey: about.id, ...toColumns(about) });
  }

  /** The criticism reported to an account, as its record shows it. */
  async aboutAccount(accountId: string): Promise<ReportAbout[]> {
    const found: ReportAbout[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${accountPartition(accountId)}` } })) {
      found.push(fromColumns(entity) as ReportAbout);
    }
    return found;
  }

  async file(report: FiledReport): Promise<void> {
    await this.table.createEntity({ partitionKey: 'report', rowKey: report.id, ...toColumns(report) });
  }

  /** Files criticism with the next number of `series` for `year`; returns the stored report. */
  async register(report: FiledReport<'criticism'>, series: string, year: number): Promise<FiledReport<'criticism'>> {
    const partitionKey = `diary_${series.replace(/[^A-Za-z0-9]/g, '')}_${year}`;
    for (let attempt = 0; attempt < 200; attempt++) {
      const counter = await unlessMissing(this.table.getEntity<{ last: number }>(partitionKey, 'counter'));
      const sequence = (counter?.last ?? 0) + 1;
      const registered = { ...report, diaryNumber: diaryNumber(series, year, sequence) };
      const counterAction: TransactionAction = counter
        ? ['update', { partitionKey, rowKey: 'counter', last: sequence }, 'Replace', { etag: counter.etag }]
        : ['create', { partitionKey, rowKey: 'counter', last: sequence }];
      try {
        const rows: TransactionAction[] = [counterAction, ['create', { partitionKey, rowKey: String(sequence).padStart(6, '0'), ...toColumns(registered) }]];
        await orConflict(this.table.submitTransaction(rows), 'reports', partitionKey);
        return registered;
      } catch (error) {
        // Someone else took this number: read the counter again and take the next one.
        if (error instanceof ETagConflict) continue;
        throw error;
      }
    }
    throw new Error(`Could not take a number in ${partitionKey}: too many filed at once`);
  }

  /** Every registered report of a series and year, in number order. */
  async registered(series: string, year: number): Promise<FiledReport<'criticism'>[]> {
    const partitionKey = `diary_${series.replace(/[^A-Za-z0-9]/g, '')}_${year}`;
    const found: FiledReport<'criticism'>[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${partitionKey}'` } })) {
      if (entity.rowKey !== 'counter') found.push(fromColumns(entity) as FiledReport<'criticism'>);
    }
    return found;
  }
}
