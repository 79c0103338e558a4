import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { ActivityPlan } from '../domain/activityPlan';
import type { Assignment, AssignmentStatus } from '../domain/assignment';
import type { AuditRecord } from '../domain/auditRecord';
import { ETagConflict } from '../errors';
import { assignmentPartition, assignmentRows, auditRow, copyRow, outboxRow, stateRow, versionRow, type rowKinds } from './assignmentLayout';
import { fromColumns, TableRepository, toColumns, type Stored } from './repository';
import { orConflict, unlessMissing } from './statuses';
import type { Tables } from './tables';

/** Where a card about an assignment was sent: in whose chat, and which message. */
export interface SentCard {
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
  /** The assignment's revision the card last showed; a copy is updated only to a newer one. */
  readonly shownRevision?: number;
}

/** A submitted version of a plan, frozen: created once, never changed (R4). */
export interface PlanVersion {
  readonly assignmentId: string;
  readonly version: number;
  readonly submittedAt: string;
  readonly plan: ActivityPlan;
}

/** A change decided on an assignment, as one transaction stores it (see `commit`). */
export interface Change {
  readonly state: Assignment;
  /** The ETag the assignment was read with; undefined for a new assignment. */
  readonly etag: string | undefined;
  /** A submitted plan, frozen as its version. */
  readonly frozen?: PlanVersion;
  /** The decisions among the change's events (R4). */
  readonly audit: readonly AuditRecord[];
  /** One row per effect the change implies, carried out afterwards from the outbox. */
  readonly outbox: readonly unknown[];
}

// The stored shape is checked where it matters for routing; the rest is the domain's own type.
const assignmentSchema = z.looseObject({
  id: z.string(),
  status: z.enum([
    'draft',
    'awaiting_chief',
    'awaiting_communicator',
    'awaiting_comms_chief',
    'changes_requested',
    'rejected',
    'active',
    'closed',
    'cancelled',
  ] satisfies AssignmentStatus[]),
  revision: z.number(),
  planVersion: z.number(),
  applicant: z.object({ aadObjectId: z.string(), name: z.string() }),
  draft: z.looseObject({ kind: z.enum(['account', 'monitoring']) }),
});
/**
 * An assignment row as the domain names its fields. Rows stored before the names said what they hold
 * are read too: the questionnaire's step was `at`, the plan's version `version`. Rows are never
 * rewritten for it; the next change stores the new names.
 */
const upgraded = (json: unknown): unknown => {
  if (typeof json !== 'object' || json === null) return json;
  const { at, version, ...row } = json as Record<string, unknown>;
  return { ...row, ...(row.step === undefined && at !== undefined ? { step: at } : {}), ...(row.planVersion === undefined && version !== undefined ? { planVersion: version } : {}) };
};
const readState = (json: unknown) => assignmentSchema.safeParse(upgraded(json));
const decode = (json: unknown): Assignment => assignmentSchema.parse(upgraded(json)) as unknown as Assignment;

/** How many drafts `lastSaved` keeps: the ones people are filling in now, on one instance. */
const rememberedDrafts = 1000;

/** A draft never sent: no version of it was ever frozen (a withdrawn plan is a draft again, but was sent). */
const isUnsentDraft = (state: Assignment): boolean => state.planVersion === 0 && (state.status === 'draft' || state.status === 'cancelled');

/**
 * What an assignment keeps in its own partition of `assignments`: the state, its frozen plan versions,
 * its audit rows, its outbox rows (written here, in one transaction with the state: `commit`; carried
 * out by `Outbox`) and the copies of cards sent about it.
 */
export class AssignmentStates {
  private readonly table: TableClient;
  private readonly repo: TableRepository<Assignment>;
  /** Drafts this process saved last, with the ETag the save got (see `lastSaved`); the oldest go first. */
  private readonly saved = new Map<string, Stored<Assignment>>();

  constructor(tables: Tables) {
    this.table = tables.client('assignments');
    this.repo = new TableRepository(this.table, { key: (a) => ({ partitionKey: assignmentPartition(a.id), rowKey: stateRow }), decode });
  }

  get(id: string): Promise<Stored<Assignment> | undefined> {
    return this.repo.get({ partitionKey: assignmentPartition(id), rowKey: stateRow });
  }

  /**
   * The draft as this process last saved it (a step, the state alone), with that save's ETag; P1: the
   * next press on the card it answered need not read it again. Only a write may rest on it: the write
   * is guarded by the ETag, so a change made elsewhere meanwhile (another instance, the retention
   * timer) is a conflict there, and the command runner reads it again.
   */
  lastSaved(id: string): Stored<Assignment> | undefined {
    return this.saved.get(id);
  }

