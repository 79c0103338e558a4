import type { OwnershipFacts } from '../domain/account';
import type { Assignment } from '../domain/assignment';
import { AssignmentIndexes } from './assignmentIndexes';
import type { IndexedAs } from './assignmentLayout';
import { AssignmentStates, type Change, type PlanVersion, type SentCard } from './assignmentState';
import { Holds } from './holds';
import type { Stored } from './repository';
import type { Tables } from './tables';

export type { Change, PlanVersion, SentCard } from './assignmentState';
// The table's keys are built in assignmentLayout.ts; these names stay here for code that imported them from this module.
export { assignmentPartition as partition, copyRow, revisionKey, rowsStartingWith, sentKey } from './assignmentLayout';

/**
 * Assignments in the `assignments` table (layout: assignmentLayout.ts), as one object for the flows:
 * the state with its versions, audit and outbox (`AssignmentStates`), the indexes
 * (`AssignmentIndexes`) and the holds (`Holds`), each a class of its own over the same table.
 */
export class AssignmentStore {
  readonly states: AssignmentStates;
  readonly indexes: AssignmentIndexes;
  readonly holdsOf: Holds;

  constructor(tables: Tables) {
    this.states = new AssignmentStates(tables);
    this.indexes = new AssignmentIndexes(tables, this.states);
    this.holdsOf = new Holds(tables);
  }

  get(id: string): Promise<Stored<Assignment> | undefined> {
    return this.states.get(id);
  }

  /** See `AssignmentStates.lastSaved`. */
  lastSaved(id: string): Stored<Assignment> | undefined {
    return this.states.lastSaved(id);
  }

  /** See `AssignmentStates.commit`: the state, a frozen version, audit and outbox rows in one transaction. */
  commit(change: Change): Promise<void> {
    return this.states.commit(change);
  }

  /**
   * Stores an assignment as it is, without a command, indexed as its effects would have (tests, the
   * bench): the owner's row without ownership facts, as the effects write it while they pass no state.
   */
  async create(assignment: Assignment): Promise<void> {
    await this.commit({ state: assignment, etag: undefined, audit: [], outbox: [] });
    await this.index(assignment.id, assignment.applicant.aadObjectId);
    if (assignment.status === 'active' && assignment.plan.kind === 'account') {
      await this.indexDepartment(assignment.id, assignment.plan.who.departmentId);
      for (const admin of assignment.plan.administration.admins) await this.index(assignment.id, admin, 'admin');
    }
  }

  /** See `AssignmentIndexes.index`; `current`: the assignment as stored now, whose ownership facts the owner's row keeps. */
  index(assignmentId: string, aadObjectId: string, as: IndexedAs = 'owner', current?: Assignment): Promise<void> {
    return this.indexes.index(assignmentId, aadObjectId, as, current);
  }

  indexDepartment(assignmentId: string, departmentId: string): Promise<void> {
    return this.indexes.indexDepartment(assignmentId, departmentId);
  }

  /** The accounts `aadObjectId` has been named substitute for (check each absence's dates). */
  substitutingFor(aadObjectId: string): Promise<Assignment[]> {
    return this.indexes.substitutingFor(aadObjectId);
  }

  /** The accounts approved in a department (check each: it may have closed). */
  inDepartment(departmentId: string): Promise<Assignment[]> {
    return this.indexes.inDepartment(departmentId);
  }

  /** The assignments listing `aadObjectId` as an admin at some point (R10); check each against its admins. */
  administeredBy(aadObjectId: string): Promise<Assignment[]> {
    return this.indexes.administeredBy(aadObjectId);
  }

  /** Everything `aadObjectId` has applied for or owns, newest first. */
  listFor(aadObjectId: string): Promise<Assignment[]> {
    return this.indexes.listFor(aadObjectId);
  }

  /** See `AssignmentIndexes.ownershipFor`: what the welcome card needs, from one read of the person's index. */
  ownershipFor(aadObjectId: string): Promise<OwnershipFacts[]> {
    return this.indexes.ownershipFor(aadObjectId);
  }

  trackWaiting(assignmentId: string, waiting: { readonly approver: string | undefined } | undefined): Promise<void> {
    return this.indexes.trackWaiting(assignmentId, waiting);
  }

  waiting(): Promise<{ readonly assignmentId: string; readonly approver: string | undefined }[]> {
    return this.indexes.waiting();
  }

  versions(id: string): Promise<PlanVersion[]> {
    return this.states.versions(id);
  }

  addCopy(id: string, copy: SentCard): Promise<void> {
    return this.states.addCopy(id, copy);
  }

  copies(id: string): Promise<SentCard[]> {
    return this.states.copies(id);
  }

  /** See `AssignmentStates.all`: a scan, for the weekly digest only. */
  all(): Promise<Assignment[]> {
    return this.states.all();
  }

  draftsUnchangedSince(before: string): Promise<Assignment[]> {
    return this.states.draftsUnchangedSince(before);
  }

  /** GDPR: a draft never sent goes, every row of its partition, then its index row (see `AssignmentStates.deleteDraft`). */
  async deleteDraft(id: string, before: string): Promise<boolean> {
    const deleted = await this.states.deleteDraft(id, before);
    if (deleted) await this.indexes.unlist(id, deleted.applicant.aadObjectId);
    return deleted !== undefined;
  }

  holds(): Promise<Map<string, { by: string; at: string }>> {
    return this.holdsOf.holds();
  }

  hold(id: string, by: string, at: string): Promise<void> {
    return this.holdsOf.hold(id, by, at);
  }

  releaseHold(id: string): Promise<void> {
    return this.holdsOf.releaseHold(id);
  }
}
