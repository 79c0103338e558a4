import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { RegisterRecord } from '../domain/register';
import { ETagConflict } from '../errors';
import { fromColumns, toColumns } from './repository';
import { createdOnce, orConflict, unlessMissing } from './statuses';

/** One row beside the register's accounts: what the public pages can tell their version by, without reading the register. */
const versionKey = { partitionKey: 'published', rowKey: 'version' } as const;
/** A start stays among those to come this long after it passed: instances' clocks may differ a little, and none must miss it. */
const startKeptMs = 24 * 60 * 60 * 1000;
/** Writers racing for the row (changes to several accounts at once): each reads again and tries again, after a random pause that grows. */
const attempts = 10;
const pauseMs = 20;

/** The public register's version: changes whenever what the public pages show may have changed. */
export interface RegisterVersion {
  /** Renewed after every change to the accounts listed, once that change is stored. */
  readonly stamp: string;
  /**
   * The accounts listed with a start later than when they were written (id: start, ISO): the register
   * changes when one starts, so a reader tells by its own clock how many have started.
   */
  readonly starts: Readonly<Record<string, string>>;
}

/**
 * The register's version row (table `register`, `published`/`version`): renewed by `RegisterStore.sync`
 * after each accounts row it writes, so a reader that has the row's stamp knows the rows it reads after
 * are at least that new. A public page made from them stays current while the stamp stands.
 */
export class RegisterVersionRow {
  constructor(
    private readonly table: TableClient,
    private readonly clock: () => Date,
  ) {}

  /** The version now; undefined before the app's start made the row (`make`). */
  async read(): Promise<RegisterVersion | undefined> {
    const row = await unlessMissing(this.table.getEntity<Record<string, unknown>>(versionKey.partitionKey, versionKey.rowKey));
    return row && (fromColumns(row) as RegisterVersion);
  }

  /** A new stamp, after the account `id` was stored as `record` (undefined: no longer listed). */
  async renew(id: string, record: RegisterRecord | undefined, everyRecord: () => Promise<RegisterRecord[]>): Promise<void> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const row = await unlessMissing(this.table.getEntity<Record<string, unknown>>(versionKey.partitionKey, versionKey.rowKey));
      if (!row) {
        // Made from every row (another run may make it meanwhile, from rows read before this one was written): then this record on top.
        await this.make(await everyRecord());
        continue;
      }
      const starts = { ...(fromColumns(row) as RegisterVersion).starts };
      delete starts[id];
      if (record) starts[id] = record.activeSince;
      try {
        await orConflict(this.table.updateEntity({ ...versionKey, ...toColumns(this.version(starts)) }, 'Replace', { etag: row.etag as string }), 'register', 'version');
        return;
      } catch (error) {
        if (!(error instanceof ETagConflict)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * pauseMs * (attempt + 1)));
      }
    }
    // Left to the effect's next run (the outbox keeps it): the page must not stay on an older version.
    throw new ETagConflict('register', 'version');
  }

  /** At the app's start, for a register without the row: made from its records. Made by another run meanwhile: theirs stands. */
  async make(records: readonly RegisterRecord[]): Promise<void> {
    const starts = Object.fromEntries(records.map((r) => [r.id, r.activeSince]));
    await createdOnce(this.table.createEntity({ ...versionKey, ...toColumns(this.version(starts)) }));
  }

  /** A new stamp, keeping only the starts still to come (or just passed). */
  private version(starts: Record<string, string>): RegisterVersion {
    const kept = this.clock().getTime() - startKeptMs;
    return { stamp: randomUUID(), starts: Object.fromEntries(Object.entries(starts).filter(([, start]) => Date.parse(start) > kept)) };
  }
}
