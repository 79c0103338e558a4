import { odata, type TableClient } from '@azure/data-tables';
import { ownershipFacts, type OwnershipFacts } from '../domain/account';
import type { Assignment, AssignmentStatus } from '../domain/assignment';
import { ETagConflict } from '../errors';
import { departmentPartition, indexPartition, listedId, listedRow, personPartition, waitingPartition, type IndexedAs } from './assignmentLayout';
import type { AssignmentStates } from './assignmentState';
import type { Stored } from './repository';
import { orConflict, unlessMissing } from './statuses';
import type { Tables } from './tables';

/** The columns of a person's index row that say what the welcome card needs (absent on rows written before them). */
interface FactColumns {
  readonly status?: string;
  readonly kind?: string;
  readonly owner?: string;
  readonly revision?: number;
}

const factsOf = (row: FactColumns): OwnershipFacts | undefined =>
  typeof row.status === 'string' && typeof row.owner === 'string' && typeof row.revision === 'number'
    ? { status: row.status as AssignmentStatus, ...(row.kind === 'account' || row.kind === 'monitoring' ? { kind: row.kind } : {}), ownerAadObjectId: row.owner }
    : undefined;

/**
 * The indexes over the assignments (in `assignments`, see assignmentLayout.ts): per person what they
 * applied for or own (with the facts the welcome card needs), per person what they administer and
 * are substitute for, per department its accounts, and the plans waiting on an approver. Each lists
 * assignment ids; a list read checks each entry against the assignment it names.
 */
export class AssignmentIndexes {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly states: Pick<AssignmentStates, 'get'>,
  ) {
    this.table = tables.client('assignments');
  }

  /**
   * Lists the assignment under `aadObjectId`: as its applicant or a new owner (earlier owners keep it
   * in their history), or as one of its admins (an entry that outlives the admin's role is checked
   * against the assignment when read). With `current` (the assignment as stored now), an owner's row
   * also keeps its ownership facts, which the welcome card reads instead of the assignment; never set
   * back to an older revision than the row has.
   */
  async index(assignmentId: string, aadObjectId: string, as: IndexedAs = 'owner', current?: Assignment): Promise<void> {
    const key = { partitionKey: indexPartition(aadObjectId, as), rowKey: listedRow(assignmentId) };
    if (as !== 'owner' || current === undefined) {
      await this.table.upsertEntity(key);
      return;
    }
    const facts = ownershipFacts(current);
    const entity = { ...key, status: facts.status, kind: facts.kind ?? '', owner: facts.ownerAadObjectId, revision: current.revision };
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await unlessMissing(this.table.getEntity<FactColumns>(key.partitionKey, key.rowKey));
      if (row && typeof row.revision === 'number' && row.revision >= current.revision) return;
      const write = row ? this.table.updateEntity(entity, 'Replace', { etag: row.etag }) : this.table.createEntity(entity);
      try {
        await orConflict(write, 'assignments', key.partitionKey);
        return;
      } catch (error) {
        // Written meanwhile: read again, and write only if these facts are still newer.
        if (!(error instanceof ETagConflict)) throw error;
      }
    }
  }

  /** Lists an approved account under its department (R13: its communicator finds it). */
  async indexDepartment(assignmentId: string, departmentId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: departmentPartition(departmentId), rowKey: listedRow(assignmentId) });
  }

  /** A draft deleted (GDPR) leaves its applicant's list. */
  async unlist(assignmentId: string, aadObjectId: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity(personPartition(aadObjectId), listedRow(assignmentId)));
  }

  /** Everything `aadObjectId` has applied for or owns, newest first. */
  listFor(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(indexPartition(aadObjectId, 'owner'));
  }

  /** The accounts `aadObjectId` has been named substitute for (check each absence's dates). */
  substitutingFor(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(indexPartition(aadObjectId, 'substitute'));
  }

  /** The assignments listing `aadObjectId` as an admin at some point (R10); check each against its admins. */
  administeredBy(aadObjectId: string): Promise<Assignment[]> {
    return this.listed(indexPartition(aadObjectId, 'admin'));
  }

  /** The accounts approved in a department (check each: it may have closed). */
  inDepartment(departmentId: string): Promise<Assignment[]> {
    return this.listed(departmentPartition(departmentId));
  }

  /**
   * The ownership facts of everything `aadObjectId` has applied for or owns: one read of their index
   * partition. A row written before rows kept facts is answered from its assignment.
   */
  async ownershipFor(aadObjectId: string): Promise<OwnershipFacts[]> {
    const known: OwnershipFacts[] = [];
    const unknown: string[] = [];
    const filter = odata`PartitionKey eq ${personPartition(aadObjectId)}`;
    for await (const row of this.table.listEntities<FactColumns>({ queryOptions: { filter } })) {
      const facts = factsOf(row);
      if (facts) known.push(facts);
      else unknown.push(listedId(row.rowKey));
    }
    const read = await Promise.all(unknown.map((id) => this.states.get(id)));
    return [...known, ...read.flatMap((stored) => (stored ? [ownershipFacts(stored.value)] : []))];
  }

  /** Notes that the plan waits on `approver` (undefined: on nobody yet), or, without a step, that it waits no more. */
  async trackWaiting(assignmentId: string, waiting: { readonly approver: string | undefined } | undefined): Promise<void> {
    if (waiting) await this.table.upsertEntity({ partitionKey: waitingPartition, rowKey: listedRow(assignmentId), approver: waiting.approver ?? '' }, 'Replace');
    else await unlessMissing(this.table.deleteEntity(waitingPartition, listedRow(assignmentId)));
  }

  /** Every plan waiting on an approver, with whom its card went to. */
  async waiting(): Promise<{ readonly assignmentId: string; readonly approver: string | undefined }[]> {
    const found: { assignmentId: string; approver: string | undefined }[] = [];
    const filter = odata`PartitionKey eq ${waitingPartition}`;
    for await (const entity of this.table.listEntities<{ approver?: string }>({ queryOptions: { filter } })) {
      found.push({ assignmentId: listedId(entity.rowKey), approver: entity.approver || undefined });
    }
    return found;
  }

  /** The assignments an index partition lists, newest first. */
  private async listed(partitionKey: string): Promise<Assignment[]> {
    const ids: string[] = [];
    const filter = odata`PartitionKey eq ${partitionKey}`;
    for await (const entity of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      ids.push(listedId(entity.rowKey));
    }
    const found: (Stored<Assignment> | undefined)[] = await Promise.all(ids.map((id) => this.states.get(id)));
    return found.flatMap((stored) => (stored ? [stored.value] : [])).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
