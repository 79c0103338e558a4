import { approverOf, waitingStep, type Approvers } from '../../domain/approval';
import type { Assignment } from '../../domain/assignment';
import type { DirectoryStore } from '../../store/directory';

/** Who decides the later steps of this plan, from the directory as it is now (never from a card). */
export async function approversFor(directory: DirectoryStore, state: Assignment): Promise<Approvers> {
  const [department, commsChief] = await Promise.all([
    state.plan ? directory.department(state.plan.who.departmentId) : undefined,
    directory.communicationsChief(),
  ]);
  return { communicator: department?.communicatorAadObjectId, commsChief };
}

/** The AAD object id of whoever's turn it is, if the plan waits on someone. */
export function currentApprover(state: Assignment, approvers: Approvers): string | undefined {
  const step = waitingStep(state);
  return step && approverOf(state, step, approvers);
}
