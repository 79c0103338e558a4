import { approverOf, waitingStep, type Approvers } from '../../domain/approval';
import type { Assignment } from '../../domain/assignment';
import { chiefOf } from '../../domain/directory';
import type { AssignmentStore } from '../../store/assignments';
import type { DirectoryStore } from '../../store/directory';

/** Who decides each step of this plan, from the directory as it is now (never from a card): the chief is the applicant's manager. */
export async function approversFor(directory: DirectoryStore, state: Assignment): Promise<Approvers> {
  const [department, commsChief, applicant] = await Promise.all([
    state.plan ? directory.department(state.plan.who.departmentId) : undefined,
    directory.communicationsChief(),
    directory.person(state.applicant.aadObjectId),
  ]);
  const manager = applicant?.chiefAadObjectId ? await directory.person(applicant.chiefAadObjectId) : undefined;
  return { chief: chiefOf(applicant, manager), communicator: department?.communicatorAadObjectId, commsChief };
}

/** The AAD object id of whoever's turn it is, if the plan waits on someone. */
export function currentApprover(state: Assignment, approvers: Approvers): string | undefined {
  const step = waitingStep(state);
  return step && approverOf(state, step, approvers);
}

/** Notes in the store whether the plan waits on an approver now, and on whom (see MoveApproval). */
export async function trackWaiting(deps: { readonly directory: DirectoryStore; readonly assignments: Pick<AssignmentStore, 'trackWaiting'> }, state: Assignment): Promise<void> {
  await deps.assignments.trackWaiting(state.id, waitingStep(state) ? { approver: currentApprover(state, await approversFor(deps.directory, state)) } : undefined);
}
