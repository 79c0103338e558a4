import type { Assignment, Event } from '../../domain/assignment';
import type { Reach } from '../../store/conversations';

/**
 * What a change implies beyond itself, stored in the assignment's outbox in the same transaction
 * and carried out afterwards (bot/flows/commands/outbox.ts). Each is safe to carry out twice.
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
  /** Bring every card sent about the assignment up to its stored state. */
  | { readonly kind: 'refreshCopies'; readonly reach: Reach }
  /**
   * Append the audit records not yet there to the assignment's write-once audit blob (R4). Only once a
   * plan has been sent: a draft never sent is no public record, and may be deleted (GDPR); its first
   * send seals what came before it too.
   */
  | { readonly kind: 'seal' }
  /** R15, R3: the assignment's record (akt), as PDF and JSON, into the archive container: when the account closes. */
  | { readonly kind: 'archiveRecord' }
  /** Tell the people concerned about one event: the next approver's card, news to the applicant. */
  | { readonly kind: 'announce'; readonly reach: Reach; readonly event: Event; readonly index: number; readonly state: Assignment };

const announced = new Set<Event['type']>([
  'PlanSubmitted',
  'PlanApproved',
  'ChangesRequested',
  'PlanRejected',
  'OwnerChangeProposed',
  'OwnerChangeApproved',
  'OwnerChangeRejected',
  'ApproverAssigned',
  'ApprovalMoved',
]);
// Who administers the account changes when it becomes active and when the administration changes.
const naming = new Set<Event['type']>(['PlanApproved', 'AdministrationChanged']);
// What the approval card does not show: a snooze or an absence changes no card sent, so none is updated.
const unseen = new Set<Event['type']>(['DutySnoozed', 'AbsenceRegistered', 'AbsencesForgotten']);
// Filling in a draft changes neither the register, nor the duties, nor any card sent: a draft has none of them.
const drafting = new Set<Event['type']>(['PlanStarted', 'StepSaved', 'StepOpened']);

/** The effects of a change: its events, the state they led to, its audit records, and where its people are reached. */
export function effectsOf(events: readonly Event[], state: Assignment, reach: Reach, audit: readonly unknown[] = []): Effect[] {
  const sealed: Effect[] = audit.length > 0 && state.version > 0 ? [{ kind: 'seal' }] : [];
  const archived: Effect[] = events.some((e) => e.type === 'AccountClosed') ? [{ kind: 'archiveRecord' }] : [];
  const admins = state.status === 'active' && state.plan.kind === 'account' && events.some((e) => naming.has(e.type)) ? state.plan.administration.admins : [];
  const index = [
    ...events.flatMap((e): Effect[] =>
      e.type === 'PlanStarted' ? [{ kind: 'index', aadObjectId: e.applicant.aadObjectId }] : e.type === 'OwnerChangeApproved' ? [{ kind: 'index', aadObjectId: e.newOwner.aadObjectId }] : [],
    ),
    ...admins.map((aadObjectId): Effect => ({ kind: 'index', aadObjectId, as: 'admin' })),
    ...events.flatMap((e): Effect[] =>
      e.type === 'PlanApproved' && state.plan?.kind === 'account'
        ? [{ kind: 'indexDepartment', departmentId: state.plan.who.departmentId }]
        : e.type === 'AbsenceRegistered' && e.substitute?.aadObjectId
          ? [{ kind: 'index', aadObjectId: e.substitute.aadObjectId, as: 'substitute' }]
          : [],
    ),
  ];
  if (events.every((e) => drafting.has(e.type))) return [...sealed, ...index];
  const cards: Effect[] = state.plan
    ? [
        ...(events.every((e) => unseen.has(e.type)) ? [] : [{ kind: 'refreshCopies', reach } as const]),
        ...events.flatMap((event, i): Effect[] => (announced.has(event.type) ? [{ kind: 'announce', reach, event, index: i, state }] : [])),
      ]
    : [];
  // Any change but a snooze or an absence may end a duty some nudge card is still asking for.
  const closed: Effect[] = state.plan && !events.every((e) => unseen.has(e.type)) ? [{ kind: 'closeNudges', reach }] : [];
  return [...sealed, ...index, ...archived, { kind: 'register' }, { kind: 'waiting' }, { kind: 'schedule', reach }, ...cards, ...closed];
}

/** Effects that send cards: taken with a lease, so two runners never both send. */
export const sendsCards = (effect: Effect): boolean => effect.kind === 'refreshCopies' || effect.kind === 'announce' || effect.kind === 'closeNudges';
