import { odata, type TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { eachLimited } from '../eachLimited';
import { inBatches } from './transactions';
import type { Reach } from './conversations';
import { encodeKey } from './repository';
import { createdOnce, unlessMissing } from './statuses';
import type { Tables } from './tables';

/**
 * When an assignment next has a nudge to send. `from` is the instant up to which its nudges have
 * been put on the queue; `revision` the assignment revision the wake-up was computed from.
 */
export interface WakeUp {
  readonly assignmentId: string;
  readonly wakeAt: string;
  readonly from: string;
  readonly revision: number;
  readonly reach: Reach;
}

/** The current schedule of an assignment: its wake-up, if it has one, and how far it was swept. */
export interface Schedule {
  readonly assignmentId: string;
  readonly wakeAt?: string;
  readonly from: string;
  readonly revision: number;
  readonly reach: Reach;
}

const month = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('yyyy-MM');
const wakeKey = (w: Pick<WakeUp, 'assignmentId' | 'wakeAt'>) => ({
  partitionKey: `due_${month(w.wakeAt)}`,
  rowKey: `${DateTime.fromISO(w.wakeAt, { zone: 'utc' }).toISO()}_${encodeKey(w.assignmentId)}`,
});
// In the assignment's own partition: no partition of the table grows with the number of assignments but the months.
const scheduleKey = (assignmentId: string) => ({ partitionKey: `a_${encodeKey(assignmentId)}`, rowKey: 'schedule' });
const watermarkKey = { partitionKey: 'sweep', rowKey: 'watermark' };

type Row = Record<string, unknown>;
/** An assignment's wake-up row, and its schedule row. */
const wakeRow = ({ assignmentId, wakeAt, from, revision, reach }: Schedule & { readonly wakeAt: string }) => ({ ...wakeKey({ assignmentId, wakeAt }), assignmentId, wakeAt, from, revision, ...reach });
const scheduleRow = ({ assignmentId, wakeAt, from, revision, reach }: Schedule) => ({ ...scheduleKey(assignmentId), wakeAt: wakeAt ?? '', from, revision, ...reach });
const reachOf = (e: Row): Reach => ({ tenantId: String(e.tenantId ?? ''), serviceUrl: String(e.serviceUrl ?? '') });


/**
 * The duty schedule (table `duties`). Each assignment with nudges ahead has one wake-up row in the
 * partition of its month (`due_2027-01`), keyed by instant, so the sweep reads only the rows that
 * are due: a range query per month since the last sweep, never a scan of all assignments.
 */
export class DutySchedule {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('duties');
  }

  async schedule(assignmentId: string): Promise<Schedule | undefined> {
    const e = await unlessMissing(this.table.getEntity<Row>(scheduleKey(assignmentId).partitionKey, scheduleKey(assignmentId).rowKey));
    return e && { assignmentId, wakeAt: typeof e.wakeAt === 'string' && e.wakeAt ? e.wakeAt : undefined, from: String(e.from), revision: Number(e.revision), reach: reachOf(e) };
  }

  /**
   * Makes `next` the assignment's schedule: writes its wake-up row first, then the schedule, then
   * removes the wake-up it replaces. A crash in between leaves an extra row, never a missing one.
   */
  async replace(next: Schedule, previousWakeAt: string | undefined): Promise<void> {
    const { assignmentId, wakeAt } = next;
    if (wakeAt) await this.table.upsertEntity(wakeRow({ ...next, wakeAt }), 'Replace');
    await this.table.upsertEntity(scheduleRow(next), 'Replace');
    if (previousWakeAt && previousWakeAt !== wakeAt) await this.remove({ assignmentId, wakeAt: previousWakeAt });
  }

  /**
   * `replace` for many assignments at once (the sweep), in the same order: every new wake-up row
   * first, then each schedule, then the wake-ups they replace. Rows of one partition (the month's
   * wake-ups) go in entity-group transactions of up to 100; a schedule is the only row of its
   * partition, so those go one by one, `parallel` at a time.
   */
  async replaceMany(moves: readonly { readonly next: Schedule; readonly previousWakeAt: string | undefined }[], parallel = 16): Promise<void> {
    await inBatches(
      this.table,
      moves.flatMap(({ next }) => (next.wakeAt ? [wakeRow({ ...next, wakeAt: next.wakeAt })] : [])),
      (row) => row,
      (row) => ['upsert', row, 'Replace'],
    );
    await eachLimited(moves, parallel, async ({ next }) => void (await this.table.upsertEntity(scheduleRow(next), 'Replace')));
    await inBatches(
      this.table,
      moves.flatMap(({ next, previousWakeAt }) => (previousWakeAt && previousWakeAt !== next.wakeAt ? [{ assignmentId: next.assignmentId, wakeAt: previousWakeAt }] : [])),
      wakeKey,
      (wake) => ['delete', wakeKey(wake)],
      // A row already gone fails its whole transaction: that one's rows are then removed one by one.
      (wake) => this.remove(wake),
    );
  }


  /**
   * Writes many new schedules at once (a backfill of assignments stored before they had one, or
   * a benchmark), `parallel` requests at a time.
   */
  async addMany(schedules: readonly Schedule[], parallel = 32): Promise<void> {
    await eachLimited(schedules, parallel, async (schedule) => {
      if (schedule.wakeAt) await this.table.upsertEntity(wakeRow({ ...schedule, wakeAt: schedule.wakeAt }), 'Replace');
      await this.table.upsertEntity(scheduleRow(schedule), 'Replace');
    });
  }

  async remove(wake: Pick<WakeUp, 'assignmentId' | 'wakeAt'>): Promise<void> {
    const key = wakeKey(wake);
    await unlessMissing(this.table.deleteEntity(key.partitionKey, key.rowKey));
  }

  /** The wake-ups due by `now`, in the months from `since` on. */
  async *due(since: string, now: string): AsyncGenerator<WakeUp> {
    const last = DateTime.fromISO(now, { zone: 'utc' });
    for (let m = DateTime.fromISO(since, { zone: 'utc' }).startOf('month'); m <= last; m = m.plus({ months: 1 })) {
      const entities = this.table.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${`due_${m.toFormat('yyyy-MM')}`} and RowKey le ${`${last.toISO()}~`}` },
      });
      for await (const e of entities) {
        yield { assignmentId: String(e.assignmentId), wakeAt: String(e.wakeAt), from: String(e.from), revision: Number(e.revision), reach: reachOf(e) };
      }
    }
  }

  /** Up to when the sweep has looked; undefined before the first sweep. */
  async sweptUntil(): Promise<string | undefined> {
    const e = await unlessMissing(this.table.getEntity<Row>(watermarkKey.partitionKey, watermarkKey.rowKey));
    return e && String(e.sweptUntil);
  }

  /** Notes that this week's digest went to a reader; false if it had gone already (R16: once a week). */
  async digestOnce(week: string, reader: string, at: string): Promise<boolean> {
    return createdOnce(this.table.createEntity({ partitionKey: 'digest', rowKey: `${week}_${reader.replace(/[/\\#?]/g, '-')}`, at }));
  }

  async markSwept(until: string): Promise<void> {
    await this.table.upsertEntity({ ...watermarkKey, sweptUntil: until }, 'Replace');
  }
}
