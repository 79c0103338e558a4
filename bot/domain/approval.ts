import type { ApprovalStep, Assignment, PersonRef } from './assignmentTypes';
import { localDate, localDayStart } from './calendar';

/**
 * Approving a plan (R1, R2): the chief gives the assignment; for an account the department
 * communicator and then the communications chief anchor it; monitoring only needs the chief.
 */
export type { ApprovalStep } from './assignmentTypes';

/** Who may decide each step, from the directory as it is at decision time (never from a card). */
export interface Approvers {
  /** R1: the applicant's (owner's) manager in Entra ID now; undefined if they have none. */
  readonly chief: string | undefined;
  readonly communicator?: string;
  readonly commsChief?: string;
}

interface ApprovalMeta {
  readonly actor: PersonRef;
  readonly now: string;
  /** The plan version the decision was made on; a decision on an older version is refused. */
  readonly version: number;
  /** The step the card was made for, if it says: a card from a step that is over is refused. */
  readonly step?: ApprovalStep;
  readonly approvers: Approvers;
}

export type ApprovalCommand =
  | { readonly type: 'ApprovePlan'; readonly meta: ApprovalMeta; readonly comment?: string }
  | { readonly type: 'RequestChanges'; readonly meta: ApprovalMeta; readonly comment: string }
  | { readonly type: 'RejectPlan'; readonly meta: ApprovalMeta; readonly comment: string };

interface Decided {
  readonly step: ApprovalStep;
  readonly version: number;
  readonly by: PersonRef;
  readonly at: string;
}

export type ApprovalEvent =
  | (Decided & { readonly type: 'PlanApproved'; readonly comment?: string })
  | (Decided & { readonly type: 'ChangesRequested'; readonly comment: string })
  | (Decided & { readonly type: 'PlanRejected'; readonly comment: string })
  | (Decided & { readonly type: 'OwnerChangeApproved'; readonly newOwner: PersonRef; readonly previousOwner: PersonRef; readonly comment?: string })
  | (Decided & { readonly type: 'OwnerChangeRejected'; readonly comment: string })
  /** R6: a decision on a change of an approved plan (planChange.ts). */
  | (Decided & { readonly type: 'ChangeApproved'; readonly comment?: string })
  | (Decided & { readonly type: 'ChangeRequested'; readonly comment: string })
  | (Decided & { readonly type: 'ChangeRejected'; readonly comment: string });

export type ApprovalRefusal =
  | { readonly reason: 'notWaiting' }
  | { readonly reason: 'oldVersion' }
  | { readonly reason: 'ownPlan' }
  | { readonly reason: 'notApprover'; readonly step: ApprovalStep }
  | { readonly reason: 'commentRequired' };

/**
 * Who may see a plan's card: its applicant (owner) and those who decide on it, as the directory has
 * them now (a chief recorded when the plan was sent who is no longer the manager is in its history only); nobody else.
 */
export const mayView = (state: Assignment, aadObjectId: string, approvers: Approvers): boolean =>
  [state.applicant.aadObjectId, approvers.chief, approvers.communicator, approvers.commsChief, 'assignedApprover' in state ? state.assignedApprover?.aadObjectId : undefined].includes(aadObjectId);

/**
 * R1: the department whose communicator a plan goes to. The applicant may name another department than
 * theirs in the directory (the plan then records that one as `directoryDepartmentId` when sent); only
 * the chief confirms the choice, by approving that version. Until then the plan stays with the
 * communicator of the applicant's own department: who names the approver when there is no chief, sees
 * the plan, and hears of it waiting.
 */
export function routedDepartment(state: Assignment): string | undefined {
  const who = state.plan?.who;
  if (!who) return undefined;
  const confirmed = state.status === 'awaiting_communicator' || state.status === 'awaiting_comms_chief' || state.status === 'active' || state.status === 'closed';
  return confirmed ? who.departmentId : (who.directoryDepartmentId ?? who.departmentId);
}

/** The step that decides after each step of the approval chain (chief, communicator, communications chief); undefined after the last. */
export const nextLevel: Record<ApprovalStep, ApprovalStep | undefined> = { chief: 'communicator', communicator: 'commschief', commschief: undefined };

/** The step a plan waits on, if it waits. */
export function waitingStep(state: Assignment): ApprovalStep | undefined {
  switch (state.status) {
    case 'awaiting_chief':
      return 'chief';
    case 'awaiting_communicator':
      return 'communicator';
    case 'awaiting_comms_chief':
      return 'commschief';
    case 'active':
      // A proposed new owner waits for the chief, like a plan (R1: the chief gives the assignment); a change of the plan waits on its step.
      return state.pendingOwner ? 'chief' : state.change?.sent?.waitingOn;
    default:
      return undefined;
  }
}

