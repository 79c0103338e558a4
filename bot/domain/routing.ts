import { routedDepartment, waitingStep, type ApprovalEvent, type ApprovalStep, type Approvers } from './approval';
import type { Assignment, CommandMeta, PersonRef } from './assignmentTypes';

/**
 * When the directory cannot say who decides, or people leave (R1, R10): the department communicator
 * names the approver of a chief step (the applicant has no manager, or the manager is away); a
 * waiting approval follows the directory when its approver leaves or is no longer the manager; the
 * applicant may take back a plan nobody has decided on yet; an owner or admin who leaves is noticed.
 */
export type RoutingCommand =
  | {
      readonly type: 'AssignApprover';
      readonly meta: CommandMeta & { readonly approvers: Approvers; readonly version: number; readonly centralDepartmentId?: string };
      readonly person: PersonRef;
      readonly standing: ChiefStanding;
    }
  | { readonly type: 'MoveApproval'; readonly meta: CommandMeta & { readonly seenRevision: number }; readonly from?: PersonRef; readonly to?: PersonRef; readonly reason: MoveReason }
  | { readonly type: 'WithdrawPlan'; readonly meta: CommandMeta & { readonly version: number } }
  | { readonly type: 'RecordLeaver'; readonly meta: CommandMeta; readonly person: PersonRef }
  | { readonly type: 'AppointOwner'; readonly meta: CommandMeta & { readonly approvers: Approvers }; readonly newOwner: PersonRef };

/** Why a waiting approval moved: its approver left, or the directory now names someone else. */
export type MoveReason = 'left' | 'changed';

export type RoutingEvent =
  | { readonly type: 'ApproverAssigned'; readonly by: PersonRef; readonly at: string; readonly person: PersonRef }
  | { readonly type: 'ApprovalMoved'; readonly by: PersonRef; readonly at: string; readonly step: ApprovalStep; readonly from?: PersonRef; readonly to?: PersonRef; readonly reason: MoveReason }
  | { readonly type: 'PlanWithdrawn'; readonly by: PersonRef; readonly at: string; readonly version: number }
  | { readonly type: 'OwnerLeft'; readonly by: PersonRef; readonly at: string; readonly owner: PersonRef }
  | { readonly type: 'AdminLeft'; readonly by: PersonRef; readonly at: string; readonly admin: PersonRef }
  /** The plan's substitute (R14) left: named no more; the owner names another. */
  | { readonly type: 'SubstituteLeft'; readonly by: PersonRef; readonly at: string; readonly substitute: PersonRef }
  /** The applicant left while their plan waited for a decision: it is withdrawn, as if they had taken it back. */
  | { readonly type: 'ApplicantLeft'; readonly by: PersonRef; readonly at: string; readonly applicant: PersonRef; readonly version: number; readonly step: ApprovalStep };

export type RoutingRefusal =
  | { readonly reason: 'notAllowed' }
  | { readonly reason: 'notWaiting' }
  | { readonly reason: 'oldVersion' }
  | { readonly reason: 'ownPlan' }
  | { readonly reason: 'decidesLater' }
  | { readonly reason: 'notChief' }
  | { readonly reason: 'otherDepartment' };

/** The person named to decide in the chief's place, as the directory has them now. */
export interface ChiefStanding {
  /** Someone reports to them (their manager link in the directory points at them). */
  readonly leads: boolean;
  readonly departmentId: string;
}

/**
 * R1, "din närmaste chef": whom the department communicator may name to decide the chief step. A chief
 * (someone reports to them), in the department the plan waits in (`routedDepartment`) or in the
 * communications chief's department, the central administration above every department: the directory
 * knows departments only by name, with no hierarchy between them, and the central one is the only one
 * known to stand above the others.
 */
export function chiefRefusal(standing: ChiefStanding, departmentId: string | undefined, centralDepartmentId: string | undefined): RoutingRefusal | undefined {
  if (!standing.leads) return { reason: 'notChief' };
  return standing.departmentId && [departmentId, centralDepartmentId].includes(standing.departmentId) ? undefined : { reason: 'otherDepartment' };
}

/** Routing also approves an owner the chief appoints (`OwnerChangeApproved`). */
type RoutingDecision = { readonly ok: true; readonly events: readonly (RoutingEvent | ApprovalEvent)[] } | ({ readonly ok: false } & RoutingRefusal);

/** Who acts when Kanalkoll itself records a change the directory showed (a leaver, a new manager). */
export const directoryActor: PersonRef = { aadObjectId: '00000000-0000-0000-0000-000000000000', name: 'Kanalkoll' };

/** The account's owner has left and nobody has taken it over yet: since when. */
export const ownerLeftAt = (state: Assignment): string | undefined => (state.status === 'active' ? state.dutyLog?.ownerLeftAt : undefined);

/**
 * Who may name a new owner of an account whose owner left: the owner's manager in the directory now
 * (not the chief recorded when the plan was sent, who stays in the audit only), the department
 * communicator or the communications chief.
 */
export const mayAppointOwner = (actor: string, approvers: Approvers): boolean =>
  [approvers.chief, approvers.communicator, approvers.commsChief].includes(actor);

/** In which role someone names a new owner, for the audit. */
const stepOf = (actor: string, approvers: Approvers): ApprovalStep =>
  actor === approvers.commsChief ? 'commschief' : actor === approvers.communicator ? 'communicator' : 'chief';

const refuse = (refusal: RoutingRefusal): RoutingDecision => ({ ok: false, ...refusal });
const accept = (...events: (RoutingEvent | ApprovalEvent)[]): RoutingDecision => ({ ok: true, events });

