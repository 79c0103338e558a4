import { approverOf, nextLevel, waitingStep, type Approvers } from './approval';
import type { Assignment } from './assignmentTypes';
import type { Nudge } from './duties';

/** Which side of a nudge its recipient is on: it decides what their card says. */
export const nudgeRoles = ['owner', 'approver', 'applicant', 'nextLevel', 'escalation', 'substitute'] as const;
export type NudgeRole = (typeof nudgeRoles)[number];

/** Who gets the nudge, and as whom: resolved from the stored assignment and directory, never from the message. */
export function nudgeRecipients(nudge: Nudge, state: Assignment, approvers: Approvers, unreachable?: string): Map<string, NudgeRole> {
  const people = new Map<string, NudgeRole>();
  const add = (aad: string | undefined, role: NudgeRole) => {
    if (aad && !people.has(aad)) people.set(aad, role);
  };
  const audience = unreachable ? 'escalation' : nudge.audience;
  const step = waitingStep(state);
  switch (audience) {
    case 'owner':
      // An owner who left gets nothing more: until a new owner is named, their duties go to their chief.
      if (state.status === 'active' && state.dutyLog?.ownerLeftAt) add(approvers.chief ?? approvers.communicator, 'escalation');
      else add(state.applicant.aadObjectId, 'owner');
      break;
    case 'approver':
      add(step && approverOf(state, step, approvers), 'approver');
      break;
    case 'applicantAndNextLevel': {
      add(state.applicant.aadObjectId, 'applicant');
      const next = step && nextLevel[step];
      add(next && approverOf(state, next, approvers), 'nextLevel');
      break;
    }
    case 'escalation':
      // The owner's manager in the directory now, who may also close the account (R11): not the chief recorded when the plan was sent.
      add(approvers.chief, 'escalation');
      add(approvers.communicator, 'escalation');
      break;
    case 'commsChief':
      add(approvers.commsChief, 'escalation');
      break;
    case 'substitute': {
      const absence = state.status === 'active' ? state.dutyLog?.absences?.find((a) => a.from === nudge.period) : undefined;
      add(absence?.substituteAadObjectId, 'substitute');
      break;
    }
    default: {
      const exhaustive: never = audience;
      return exhaustive;
    }
  }
  if (unreachable) people.delete(unreachable);
  return people;
}
