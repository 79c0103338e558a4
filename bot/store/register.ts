import { odata, type TableClient } from '@azure/data-tables';
import { ETagConflict } from '../errors';
import { createdOnce, orConflict, unlessMissing } from './statuses';
import { registerRecord, type RegisterRecord } from '../domain/register';
import type { Assignment } from '../domain/assignment';
import { encodeKey, fromColumns, toColumns } from './repository';
import { RegisterVersionRow, type RegisterVersion } from './registerVersion';
import type { Tables } from './tables';
import { systemClock } from '../clock';

/** Every account ever listed, and closed accounts' tombstones: what the public pages read. */
const accountsPartition = 'accounts';
/** The accounts in use (listed, not closed) of one department, by name: what the card in Teams pages through. */
const inUsePartition = (departmentId: string) => `inuse_${encodeKey(departmentId)}`;
/** How many accounts each department has in use, and when those not started yet start. */
const countsKey = { partitionKey: 'counts', rowKey: 'departments' } as const;

/** A department's accounts in use: how many, and the start of each (an account approved to start later is shown from then). */
export interface DepartmentCount {
  readonly count: number;
  readonly starts: readonly string[];
}

/**
 * An account name as a key that sorts as Swedish readers do, near enough: case and accents aside,
 * å, ä, ö after z, spaces before letters, then `!` and the id (key-safe characters only).
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/å/g, '~a')
    .replace(/[äæ]/g, '~b')
    .replace(/[öø]/g, '~c')
    .normalize('NFD')
    .replace(/\s+/g, "'")
    .replace(/[^0-9a-z~']/g, '')
    .slice(0, 200);

/** Where a record in use is kept for the card; undefined for a closed account. */
const inUseKey = (record: RegisterRecord): { partitionKey: string; rowKey: string } | undefined =>
  record.closedAt ? undefined : { partitionKey: inUsePartition(record.departmentId), rowKey: `${nameKey(record.accountName)}!${encodeKey(record.id)}` };

const sameKey = (a: { partitionKey: string; rowKey: string } | undefined, b: { partitionKey: string; rowKey: string } | undefined) =>
  a?.partitionKey === b?.partitionKey && a?.rowKey === b?.rowKey;

type Row = Record<string, unknown>;
const recordOf = (row: Row | undefined): RegisterRecord | undefined => (row && row.removed !== true ? (fromColumns(row) as RegisterRecord) : undefined);

/**
 * The register as a read model, kept in step with the assignments on every change (`sync`), so
 * nothing that shows it reads the assignments. Table `register`: partition `accounts` (every account
 * listed, closed ones too: the public pages read it whole); per department, its accounts in use by
 * name (`inuse_<department>`), and one row of counts per department (`counts`), so the card in Teams
 * reads the counts and one page, never the whole register.
 */
export class RegisterStore {
  private readonly table: TableClient;
  private readonly versionRow: RegisterVersionRow;

  constructor(tables: Tables, clock: () => Date = systemClock) {
    this.table = tables.client('register');
    this.versionRow = new RegisterVersionRow(this.table, clock);
  }

