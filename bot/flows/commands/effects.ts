import type { Assignment, Event } from '../../domain/assignment';
import type { DutyKind } from '../../domain/duties';
import type { Reach } from '../../store/conversations';

/** Events that tell someone something: the next approver's card, news to the applicant or owner. */
export type AnnouncedEvent = Extract<
  Event,
  {
    type:
      | 'PlanSubmitted'
      | 'PlanApproved'
      | 'ChiefAsked'
      | 'StepSaved'
      | 'PlanCorrected'
      | 'ChangesRequested'
      | 'PlanRejected'
      | 'OwnerChangeProposed'
      | 'OwnerChangeApproved'
      | 'OwnerChangeRejected'
      | 'ApproverAssigned'
      | 'ApprovalMoved'
      | 'SubstituteLeft'
      | 'ApplicantLeft'
      | 'ChangeSubmitted'
      | 'ChangeApproved'
      | 'ChangeRequested'
      | 'ChangeRejected';
  }
>;

/**
 * What a change implies beyond itself, stored in the assignment's outbox in the same transaction
 * and carried out afterwards, off the turn (bot/flows/commands/outbox.ts). Each is safe to carry out twice.
 */
export type Effect =
  /**
   * List the assignment under this person: as owner, so "mina ansökningar" and "mina konton" find
   * it; as admin, so it is found when they leave (R10); as substitute during an absence, so they can
   * report criticism that came to the account (R13, R14).
   */
  | { readonly kind: 'index'; readonly aadObjectId: string; readonly as?: 'admin' | 'substitute' }
  /** List the account under its department, so the department's communicator finds it (R13). */
  | { readonly kind: 'indexDepartment'; readonly departmentId: string }
  /** Note whether the plan waits on an approver, and on whom, so a change in the directory can move it. */
  | { readonly kind: 'waiting' }
  /** Update every nudge card out about the assignment whose duty is now done or ended, to say so. */
  | { readonly kind: 'closeNudges'; readonly reach: Reach }
  /** Put the account in the public register, or take it out, as the stored assignment now says (R3). */
  | { readonly kind: 'register' }
  /** Plan the assignment's next duty nudges from its stored state. */
  | { readonly kind: 'schedule'; readonly reach: Reach }
  /**
   * Bring every card sent about the assignment up to its stored state. `pressed` is the card whose
   * button made the change: the press's own answer already changed it, so it is only marked as shown.
   */
  | { readonly kind: 'refreshCopies'; readonly reach: Reach; readonly pressed?: string }
  /**
   * Append the audit records not yet there to the assignment's write-once audit blob (R4). Only once a
   * plan has been sent: a draft never sent is no public record, and may be deleted (GDPR); its first
   * send seals what came before it too.
   */
  | { readonly kind: 'seal' }
  /** R15, R3: the assignment's record (akt), as PDF and JSON, into the archive container: when the account closes. */
  | { readonly kind: 'archiveRecord' }
  /** "Påminn nu": send the owner the card of this overdue duty again (R16 overview). */
  | { readonly kind: 'remindOwner'; readonly reach: Reach; readonly duty: DutyKind; readonly period: string }
  /** Tell the people concerned about one event: the next approver's card, news to the applicant. */
  | { readonly kind: 'announce'; readonly reach: Reach; readonly event: AnnouncedEvent; readonly index: number; readonly state: Assignment };

/**
 * How far one event reaches: `draft` changes only the questionnaire (no register, duties or card
 * sent); `quiet` changes what is stored and scheduled but no card sent shows it (a snooze, an
 * absence); `seen` changes what cards sent about it show, and may end a duty a nudge card asks for.
 */
type Reaches = 'draft' | 'quiet' | 'seen';

interface Implied {
  readonly reaches: Reaches;
  /** The event as an announcement, if it tells someone something. */
  readonly announce?: AnnouncedEvent;
  /** The person and department indexes it adds to. */
  readonly index: readonly Effect[];
  /** The duty whose card goes to the owner again ("Påminn nu"). */
  readonly remind?: { readonly duty: DutyKind; readonly period: string };
}

const unreachable = (event: never): never => {
  throw new Error(`No effects placed for event ${JSON.stringify(event)}`);
};

/** Who administers an active account: indexed when it becomes active and when its administration changes (R10). */
const adminIndex = (state: Assignment): Effect[] =>
  state.status === 'active' && state.plan.kind === 'account' ? state.plan.administration.admins.map((aadObjectId): Effect => ({ kind: 'index', aadObjectId, as: 'admin' })) : [];

/** The plan's substitute (R14), listed so their leaving is followed up; a list read checks each absence's dates before it lets them act. */
const substituteIndex = (state: Assignment): Effect[] =>
  state.status === 'active' && state.plan.kind === 'account' && state.plan.administration.substitute ? [{ kind: 'index', aadObjectId: state.plan.administration.substitute, as: 'substitute' }] : [];

/** The owner's own index row, written again when what they own changes. */
const ownerIndex = (state: Assignment): Effect => ({ kind: 'index', aadObjectId: state.applicant.aadObjectId });