export function decideRouting(command: RoutingCommand, state: Assignment): RoutingDecision {
  const { actor: by, now: at } = command.meta;
  const step = waitingStep(state);
  switch (command.type) {
    case 'AssignApprover': {
      // Only the department communicator, only while the plan waits on the chief step.
      if (step !== 'chief') return refuse({ reason: 'notWaiting' });
      if (command.meta.version !== state.planVersion) return refuse({ reason: 'oldVersion' });
      if (by.aadObjectId !== command.meta.approvers.communicator) return refuse({ reason: 'notAllowed' });
      // Not on one's own plan, and never oneself or the communications chief: the chief step stays a decision of its own (R1).
      if (by.aadObjectId === state.applicant.aadObjectId || command.person.aadObjectId === state.applicant.aadObjectId) return refuse({ reason: 'ownPlan' });
      if ([by.aadObjectId, command.meta.approvers.communicator, command.meta.approvers.commsChief].includes(command.person.aadObjectId)) return refuse({ reason: 'decidesLater' });
      const refusal = chiefRefusal(command.standing, routedDepartment(state), command.meta.centralDepartmentId);
      return refusal ? refuse(refusal) : accept({ type: 'ApproverAssigned', by, at, person: command.person });
    }
    case 'MoveApproval':
      // Decided on the state the move was worked out from: a change meanwhile (a decision, another move) makes it void.
      if (!step || command.meta.seenRevision !== state.revision || command.from?.aadObjectId === command.to?.aadObjectId) return refuse({ reason: 'notWaiting' });
      return accept({ type: 'ApprovalMoved', by, at, step, ...(command.from ? { from: command.from } : {}), ...(command.to ? { to: command.to } : {}), reason: command.reason });
    case 'WithdrawPlan':
      // Nobody has decided on a plan that still waits for the chief: its applicant may take it back.
      if (by.aadObjectId !== state.applicant.aadObjectId) return refuse({ reason: 'notAllowed' });
      if (state.status !== 'awaiting_chief') return refuse({ reason: 'notWaiting' });
      if (command.meta.version !== state.planVersion) return refuse({ reason: 'oldVersion' });
      return accept({ type: 'PlanWithdrawn', by, at, version: state.planVersion });
    case 'RecordLeaver': {
      const leaver = command.person;
      // A plan still waiting for a decision cannot go on without its applicant: it is withdrawn.
      if (step && state.status !== 'active' && state.applicant.aadObjectId === leaver.aadObjectId) return accept({ type: 'ApplicantLeft', by, at, applicant: leaver, version: state.planVersion, step });
      if (state.status !== 'active') return refuse({ reason: 'notWaiting' });
      const events: RoutingEvent[] = [];
      if (state.applicant.aadObjectId === leaver.aadObjectId && !state.dutyLog?.ownerLeftAt) events.push({ type: 'OwnerLeft', by, at, owner: leaver });
      if (state.plan.kind === 'account' && state.plan.administration.admins.includes(leaver.aadObjectId)) events.push({ type: 'AdminLeft', by, at, admin: leaver });
      if (state.plan.kind === 'account' && state.plan.administration.substitute === leaver.aadObjectId) events.push({ type: 'SubstituteLeft', by, at, substitute: leaver });
      return events.length > 0 ? accept(...events) : refuse({ reason: 'notWaiting' });
    }
    case 'AppointOwner':
      if (!ownerLeftAt(state)) return refuse({ reason: 'notWaiting' });
      if (!mayAppointOwner(by.aadObjectId, command.meta.approvers)) return refuse({ reason: 'notAllowed' });
      if (command.newOwner.aadObjectId === state.applicant.aadObjectId) return refuse({ reason: 'ownPlan' });
      return accept({ type: 'OwnerChangeApproved', step: stepOf(by.aadObjectId, command.meta.approvers), version: state.planVersion, by, at, newOwner: command.newOwner, previousOwner: state.applicant });
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/** The state after a routing event. */
export function evolveRouting(state: Assignment, event: RoutingEvent): Assignment {
  switch (event.type) {
    case 'ApproverAssigned':
      return 'submittedAt' in state ? ({ ...state, assignedApprover: event.person } as Assignment) : state;
    case 'ApprovalMoved':
      // An approver the communicator named who then left is named no more: the step goes back to the directory.
      return 'assignedApprover' in state && state.assignedApprover && state.assignedApprover.aadObjectId === event.from?.aadObjectId
        ? ({ ...state, assignedApprover: undefined } as Assignment)
        : state;
    case 'PlanWithdrawn':
    case 'ApplicantLeft': {
      const { id, applicant, createdAt, draft, revision, planVersion, plan } = state;
      return { id, applicant, createdAt, draft, revision, planVersion, plan, step: 'review', status: 'draft' };
    }
    case 'OwnerLeft':
      return state.status === 'active' ? { ...state, dutyLog: { ...state.dutyLog, ownerLeftAt: state.dutyLog?.ownerLeftAt ?? event.at } } : state;
    case 'AdminLeft':
      return state.status === 'active' && state.plan.kind === 'account'
        ? {
            ...state,
            plan: { ...state.plan, administration: { ...state.plan.administration, admins: state.plan.administration.admins.filter((a) => a !== event.admin.aadObjectId) } },
            dutyLog: { ...state.dutyLog, adminsChangedAt: event.at },
          }
        : state;
    case 'SubstituteLeft':
      return state.status === 'active' && state.plan.kind === 'account' && state.plan.administration.substitute === event.substitute.aadObjectId
        ? { ...state, plan: { ...state.plan, administration: { ...state.plan.administration, substitute: '' } } }
        : state;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

