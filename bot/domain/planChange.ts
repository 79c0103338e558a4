import { checkPlan, stepsFor, type ActivityPlan, type FieldError, type PlanChoices, type PlanKind, type StepName } from './activityPlan';
import { nextLevel, type ApprovalEvent } from './approval';
import type { Assignment, CommandMeta, OnRevision, PersonRef } from './assignmentTypes';
import { fieldKey, planDiff } from './planDiff';

/**
 * R6, "the plan is a living document": changing an approved plan. The owner or their chief starts a
 * change; the questionnaire opens filled with the version in force and is edited as a draft is (the
 * same steps, the same `SaveStep` and `OpenStep`); sent, it is a new version that waits for the chief.
 * A change of what the register shows (R3) is anchored as the first plan was: the department
 * communicator, then the communications chief. Meanwhile the account runs under the version in force;
 * approved, the new version is in force; refused or withdrawn, the old one stands.
 */
export type ChangeCommand =
  | { readonly type: 'StartChange'; readonly meta: CommandMeta & { readonly chief?: string }; readonly step?: 'purpose' | 'channel' }
  | { readonly type: 'WithdrawChange'; readonly meta: CommandMeta & { readonly version: number } };

export type ChangeEvent =
  | { readonly type: 'ChangeStarted'; readonly by: PersonRef; readonly at: string; readonly step: StepName | 'review' }
  | {
      readonly type: 'ChangeSubmitted';
      readonly by: PersonRef;
      readonly at: string;
      readonly version: number;
      readonly plan: ActivityPlan;
      readonly route: 'chief' | 'anchored';
      /** What changed against the version in force, as `step.field` (the record says who changed what). */
      readonly changed: readonly string[];
    }
  | { readonly type: 'ChangeWithdrawn'; readonly by: PersonRef; readonly at: string; readonly version?: number };

export type ChangeRefusal =
  | { readonly reason: 'notActive' }
  | { readonly reason: 'notYours' }
  | { readonly reason: 'stale' }
  | { readonly reason: 'oldVersion' }
  | { readonly reason: 'notWaiting' }
  /** Nothing differs from the version in force. */
  | { readonly reason: 'unchanged' }
  /** A change or a new owner already waits for a decision. */
  | { readonly reason: 'changeWaiting' }
  | { readonly reason: 'incomplete'; readonly problems: readonly FieldError[] };

type Active = Extract<Assignment, { status: 'active' }>;
type Decision = { readonly ok: true; readonly events: readonly ChangeEvent[] } | ({ readonly ok: false } & ChangeRefusal);

const refuse = (refusal: ChangeRefusal): Decision => ({ ok: false, ...refusal });
const accept = (event: ChangeEvent): Decision => ({ ok: true, events: [event] });

/** R3: what the register shows of an account; a change of it is anchored like the first plan. */
const registerFields = new Set(['channel.platform', 'channel.accountName', 'channel.accountUrl', 'purpose.purpose', 'purpose.audience']);

/** Who decides a change: the chief alone, or (an account whose register entry changes) the whole chain. */
export const routeOf = (kind: PlanKind, changed: readonly string[]): 'chief' | 'anchored' =>
  kind === 'account' && changed.some((field) => registerFields.has(field)) ? 'anchored' : 'chief';

/** The owner and their chief in the directory now may change an approved plan (R1: "du och din chef"). */
export const mayChange = (state: Assignment, actor: string, chief: string | undefined): boolean => actor === state.applicant.aadObjectId || (chief !== undefined && actor === chief);

/** A change being edited (not sent): the questionnaire is open on it. */
export const editingChange = (state: Assignment): boolean => state.status === 'active' && state.change !== undefined && state.change.sent === undefined;

/** The change waiting for a decision, if one waits. */
export const changeWaiting = (state: Assignment): NonNullable<Active['change']>['sent'] => (state.status === 'active' ? state.change?.sent : undefined);

/**
 * Whether `actor` may start a change now (or reopen the one being edited): the owner or their chief,
 * while the account is active and no other decision waits on it.
 */
export const mayStartChange = (state: Assignment, actor: string, chief: string | undefined): boolean =>
  state.status === 'active' && !state.pendingOwner && !changeWaiting(state) && mayChange(state, actor, chief);

/** The questionnaire on an active assignment: only a change being edited, by the owner or their chief, from the current card. */
export function changeAccess(state: Active, meta: OnRevision): ChangeRefusal | Active {
  if (!mayChange(state, meta.actor.aadObjectId, meta.chief)) return { reason: 'notYours' };
  if (!editingChange(state) || state.revision !== meta.revision) return { reason: 'stale' };
  return state;
}

/** The questionnaire's commands, as far as a change decides them differently from a draft. */
type Questionnaire =
  | { readonly type: 'SaveStep'; readonly step: StepName; readonly kind?: PlanKind }
  | { readonly type: 'OpenStep'; readonly to: StepName | 'review' }
  | { readonly type: 'SubmitPlan'; readonly choices: PlanChoices }
  | { readonly type: 'CancelDraft' };