/** What one event implies, decided per event: an event nobody placed here does not compile. */
function implied(event: Event, state: Assignment): Implied {
  switch (event.type) {
    case 'PlanStarted':
      return { reaches: 'draft', index: [{ kind: 'index', aadObjectId: event.applicant.aadObjectId }] };
    case 'StepSaved':
      // R1: the applicant hears what their chief changed in the draft; a correction before approving is told when approved.
      return { reaches: 'draft', index: [], ...(event.changed?.length && state.status !== 'awaiting_chief' ? { announce: event } : {}) };
    case 'ChiefAsked':
      return { reaches: 'draft', announce: event, index: [] };
    case 'StepOpened':
    case 'ChangeStarted':
      return { reaches: 'draft', index: [] };
    case 'ChangeApproved':
      // Approved at the last step, the new version may name other admins or a substitute (R10, R14).
      return { reaches: 'seen', announce: event, index: [ownerIndex(state), ...adminIndex(state), ...substituteIndex(state)] };
    case 'PlanApproved':
      return {
        reaches: 'seen',
        announce: event,
        // The owner's row says what they own now ("hej" reads only their rows).
        index: [ownerIndex(state), ...adminIndex(state), ...substituteIndex(state), ...(state.plan?.kind === 'account' ? [{ kind: 'indexDepartment', departmentId: state.plan.who.departmentId } as const] : [])],
      };
    case 'OwnerChangeApproved':
      return { reaches: 'seen', announce: event, index: [{ kind: 'index', aadObjectId: event.newOwner.aadObjectId }, { kind: 'index', aadObjectId: event.previousOwner.aadObjectId }] };
    case 'AccountClosed':
      return { reaches: 'seen', index: [ownerIndex(state)] };
    case 'PlanSubmitted':
    case 'PlanCorrected':
    case 'ChangesRequested':
    case 'PlanRejected':
    case 'OwnerChangeProposed':
    case 'OwnerChangeRejected':
    case 'ApproverAssigned':
    case 'ApprovalMoved':
    case 'SubstituteLeft':
    case 'ApplicantLeft':
    case 'ChangeSubmitted':
    case 'ChangeRequested':
    case 'ChangeRejected':
      return { reaches: 'seen', announce: event, index: [] };
    case 'AdministrationChanged':
      return { reaches: 'seen', index: [...adminIndex(state), ...substituteIndex(state)] };
    case 'DraftCancelled':
    case 'RemovalRecorded':
    case 'DutyCompleted':
    case 'ActivityPaused':
    case 'PlanWithdrawn':
    case 'OwnerLeft':
    case 'AdminLeft':
    case 'ChangeWithdrawn':
      return { reaches: 'seen', index: [] };
    case 'AbsenceRegistered':
      return { reaches: 'quiet', index: event.substitute?.aadObjectId ? [{ kind: 'index', aadObjectId: event.substitute.aadObjectId, as: 'substitute' }] : [] };
    case 'DutySnoozed':
    case 'AbsencesForgotten':
      return { reaches: 'quiet', index: [] };
    case 'OwnerReminded':
      return { reaches: 'quiet', index: [], remind: { duty: event.duty, period: event.period } };
    default:
      return unreachable(event);
  }
}

/**
 * The effects of a change: its events, the state they led to, its audit records, where its people
 * are reached, and the card whose button made it (if one did).
 */
export function effectsOf(events: readonly Event[], state: Assignment, reach: Reach, audit: readonly unknown[] = [], pressed?: string): Effect[] {
  const each = events.map((event) => implied(event, state));
  const sealed: Effect[] = audit.length > 0 && state.planVersion > 0 ? [{ kind: 'seal' }] : [];
  const archived: Effect[] = events.some((e) => e.type === 'AccountClosed') ? [{ kind: 'archiveRecord' }] : [];
  const index = each.flatMap((i) => i.index);
  const announced = each.flatMap((i, index): Effect[] => (i.announce ? [{ kind: 'announce', reach, event: i.announce, index, state }] : []));
  // A draft's change tells someone at most (the chief asked to fill in, the applicant what the chief changed).
  if (each.every((i) => i.reaches === 'draft')) return [...sealed, ...index, ...announced];
  const seen = state.plan !== undefined && each.some((i) => i.reaches === 'seen');
  const reminded = each.flatMap((i): Effect[] => (i.remind ? [{ kind: 'remindOwner', reach, ...i.remind }] : []));
  const cards: Effect[] = state.plan ? [...(seen ? [{ kind: 'refreshCopies', reach, ...(pressed ? { pressed } : {}) } as const] : []), ...announced, ...reminded] : [];
  // A change seen on cards may end a duty some nudge card is still asking for.
  const closed: Effect[] = seen ? [{ kind: 'closeNudges', reach }] : [];
  return [...sealed, ...index, ...archived, { kind: 'register' }, { kind: 'waiting' }, { kind: 'schedule', reach }, ...cards, ...closed];
}

/** Effects that send cards: taken with a lease, so two runners never both send. */
export const sendsCards = (effect: Effect): boolean => effect.kind === 'refreshCopies' || effect.kind === 'announce' || effect.kind === 'closeNudges' || effect.kind === 'remindOwner';
