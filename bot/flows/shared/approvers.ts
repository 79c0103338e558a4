import { approverOf, routedDepartment, waitingStep, type Approvers } from '../../domain/approval';
import type { Assignment } from '../../domain/assignment';
import { chiefOf, isEnabled } from '../../domain/directory';
import type { AssignmentStore } from '../../store/assignments';
import type { DirectoryStore } from '../../store/directory';

/**
 * Who decides each step of this plan, from the directory as it is now (never from a card): the chief
 * is the applicant's manager; the communicator is that of the plan's department once the chief
 * confirmed it, of the applicant's own department before (R1, `routedDepartment`); nobody who has left decides anything.
 */
export async function approversFor(directory: Pick<DirectoryStore, 'person' | 'department' | 'communicationsChief'>, state: Assignment): Promise<Approvers> {
  const departmentId = routedDepartment(state);
  const [department, commsChief, applicant] = await Promise.all([
    departmentId ? directory.department(departmentId) : undefined,
    directory.communicationsChief(),
    directory.person(state.applicant.aadObjectId),
  ]);
  const present = async (id: string | undefined) => {
    const person = id ? await directory.person(id) : undefined;
    return person && isEnabled(person) ? person.aadObjectId : undefined;
  };
  const [manager, communicator, chiefOfComms] = await Promise.all([
    applicant?.chiefAadObjectId ? directory.person(applicant.chiefAadObjectId) : undefined,
    present(department?.communicatorAadObjectId),
    present(commsChief),
  ]);
  return { chief: chiefOf(applicant, manager), communicator, commsChief: chiefOfComms };
}

/** The AAD object id of whoever's turn it is, if the plan waits on someone. */
export function currentApprover(state: Assignment, approvers: Approvers): string | undefined {
  const step = waitingStep(state);
  return step && approverOf(state, step, approvers);
}

/** Notes in the store whether the plan waits on an approver now, and on whom (see MoveApproval). */
export async function trackWaiting(
  deps: { readonly directory: Pick<DirectoryStore, 'person' | 'department' | 'communicationsChief'>; readonly assignments: Pick<AssignmentStore, 'trackWaiting'> },
  state: Assignment,
  approvers?: Approvers,
): Promise<void> {
  await deps.assignments.trackWaiting(state.id, waitingStep(state) ? { approver: currentApprover(state, approvers ?? (await approversFor(deps.directory, state))) } : undefined);
}
