// Longer than most files: it owns the layout of an assignment's partition (state, versions, audit, outbox, copies), which must change together.
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { ActivityPlan } from '../domain/activityPlan';
import type { Assignment, AssignmentStatus } from '../domain/assignment';
import type { AuditEvent } from './audit';
import { orConflict, unlessMissing } from './statuses';
import { ETagConflict } from '../errors';
import { encodeKey, fromColumns, TableRepository, toColumns, type Stored } from './repository';
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
  version: z.number(),
  applicant: z.object({ aadObjectId: z.string(), name: z.string() }),
  draft: z.looseObject({ kind: z.enum(['account', 'monitoring']) }),
});

export const partition = (id: string) => `a_${encodeKey(id)}`;
/** How many drafts `lastSaved` keeps: the ones people are filling in now, on one instance. */
const rememberedDrafts = 1000;
const personPartition = (aadObjectId: string) => `p_${encodeKey(aadObjectId)}`;
/** The accounts someone administers (R10): found when they leave. */
const adminPartition = (aadObjectId: string) => `r_${encodeKey(aadObjectId)}`;
/** Accounts a person has been named substitute for (R14): `s_<aad>`; accounts of a department: `d_<id>`. */
const substitutePartition = (aadObjectId: string) => `s_${encodeKey(aadObjectId)}`;
const departmentPartition = (departmentId: string) => `d_${encodeKey(departmentId)}`;
/** Plans waiting on an approver, and whom their card went to: a handful at a time. */
const waitingPartition = 'waiting';
const versionRow = (version: number) => `version_${String(version).padStart(4, '0')}`;
/** Revisions as fixed-width keys, so rows of one kind read in the order they were made. */
export const revisionKey = (revision: number) => String(revision).padStart(8, '0');
export const copyRow = (copy: Pick<SentCard, 'conversationId' | 'activityId'>) => `copy_${encodeKey(copy.conversationId)}_${encodeKey(copy.activityId)}`;

/** A change decided on an assignment, as one transaction stores it (see `commit`). */
export interface Change {
  readonly state: Assignment;
  /** The ETag the assignment was read with; undefined for a new assignment. */
  readonly etag: string | undefined;
  /** A submitted plan, frozen as its version. */
  readonly frozen?: PlanVersion;
  /** The decisions among the change's events (R4). */
  readonly audit: readonly AuditEvent[];
  /** One row per effect the change implies, carried out afterwards from the outbox. */
  readonly outbox: readonly unknown[];
}

/**
 * Assignments in the `assignments` table. Each has its own partition holding the assignment, its
 * frozen plan versions, its audit rows, its outbox and the cards sent about it, so one change is
 * stored in one transaction; a small index per person (partition p_<aad>) lists someone's
 * assignments without scanning the table.
 */
export class AssignmentStore {
  private readonly table: TableClient;
  private readonly repo: TableRepository<Assignment>;
  /** Drafts this process saved last, with the ETag the save got (see `lastSaved`); the oldest go first. */
  private readonly saved = new Map<string, Stored<Assignment>>();

  constructor(tables: Tables) {
    this.table = tables.client('assignments');
    this.repo = new TableRepository(this.table, {
      key: (a) => ({ partitionKey: partition(a.id), rowKey: 'assignment' }),
      decode: (json) => assignmentSchema.parse(json) as unknown as Assignment,
    });
  }

  get(id: string): Promise<Stored<Assignment> | undefined> {
    return this.repo.get({ partitionKey: partition(id), rowKey: 'assignment' });
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
    const pk = partition(state.id);
    const revision = revisionKey(state.revision);
    const actions: TransactionAction[] = [
      etag === undefined ? ['create', this.repo.entity(state)] : ['update', this.repo.entity(state), 'Replace', { etag }],
      ...(change.frozen ? [['create', { partitionKey: pk, rowKey: versionRow(change.frozen.version), ...toColumns(change.frozen) }] as TransactionAction] : []),
      ...change.audit.map((event, i): TransactionAction => ['create', { partitionKey: pk, rowKey: `audit_${revision}_${i}`, ...event }]),
      ...change.outbox.map((effect, i): TransactionAction => ['create', { partitionKey: pk, rowKey: `outbox_${revision}_${String(i).padStart(2, '0')}`, ...toColumns(effect) }]),
    ];
    await orConflict(this.table.submitTransaction(actions), 'assignments', state.id);
  }