/** The version a decision is made on: a change waiting for approval, else the plan as last sent. */
export const versionWaiting = (state: Assignment): number => (state.status === 'active' && state.change?.sent ? state.change.sent.version : state.planVersion);

/** The AAD object id of whoever decides `step` of this plan. */
export function approverOf(state: Assignment, step: ApprovalStep, approvers: Approvers): string | undefined {
  switch (step) {
    case 'chief':
      // R1: whom the department communicator named, else the applicant's manager now.
      return ('assignedApprover' in state ? state.assignedApprover?.aadObjectId : undefined) ?? approvers.chief;
    case 'communicator':
      return approvers.communicator;
    case 'commschief':
      return approvers.commsChief;
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

export type ApprovalDecision =
  | { readonly ok: true; readonly events: readonly ApprovalEvent[] }
  | ({ readonly ok: false } & ApprovalRefusal);

const refuse = (refusal: ApprovalRefusal): ApprovalDecision => ({ ok: false, ...refusal });
const accept = (event: ApprovalEvent): ApprovalDecision => ({ ok: true, events: [event] });

export function decideApproval(command: ApprovalCommand, state: Assignment): ApprovalDecision {
  const { actor, now, version, approvers } = command.meta;
  const step = waitingStep(state);
  if (!step || (command.meta.step && command.meta.step !== step)) return refuse({ reason: 'notWaiting' });
  if (version !== versionWaiting(state)) return refuse({ reason: 'oldVersion' });
  if (actor.aadObjectId === state.applicant.aadObjectId) return refuse({ reason: 'ownPlan' });
  if (actor.aadObjectId !== approverOf(state, step, approvers)) return refuse({ reason: 'notApprover', step });
  const decided = { step, version, by: actor, at: now };
  if (state.status === 'active' && state.pendingOwner) {
    const comment = command.comment?.trim();
    if (command.type === 'ApprovePlan') {
      const { person: newOwner } = state.pendingOwner;
      return accept({ type: 'OwnerChangeApproved', ...decided, newOwner, previousOwner: state.applicant, comment: comment || undefined });
    }
    return comment ? accept({ type: 'OwnerChangeRejected', ...decided, comment }) : refuse({ reason: 'commentRequired' });
  }
  if (state.status === 'active' && state.change?.sent) return changeDecision(command, decided);
  switch (command.type) {
    case 'ApprovePlan':
      return accept({ type: 'PlanApproved', ...decided, comment: command.comment?.trim() || undefined });
    case 'RequestChanges':
    case 'RejectPlan': {
      const comment = command.comment.trim();
      if (!comment) return refuse({ reason: 'commentRequired' });
      return accept({ type: command.type === 'RequestChanges' ? 'ChangesRequested' : 'PlanRejected', ...decided, comment });
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/** R6: a decision on a change of the plan, as on a plan: a comment when asking for changes or refusing. */
function changeDecision(command: ApprovalCommand, decided: Decided): ApprovalDecision {
  const comment = command.comment?.trim();
  if (command.type === 'ApprovePlan') return accept({ type: 'ChangeApproved', ...decided, comment: comment || undefined });
  if (!comment) return refuse({ reason: 'commentRequired' });
  return accept({ type: command.type === 'RequestChanges' ? 'ChangeRequested' : 'ChangeRejected', ...decided, comment });
}

/** When an approved assignment starts: on the plan's start date if that is later than the approval (listed and counted from then). */
function startsAt(plan: NonNullable<Assignment['plan']>, approvedAt: string): string {
  const start = plan.kind === 'account' ? plan.channel.startDate : undefined;
  return start && start > localDate(approvedAt) ? localDayStart(start) : approvedAt;
}

/** Where an approved plan goes: on to the next step, or active once the last one approved. */
export function nextAfterApproval(state: Assignment, event: Extract<ApprovalEvent, { type: 'PlanApproved' }>): Assignment {
  if (!state.plan || !('submittedAt' in state)) throw new Error('PlanApproved on a plan never submitted');
  const base = { ...state, plan: state.plan, submittedAt: state.submittedAt };
  const lastStep = state.plan.kind === 'monitoring' ? 'chief' : 'commschief';
  // Whom a communicator named for the chief step decided that step only: an owner change later goes to the chief of then.
  if (event.step === lastStep) return { ...base, status: 'active', activatedAt: startsAt(state.plan, event.at), assignedApprover: undefined };
  return { ...base, status: event.step === 'chief' ? 'awaiting_communicator' : 'awaiting_comms_chief', waitingSince: event.at };
}