/**
 * A questionnaire command on a change: who the plan is for and its kind stay (a change of department
 * or kind is a new plan); sending makes the new version; cancelling withdraws the change. Undefined:
 * decided as on a draft.
 */
export function decideOnChange(command: Questionnaire & { readonly meta: OnRevision }, state: Active): Decision | undefined {
  const { actor: by, now: at } = command.meta;
  switch (command.type) {
    case 'SaveStep':
      return command.step === 'who' || (command.kind !== undefined && command.kind !== state.plan.kind) ? refuse({ reason: 'stale' }) : undefined;
    case 'OpenStep':
      return command.to === 'who' ? refuse({ reason: 'stale' }) : undefined;
    case 'CancelDraft':
      return accept({ type: 'ChangeWithdrawn', by, at });
    case 'SubmitPlan': {
      if (state.pendingOwner) return refuse({ reason: 'changeWaiting' });
      const check = checkPlan({ ...state.draft, who: state.plan.who, kind: state.plan.kind }, command.choices);
      if (!check.ok) return refuse({ reason: 'incomplete', problems: check.problems });
      const changed = planDiff(state.plan, check.plan).map(fieldKey);
      if (changed.length === 0) return refuse({ reason: 'unchanged' });
      const version = Math.max(state.planVersion, state.latestVersion ?? 0) + 1;
      return accept({ type: 'ChangeSubmitted', by, at, version, plan: check.plan, route: routeOf(state.plan.kind, changed), changed });
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

export function decideChange(command: ChangeCommand, state: Assignment): Decision {
  const { actor: by, now: at } = command.meta;
  if (state.status !== 'active') return refuse({ reason: 'notActive' });
  switch (command.type) {
    case 'StartChange': {
      if (!mayChange(state, by.aadObjectId, command.meta.chief)) return refuse({ reason: 'notYours' });
      if (state.change || state.pendingOwner) return refuse({ reason: 'changeWaiting' });
      // The goals are on the purpose step, the end date on the channel's (monitoring has none: the review).
      const step = command.step && stepsFor(state.plan.kind).includes(command.step) ? command.step : 'review';
      return accept({ type: 'ChangeStarted', by, at, step });
    }
    case 'WithdrawChange':
      // The owner takes back a change nobody has approved yet; the version in force stands.
      if (by.aadObjectId !== state.applicant.aadObjectId) return refuse({ reason: 'notYours' });
      if (!state.change) return refuse({ reason: 'notWaiting' });
      if (state.change.sent && command.meta.version !== state.change.sent.version) return refuse({ reason: 'oldVersion' });
      return accept({ type: 'ChangeWithdrawn', by, at, ...(state.change.sent ? { version: state.change.sent.version } : {}) });
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

type ChangeDecided = Extract<ApprovalEvent, { type: 'ChangeApproved' | 'ChangeRequested' | 'ChangeRejected' }>;

/** The state after a change's event. */
export function evolveChange(state: Assignment, event: ChangeEvent | ChangeDecided): Assignment {
  if (state.status !== 'active') throw new Error(`${event.type} on a ${state.status} assignment`);
  // Back to the version in force: the questionnaire holds it again, and nobody named decides anything now.
  const standing: Active = { ...state, change: undefined, draft: state.plan, step: 'review', fromReview: undefined, assignedApprover: undefined };
  switch (event.type) {
    case 'ChangeStarted':
      return { ...state, draft: state.plan, step: event.step, fromReview: event.step === 'review' ? undefined : true, change: { by: event.by, startedAt: event.at } };
    case 'ChangeSubmitted': {
      const change = state.change ?? { by: event.by, startedAt: event.at };
      const sent = { version: event.version, plan: event.plan, at: event.at, by: event.by, route: event.route, waitingOn: 'chief' as const };
      return { ...state, change: { by: change.by, startedAt: change.startedAt, sent }, latestVersion: event.version, waitingSince: event.at, step: 'review', fromReview: undefined, assignedApprover: undefined };
    }
    case 'ChangeApproved': {
      const sent = state.change?.sent;
      if (!sent) throw new Error('ChangeApproved with no change waiting');
      // A change for the chief alone ends with the chief; an anchored one goes the whole chain.
      const next = sent.route === 'chief' ? undefined : nextLevel[event.step];
      if (next) return { ...state, change: { ...state.change!, sent: { ...sent, waitingOn: next } }, waitingSince: event.at, assignedApprover: undefined };
      return { ...standing, plan: sent.plan, draft: sent.plan, planVersion: sent.version };
    }
    case 'ChangeRequested': {
      const change = state.change;
      if (!change?.sent) throw new Error('ChangeRequested with no change waiting');
      // The version sent is edited again, with what was asked.
      return { ...state, draft: change.sent.plan, step: 'review', assignedApprover: undefined, change: { by: change.by, startedAt: change.startedAt, requested: { by: event.by, at: event.at, comment: event.comment, version: event.version } } };
    }
    case 'ChangeRejected':
    case 'ChangeWithdrawn':
      return standing;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