  /**
   * Puts the assignment in the register as its state says (a closed account stays, marked closed:
   * R3); never back to an older state than the row shows (two runs of the outbox may race). The
   * department's row in use and its count follow first, so a run that stops halfway is finished by the next.
   */
  async sync(state: Assignment): Promise<void> {
    const record = registerRecord(state);
    const key = { partitionKey: accountsPartition, rowKey: encodeKey(state.id) };
    let shown: { partitionKey: string; rowKey: string } | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await unlessMissing(this.table.getEntity<Row>(key.partitionKey, key.rowKey));
      if (row && Number(row.revision ?? 0) >= state.revision) {
        // A newer state was stored meanwhile: what this run put in use gives way to it.
        if (shown) await this.giveWay(shown, recordOf(row));
        // This state, stored by a run that may have stopped before renewing the version: renewed now.
        if (Number(row.revision) === state.revision) await this.versionRow.renew(state.id, recordOf(row), () => this.all());
        return;
      }
      // Never listed, and never to be: nothing to write. A closed account leaves a tombstone.
      if (!record && !row && state.status !== 'closed') return;
      shown = await this.showInUse(recordOf(row), record);
      const entity = record ? { ...key, revision: state.revision, ...toColumns(record) } : { ...key, revision: state.revision, removed: true };
      const write = row ? this.table.updateEntity(entity, 'Replace', { etag: row.etag }) : this.table.createEntity(entity);
      try {
        await orConflict(write, 'register', state.id);
      } catch (error) {
        // Another run wrote meanwhile: read again, and write only if this state is still newer.
        if (!(error instanceof ETagConflict)) throw error;
        continue;
      }
      // Last, once the row is stored: a public page made after it reads the row as it is now.
      await this.versionRow.renew(state.id, record, () => this.all());
      return;
    }
  }

  /** What the public pages can tell the register's version by (one row); undefined before the app's start made it. */
  version(): Promise<RegisterVersion | undefined> {
    return this.versionRow.read();
  }

  /** Every account listed, closed ones too: for the public pages (web, JSON, CSV). */
  async all(): Promise<RegisterRecord[]> {
    const records: RegisterRecord[] = [];
    const filter = odata`PartitionKey eq ${accountsPartition}`;
    for await (const entity of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      const record = recordOf(entity);
      if (record) records.push(record);
    }
    return records;
  }

  /**
   * At the app's start: a register without its counts row or its version row (new, or stored before
   * they were kept) gets them, made from its rows, so that nothing that only reads the register writes to it.
   */
  async prepare(): Promise<void> {
    if (!(await unlessMissing(this.table.getEntity<Row>(countsKey.partitionKey, countsKey.rowKey)))) await this.backfill();
    if (!(await this.versionRow.read())) await this.versionRow.make(await this.all());
  }

  /**
   * How many accounts each department has in use (by department id): one row, made at the app's start
   * (`prepare`); should it be missing all the same, it is made from the register's rows.
   */
  async counts(): Promise<Map<string, DepartmentCount>> {
    const row = await unlessMissing(this.table.getEntity<Row>(countsKey.partitionKey, countsKey.rowKey));
    if (row) return new Map(Object.entries(fromColumns(row) as Record<string, DepartmentCount>));
    return this.backfill();
  }

  /**
   * The department's accounts in use, by name, from the `skip`th that has started by `now` (ISO), at
   * most `take`: the rows up to the page, of one partition.
   */
  async inUse(departmentId: string, skip: number, take: number, now: string): Promise<RegisterRecord[]> {
    const found: RegisterRecord[] = [];
    let skipped = 0;
    const filter = odata`PartitionKey eq ${inUsePartition(departmentId)}`;
    const pages = this.table.listEntities<Row>({ queryOptions: { filter } }).byPage({ maxPageSize: Math.min(skip + take, 1000) });
    for await (const page of pages) {
      for (const entity of page) {
        const record = fromColumns(entity) as RegisterRecord;
        if (Date.parse(record.activeSince) > Date.parse(now)) continue;
        if (skipped++ < skip) continue;
        found.push(record);
        if (found.length >= take) return found;
      }
    }
    return found;
  }

  /** Puts the record in use where the card finds it, and takes the one before it away if it moved (renamed, another department, closed); counts follow. */
  private async showInUse(before: RegisterRecord | undefined, after: RegisterRecord | undefined): Promise<{ partitionKey: string; rowKey: string } | undefined> {
    const [from, to] = [before && inUseKey(before), after && inUseKey(after)];
    if (to && after) await this.table.upsertEntity({ ...to, ...toColumns(after) }, 'Replace');
    if (from && !sameKey(from, to)) await unlessMissing(this.table.deleteEntity(from.partitionKey, from.rowKey));
    for (const departmentId of new Set([before?.departmentId, after?.departmentId])) if (departmentId !== undefined) await this.recount(departmentId);
    return to;
  }

  /** What this run put in use, where a newer state is stored: as that state says. */
  private async giveWay(shown: { partitionKey: string; rowKey: string }, stored: RegisterRecord | undefined): Promise<void> {
    const key = stored && inUseKey(stored);
    if (key && stored && sameKey(key, shown)) {
      await this.table.upsertEntity({ ...key, ...toColumns(stored) }, 'Replace');
      return;
    }
    await unlessMissing(this.table.deleteEntity(shown.partitionKey, shown.rowKey));
    const departmentId = decodeURIComponent(shown.partitionKey.slice('inuse_'.length));
    await this.recount(departmentId);
  }

  /** Counts the department's accounts in use again (one partition), into the counts row, guarded by its ETag. Before the counts exist, `counts` makes them. */
  private async recount(departmentId: string): Promise<void> {
    const starts: string[] = [];
    const filter = odata`PartitionKey eq ${inUsePartition(departmentId)}`;
    for await (const entity of this.table.listEntities<Row>({ queryOptions: { filter } })) starts.push((fromColumns(entity) as RegisterRecord).activeSince);
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await unlessMissing(this.table.getEntity<Row>(countsKey.partitionKey, countsKey.rowKey));
      if (!row) return;
      const counts = fromColumns(row) as Record<string, DepartmentCount>;
      if (starts.length > 0) counts[departmentId] = { count: starts.length, starts: starts.sort() };
      else delete counts[departmentId];
      try {
        await orConflict(this.table.updateEntity({ ...countsKey, ...toColumns(counts) }, 'Replace', { etag: row.etag }), 'register', 'counts');
        return;
      } catch (error) {
        if (!(error instanceof ETagConflict)) throw error;
      }
    }
  }

  /** A register stored before the card's rows and counts were kept: they are made from its rows, once. */
  private async backfill(): Promise<Map<string, DepartmentCount>> {
    const counts: Record<string, { count: number; starts: string[] }> = {};
    for (const record of await this.all()) {
      const key = inUseKey(record);
      if (!key) continue;
      await this.table.upsertEntity({ ...key, ...toColumns(record) }, 'Replace');
      const department = (counts[record.departmentId] ??= { count: 0, starts: [] });
      department.count++;
      department.starts.push(record.activeSince);
    }
    for (const department of Object.values(counts)) department.starts.sort();
    // Made by another run meanwhile: theirs stands (made from the same rows).
    await createdOnce(this.table.createEntity({ ...countsKey, ...toColumns(counts) }));
    return new Map(Object.entries(counts));
  }
}