  /**
   * Stores a change in one entity-group transaction: the new state (created, or replaced if it still
   * has the ETag it was read with), a frozen plan version, the audit rows and the outbox rows. All
   * of it or none; a lost race is an ETagConflict and stores nothing.
   */
  async commit(change: Change): Promise<void> {
    const { state, etag } = change;
    this.saved.delete(state.id);
    // A change that is the state alone (a draft's step saved) needs no transaction.
    if (etag !== undefined && !change.frozen && change.audit.length === 0 && change.outbox.length === 0) {
      // Gone meanwhile (a draft the retention timer deleted): as lost a race as a changed one.
      const saved = await unlessMissing(this.repo.save(state, etag));
      if (saved === undefined) throw new ETagConflict('assignments', state.id);
      // Without an ETag a later write would not be guarded: nothing is remembered then.
      if (saved) this.saved.set(state.id, { value: state, etag: saved });
      if (this.saved.size > rememberedDrafts) this.saved.delete(this.saved.keys().next().value as string);
      return;
    }
    const partitionKey = assignmentPartition(state.id);
    const actions: TransactionAction[] = [
      etag === undefined ? ['create', this.repo.entity(state)] : ['update', this.repo.entity(state), 'Replace', { etag }],
      ...(change.frozen ? [['create', { partitionKey, rowKey: versionRow(change.frozen.version), ...toColumns(change.frozen) }] as TransactionAction] : []),
      ...change.audit.map((event, i): TransactionAction => ['create', { partitionKey, rowKey: auditRow(state.revision, i), ...event }]),
      ...change.outbox.map((effect, i): TransactionAction => ['create', { partitionKey, rowKey: outboxRow(state.revision, i), ...toColumns(effect) }]),
    ];
    await orConflict(this.table.submitTransaction(actions), 'assignments', state.id);
  }

  versions(id: string): Promise<PlanVersion[]> {
    return this.rows(id, 'version') as Promise<PlanVersion[]>;
  }

  /** Remembers a card sent about the assignment, so every copy can be updated when it changes. */
  async addCopy(id: string, copy: SentCard): Promise<void> {
    await this.table.upsertEntity({ partitionKey: assignmentPartition(id), rowKey: copyRow(copy), ...toColumns(copy) }, 'Replace');
  }

  copies(id: string): Promise<SentCard[]> {
    return this.rows(id, 'copy') as Promise<SentCard[]>;
  }

  /** The values of the assignment's rows of one kind, in key order. */
  private async rows(id: string, kind: keyof typeof rowKinds): Promise<unknown[]> {
    const values: unknown[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: assignmentRows(id, kind) } })) {
      values.push(fromColumns(entity));
    }
    return values;
  }

  /**
   * Every assignment: a scan of the table, for the weekly digest only (hundreds of assignments in a
   * municipality; a region would keep counts per department instead).
   */
  async all(): Promise<Assignment[]> {
    const found: Assignment[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`RowKey eq ${stateRow}` } })) {
      found.push(decode(fromColumns(entity)));
    }
    return found;
  }

  /**
   * GDPR: drafts never sent (plan version 0) whose last change is before `before`: a query on the row's
   * own timestamp, which the service keeps; a daily timer's, never a turn's.
   */
  async draftsUnchangedSince(before: string): Promise<Assignment[]> {
    const found: Assignment[] = [];
    const filter = odata`RowKey eq ${stateRow} and Timestamp lt ${new Date(before)}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = readState(fromColumns(entity));
      const state = parsed.success ? (parsed.data as unknown as Assignment) : undefined;
      if (state && isUnsentDraft(state)) found.push(state);
    }
    return found;
  }

  /**
   * GDPR: a draft never sent goes, every row of its partition (its decisions too: a draft is no public
   * record). The draft itself first, and only if it is still as read here (its ETag): unsent, unchanged
   * since `before`; saved or sent meanwhile, it stays (undefined). Then the rest; a run that stops
   * between leaves only rows nobody reads. Returns the draft deleted, so its index row can go too.
   */
  async deleteDraft(id: string, before: string): Promise<Assignment | undefined> {
    this.saved.delete(id);
    const partitionKey = assignmentPartition(id);
    const rows: { rowKey: string; etag: string; value?: unknown; timestamp?: string }[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })) {
      rows.push({ rowKey: String(entity.rowKey), etag: String(entity.etag), ...(entity.rowKey === stateRow ? { value: fromColumns(entity), timestamp: String(entity.timestamp ?? '') } : {}) });
    }
    const main = rows.find((r) => r.rowKey === stateRow);
    const parsed = main ? readState(main.value) : undefined;
    const state = parsed?.success ? (parsed.data as unknown as Assignment) : undefined;
    if (!main || !state || !isUnsentDraft(state) || !(Date.parse(main.timestamp ?? '') < Date.parse(before))) return undefined;
    try {
      if (!(await unlessMissing(orConflict(this.table.deleteEntity(partitionKey, stateRow, { etag: main.etag }), 'assignments', partitionKey)))) return undefined;
    } catch (error) {
      if (error instanceof ETagConflict) return undefined;
      throw error;
    }
    for (const row of rows.filter((r) => r.rowKey !== stateRow)) await unlessMissing(this.table.deleteEntity(partitionKey, row.rowKey));
    return state;
  }
}
