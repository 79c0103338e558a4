import { odata, RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ActivityPlan } from '../domain/activityPlan';
import type { Assignment, AssignmentStatus } from '../domain/assignment';
import { ETagConflict } from '../errors';
import { encodeKey, fromColumns, TableRepository, toColumns, type Stored } from './repository';
import type { Tables } from './tables';

/** Where a card about an assignment was sent: in whose chat, and which message. */
export interface SentCard {
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
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

const partition = (id: string) => `a_${encodeKey(id)}`;
const personPartition = (aadObjectId: string) => `p_${encodeKey(aadObjectId)}`;
const versionRow = (version: number) => `version_${String(version).padStart(4, '0')}`;

/**
 * Assignments in the `assignments` table. Each has its own partition holding the assignment and
 * its frozen plan versions, so a submit writes both in one transaction; a small index per person
 * (partition p_<aad>) lists someone's assignments without scanning the table.
 */
export class AssignmentStore {
  private readonly table: TableClient;
  private readonly repo: TableRepository<Assignment>;

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

  /** Stores a new assignment and lists it under its applicant. */
  async create(assignment: Assignment): Promise<string> {
    const etag = await this.repo.save(assignment, undefined);
    await this.index(assignment);
    return etag;
  }

  /** Lists the assignment under its applicant (owner); earlier owners keep it in their history. */
  async index(assignment: Assignment): Promise<void> {
    await this.table.upsertEntity({ partitionKey: personPartition(assignment.applicant.aadObjectId), rowKey: encodeKey(assignment.id) });
  }

  /** Replaces the assignment if it still has `etag`; ETagConflict otherwise. */
  save(assignment: Assignment, etag: string): Promise<string> {
    return this.repo.save(assignment, etag);
  }

  /** Saves the submitted assignment and freezes its plan version together, or neither. */
  async submit(assignment: Assignment, etag: string, frozen: PlanVersion): Promise<void> {
    try {
      await this.table.submitTransaction([
        ['update', this.repo.entity(assignment), 'Replace', { etag }],
        ['create', { partitionKey: partition(assignment.id), rowKey: versionRow(frozen.version), ...toColumns(frozen) }],
      ]);
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) {
        throw new ETagConflict('assignments', assignment.id, { cause: error });
      }
      throw error;
    }
  }

  versions(id: string): Promise<PlanVersion[]> {
    return this.rows(id, 'version_') as Promise<PlanVersion[]>;
  }

  /** Remembers a card sent about the assignment, so every copy can be updated when it changes. */
  async addCopy(id: string, copy: SentCard): Promise<void> {
    const rowKey = `copy_${encodeKey(copy.conversationId)}_${encodeKey(copy.activityId)}`;
    await this.table.upsertEntity({ partitionKey: partition(id), rowKey, ...toColumns(copy) });
  }

  copies(id: string): Promise<SentCard[]> {
    return this.rows(id, 'copy_') as Promise<SentCard[]>;
  }

  /** The values of the assignment's rows whose key starts with `prefix` ('copy_', 'version_'), in key order. */
  private async rows(id: string, prefix: string): Promise<unknown[]> {
    const values: unknown[] = [];
    // The character after '_' is '`', so this range is exactly the keys with the prefix.
    const end = `${prefix.slice(0, -1)}\``;
    const filter = odata`PartitionKey eq ${partition(id)} and RowKey ge ${prefix} and RowKey lt ${end}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      values.push(fromColumns(entity));
    }
    return values;
  }

  /** Everything `aadObjectId` has applied for, newest first. */
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

  async listFor(aadObjectId: string): Promise<Assignment[]> {
    const ids: string[] = [];
    const filter = odata`PartitionKey eq ${personPartition(aadObjectId)}`;
    for await (const entity of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      ids.push(decodeURIComponent(entity.rowKey ?? ''));
    }
    const found = await Promise.all(ids.map((id) => this.get(id)));
    return found
      .flatMap((stored) => (stored ? [stored.value] : []))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
