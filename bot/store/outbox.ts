import { odata, type TableClient } from '@azure/data-tables';
import { assignmentPartition as partition, assignmentRows, copyRow, markerPartition, markerPrefix, markerRow, outboxRevision, rowsStartingWith, sentRow } from './assignmentLayout';
import type { SentCard } from './assignmentState';
import { fromColumns, toColumns } from './repository';
import { createdOnce, orConflict, unlessMissing } from './statuses';
import type { Tables } from './tables';
import { ETagConflict } from '../errors';
import { inBatches } from './transactions';

/** An effect waiting in an assignment's outbox, in the order the changes made them. */
export interface PendingEffect {
  readonly rowKey: string;
  readonly revision: number;
  readonly effect: unknown;
  readonly etag: string;
  /** Someone is carrying it out until then. */
  readonly leaseUntil?: string;
}

/** A note that an assignment may have effects waiting, so the sweep finds them without a scan. */
export interface OutboxMarker {
  readonly assignmentId: string;
  readonly revision: number;
  readonly since: string;
}

/**
 * The outbox of every assignment (rows `outbox_<revision>_<n>` in its partition of `assignments`,
 * written by AssignmentStore.commit), the markers that let a sweep find them (partition `outbox`),
 * and the record of each card sent (`sent_<key>`), which keeps an effect run twice from sending twice.
 */
export class Outbox {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('assignments');
  }

  /** Written before the change that makes `revision`: if the process stops after it, the sweep finds the outbox. */
  async mark(assignmentId: string, revision: number, since: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: markerPartition, rowKey: markerRow(assignmentId, revision), assignmentId, revision, since }, 'Replace');
  }

  /** Markers older than `before`: outboxes nobody finished (a crash, or effects that failed). */
  async *stale(before: string): AsyncGenerator<OutboxMarker> {
    const filter = odata`PartitionKey eq ${markerPartition} and since lt ${before}`;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      yield { assignmentId: String(e.assignmentId), revision: Number(e.revision), since: String(e.since) };
    }
  }

  /** The assignment's markers. */
  async markers(assignmentId: string): Promise<OutboxMarker[]> {
    const found: OutboxMarker[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowsStartingWith(markerPartition, markerPrefix(assignmentId)) } })) {
      found.push({ assignmentId, revision: Number(e.revision), since: String(e.since) });
    }
    return found;
  }

  async unmark(marker: OutboxMarker): Promise<void> {
    await unlessMissing(this.table.deleteEntity(markerPartition, markerRow(marker.assignmentId, marker.revision)));
  }

  /** The effects waiting for the assignment, oldest change first. */
  async pending(assignmentId: string): Promise<PendingEffect[]> {
    const found: PendingEffect[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: assignmentRows(assignmentId, 'outbox') } })) {
      const rowKey = String(e.rowKey);
      found.push({
        rowKey,
        revision: outboxRevision(rowKey),
        effect: fromColumns(e),
        etag: String(e.etag),
        ...(typeof e.leaseUntil === 'string' && e.leaseUntil ? { leaseUntil: e.leaseUntil } : {}),
      });
    }
    return found;
  }

  /**
   * Takes the effect for whoever calls until `until`: the ETag to release it with, or undefined if
   * someone else took it (412) or finished it (404) first.
   */
  async claim(assignmentId: string, pending: PendingEffect, until: string): Promise<string | undefined> {
    try {
      const write = this.table.updateEntity({ partitionKey: partition(assignmentId), rowKey: pending.rowKey, leaseUntil: until }, 'Merge', { etag: pending.etag });
      return (await unlessMissing(orConflict(write, 'assignments', pending.rowKey)))?.etag;
    } catch (error) {
      if (error instanceof ETagConflict) return undefined;
      throw error;
    }
  }

  /** Gives a claimed effect back at once (it failed), so the next try need not wait for the lease. */
  async release(assignmentId: string, pending: PendingEffect, etag: string): Promise<void> {
    try {
      await unlessMissing(orConflict(this.table.updateEntity({ partitionKey: partition(assignmentId), rowKey: pending.rowKey, leaseUntil: '' }, 'Merge', { etag }), 'assignments', pending.rowKey));
    } catch (error) {
      // Someone took it meanwhile: theirs now.
      if (!(error instanceof ETagConflict)) throw error;
    }
  }

  /**
   * The effects carried out: their rows go, in one transaction per hundred (one partition), so a run
   * writes once however many effects it carried out. Should one be gone already (another run finished
   * it), each goes on its own. A process that stops before this runs them again: effects are idempotent.
   */
  async done(assignmentId: string, finished: readonly PendingEffect[]): Promise<void> {
    const pk = partition(assignmentId);
    await inBatches(
      this.table,
      finished,
      () => ({ partitionKey: pk }),
      (row) => ['delete', { partitionKey: pk, rowKey: row.rowKey }],
      (row) => unlessMissing(this.table.deleteEntity(pk, row.rowKey)),
    );
  }

  /** Whether the card `key` (a `sentKey`: e.g. `00000005_0_approver`) about the assignment was sent already, and how it went. */
  async sent(assignmentId: string, key: string): Promise<{ readonly delivered: boolean } | undefined> {
    const e = await unlessMissing(this.table.getEntity<Record<string, unknown>>(partition(assignmentId), sentRow(key)));
    return e && { delivered: e.delivered === true };
  }

  /**
   * Records that the card `key` went out (and, if it is a copy to keep up to date, that copy), in
   * one transaction. Recorded already: false, and nothing changes.
   */
  async recordSent(assignmentId: string, key: string, outcome: { delivered: boolean; copy?: SentCard }): Promise<boolean> {
    const pk = partition(assignmentId);
    const sent = { partitionKey: pk, rowKey: sentRow(key), delivered: outcome.delivered };
    if (!outcome.copy) return createdOnce(this.table.createEntity(sent));
    const copy = { partitionKey: pk, rowKey: copyRow(outcome.copy), ...toColumns(outcome.copy) };
    if (await createdOnce(this.table.submitTransaction([['create', sent], ['upsert', copy, 'Replace']]))) return true;
    // Sent twice (a lease that ran out mid-send): the second copy is kept up to date too.
    await this.table.upsertEntity(copy, 'Replace');
    return false;
  }
}