  /** Stores an assignment as it is, without a command, indexed as its effects would have (tests, the bench). */
  async create(assignment: Assignment): Promise<void> {
    await this.commit({ state: assignment, etag: undefined, audit: [], outbox: [] });
    await this.index(assignment.id, assignment.applicant.aadObjectId);
    if (assignment.status === 'active' && assignment.plan.kind === 'account') {
      await this.indexDepartment(assignment.id, assignment.plan.who.departmentId);
      for (const admin of assignment.plan.administration.admins) await this.index(assignment.id, admin, 'admin');
    }
  }

  /**
   * Lists the assignment under `aadObjectId`: as its applicant or a new owner (earlier owners keep it
   * in their history), or as one of its admins (an entry that outlives the admin's role is checked
   * against the assignment when read).
   */
  async index(assignmentId: string, aadObjectId: string, as: 'owner' | 'admin' | 'substitute' = 'owner'): Promise<void> {
    const partitionKey = as === 'admin' ? adminPartition(aadObjectId) : as === 'substitute' ? substitutePartition(aadObjectId) : personPartition(aadObjectId);
    await this.table.upsertEntity({ partitionKey, rowKey: encodeKey(assignmentId) });
  }

  /** Lists an approved account under its department (R13: its communicator finds it). */
  async indexDepartment(assignmentId: string, departmentId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: departmentPartition(departmentId), rowKey: encodeKey(assignmentId) });
  }

  /** The accounts `aadObjectId` has been named substitute for (check each absence's dates). */
  substitutingFor(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(substitutePartition(aadObjectId));
  }

  /** The accounts approved in a department (check each: it may have closed). */
  inDepartment(departmentId: string): Promise<Assignment[]> {
    return this.listed(departmentPartition(departmentId));
  }

  /** The assignments listing `aadObjectId` as an admin at some point (R10); check each against its admins. */
  administeredBy(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(adminPartition(aadObjectId));
  }

  /** Notes that the plan waits on `approver` (undefined: on nobody yet), or, without a step, that it waits no more. */
  async trackWaiting(assignmentId: string, waiting: { readonly approver: string | undefined } | undefined): Promise<void> {
    if (waiting) await this.table.upsertEntity({ partitionKey: waitingPartition, rowKey: encodeKey(assignmentId), approver: waiting.approver ?? '' }, 'Replace');
    else await unlessMissing(this.table.deleteEntity(waitingPartition, encodeKey(assignmentId)));
  }

  /** Every plan waiting on an approver, with whom its card went to. */
  async waiting(): Promise<{ readonly assignmentId: string; readonly approver: string | undefined }[]> {
    const found: { assignmentId: string; approver: string | undefined }[] = [];
    const filter = odata`PartitionKey eq ${waitingPartition}`;
    for await (const entity of this.table.listEntities<{ approver?: string }>({ queryOptions: { filter } })) {
      found.push({ assignmentId: decodeURIComponent(entity.rowKey ?? ''), approver: entity.approver || undefined });
    }
    return found;
  }

  versions(id: string): Promise<PlanVersion[]> {
    return this.rows(id, 'version_') as Promise<PlanVersion[]>;
  }

  /** Remembers a card sent about the assignment, so every copy can be updated when it changes. */
  async addCopy(id: string, copy: SentCard): Promise<void> {
    await this.table.upsertEntity({ partitionKey: partition(id), rowKey: copyRow(copy), ...toColumns(copy) }, 'Replace');
  }

  copies(id: string): Promise<SentCard[]> {
    return this.rows(id, 'copy_') as Promise<SentCard[]>;
  }

  /** The values of the assignment's rows whose key starts with `prefix` ('copy_', 'version_'), in key order. */
  private async rows(id: string, prefix: string): Promise<unknown[]> {
    const values: unknown[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowsStartingWith(partition(id), prefix) } })) {
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
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`RowKey eq ${'assignment'}` } })) {
      found.push(assignmentSchema.parse(fromColumns(entity)) as unknown as Assignment);
    }
    return found;
  }

  /**
   * GDPR: drafts never sent (version 0) whose last change is before `before`: a query on the row's
   * own timestamp, which the service keeps; a daily timer's, never a turn's.
   */
  async draftsUnchangedSince(before: string): Promise<Assignment[]> {
    const found: Assignment[] = [];
    const filter = odata`RowKey eq ${'assignment'} and Timestamp lt ${new Date(before)}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const parsed = assignmentSchema.safeParse(fromColumns(entity));
      const state = parsed.success ? (parsed.data as unknown as Assignment) : undefined;
      if (state && isUnsentDraft(state)) found.push(state);
    }
    return found;
  }

  /**
   * GDPR: a draft never sent goes, every row of its partition (its decisions too: a draft is no public
   * record). The draft itself first, and only if it is still as read here (its ETag): unsent, unchanged
   * since `before`; saved or sent meanwhile, it stays (false). Then the rest, and its index row; a run
   * that stops between leaves only rows nobody reads.
   */
  async deleteDraft(id: string, before: string): Promise<boolean> {
    this.saved.delete(id);
    const pk = partition(id);
    const rows: { rowKey: string; etag: string; value?: unknown; timestamp?: string }[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) {
      rows.push({ rowKey: String(entity.rowKey), etag: String(entity.etag), ...(entity.rowKey === 'assignment' ? { value: fromColumns(entity), timestamp: String(entity.timestamp ?? '') } : {}) });
    }
    const main = rows.find((r) => r.rowKey === 'assignment');
    const parsed = main ? assignmentSchema.safeParse(main.value) : undefined;
    const state = parsed?.success ? (parsed.data as unknown as Assignment) : undefined;
    if (!main || !state || !isUnsentDraft(state) || !(Date.parse(main.timestamp ?? '') < Date.parse(before))) return false;
    try {
      if (!(await unlessMissing(orConflict(this.table.deleteEntity(pk, 'assignment', { etag: main.etag }), 'assignments', pk)))) return false;
    } catch (error) {
      if (error instanceof ETagConflict) return false;
      throw error;
    }
    for (const row of rows.filter((r) => r.rowKey !== 'assignment')) await unlessMissing(this.table.deleteEntity(pk, row.rowKey));
    await unlessMissing(this.table.deleteEntity(personPartition(state.applicant.aadObjectId), encodeKey(id)));
    return true;
  }

  /** Holds (GDPR retention stops): accounts the communications chief asked to keep everything about, by id. */
  async holds(): Promise<Map<string, { by: string; at: string }>> {
    const found = new Map<string, { by: string; at: string }>();
    for await (const e of this.table.listEntities<{ by: string; at: string }>({ queryOptions: { filter: odata`PartitionKey eq ${'hold'}` } })) {
      found.set(decodeURIComponent(e.rowKey ?? ''), { by: e.by, at: e.at });
    }
    return found;
  }

  async hold(id: string, by: string, at: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'hold', rowKey: encodeKey(id), by, at }, 'Replace');
  }

  async releaseHold(id: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity('hold', encodeKey(id)));
  }

  /** Everything `aadObjectId` has applied for or owns, newest first. */
  listFor(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(personPartition(aadObjectId));
  }

  /** The assignments an index partition lists, newest first. */
  private async listed(partitionKey: string): Promise<Assignment[]> {
    const ids: string[] = [];
    const filter = odata`PartitionKey eq ${partitionKey}`;
    for await (const entity of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      ids.push(decodeURIComponent(entity.rowKey ?? ''));
    }
    const found = await Promise.all(ids.map((id) => this.get(id)));
    return found
      .flatMap((stored) => (stored ? [stored.value] : []))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

/** A draft never sent: no version of it was ever frozen (a withdrawn plan is a draft again, but was sent). */
const isUnsentDraft = (state: Assignment): boolean => state.version === 0 && (state.status === 'draft' || state.status === 'cancelled');

/** A filter for the rows of a partition whose key starts with `prefix` (ending in '_', whose successor is '`'). */
export const rowsStartingWith = (partitionKey: string, prefix: string): string =>
  odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}\``}`;
