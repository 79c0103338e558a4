import { checkPlan, type ActivityPlan, type PlanChoices } from './activityPlan';
import { decideApproval, type ApprovalCommand, type ApprovalEvent, type ApprovalRefusal } from './approval';
import type { Assignment, ChangedField, OnRevision, PersonRef } from './assignmentTypes';
import type { FieldError } from './fields';
import { planDiff } from './planDiff';

/**
 * R1, R6: the applicant and their chief fill in the plan together. The applicant asks the chief to;
 * the chief then changes any step of the draft with the same questionnaire, each change recorded as
 * theirs, and only the applicant sends it. While the plan waits on the chief's decision, the chief may
 * correct it and approve the corrected plan as a new version.
 */
export type TogetherCommand =
  /** The applicant asks their chief (the directory's now; none: refused) to fill in the plan with them. */
  | { readonly type: 'AskChief'; readonly meta: OnRevision; readonly chief?: PersonRef }
  /** The chief approves the plan as they corrected it (the draft), validated as a submit is. */
  | { readonly type: 'ApproveCorrected'; readonly meta: Extract<ApprovalCommand, { type: 'ApprovePlan' }>['meta']; readonly comment?: string; readonly choices: PlanChoices };

export type TogetherEvent =
  | { readonly type: 'ChiefAsked'; readonly chief: PersonRef; readonly by: PersonRef; readonly at: string }
  /** The chief's corrections, frozen as a new version of the plan before they approve it. */
  | { readonly type: 'PlanCorrected'; readonly version: number; readonly plan: ActivityPlan; readonly changed: readonly ChangedField[]; readonly by: PersonRef; readonly at: string };

export type TogetherRefusal = { readonly reason: 'noChief' } | { readonly reason: 'nothingCorrected' };

type Refused = { readonly reason: 'incomplete'; readonly problems: readonly FieldError[] } | TogetherRefusal | ApprovalRefusal;
export type TogetherDecision = { readonly ok: true; readonly events: readonly (TogetherEvent | ApprovalEvent)[] } | ({ readonly ok: false } & Refused);

/**
 * Whether `actor`, the chief (`chief`: whoever decides the chief step, from the directory now, never
 * from a card), may change this plan's draft: one the applicant asked them to fill in, or the plan
 * waiting on their decision.
 */
export function chiefMayEdit(state: Assignment, actor: string, chief: string | undefined): boolean {
  if (!chief || actor !== chief || actor === state.applicant.aadObjectId) return false;
  return state.status === 'awaiting_chief' || ((state.status === 'draft' || state.status === 'changes_requested') && state.chiefAskedAt !== undefined);
}

/** The fields a change touches, without their values. */
export const fieldsChanged = (before: Assignment['draft'], after: Assignment['draft']): ChangedField[] => planDiff(before, after).map(({ step, field }) => ({ step, field }));

/** The chief's changes so far, with the fields of one more save. */
export function withChiefChanges(state: Assignment, by: PersonRef, at: string, changed: readonly ChangedField[]): Assignment['chiefChanges'] {
  const known = state.chiefChanges?.fields ?? [];
  const fields = [...known, ...changed.filter((c) => !known.some((k) => k.step === c.step && k.field === c.field))];
  return fields.length > 0 ? { by, at, fields } : state.chiefChanges;
}

/** The applicant asks their chief; with no chief in the directory there is nobody to ask. */
export function decideAskChief(command: Extract<TogetherCommand, { type: 'AskChief' }>): TogetherDecision {
  const { chief } = command;
  const { actor, now } = command.meta;
  if (!chief || chief.aadObjectId === actor.aadObjectId) return { ok: false, reason: 'noChief' };
  return { ok: true, events: [{ type: 'ChiefAsked', chief, by: actor, at: now }] };
}

/**
 * The chief approves the plan as corrected: who may approve, and on which version, as for any approval
 * of the chief step; the corrected plan checked as a submit is (a refused correction changes nothing);
 * then the new version, and the approval of it.
 */
export function decideCorrection(command: Extract<TogetherCommand, { type: 'ApproveCorrected' }>, state: Assignment): TogetherDecision {
  if (state.status !== 'awaiting_chief') return { ok: false, reason: 'notWaiting' };
  const approval = decideApproval({ type: 'ApprovePlan', meta: command.meta, comment: command.comment }, state);
  if (!approval.ok) return approval;
  const check = checkPlan(state.draft, command.choices);
  if (!check.ok) return { ok: false, reason: 'incomplete', problems: check.problems };
  const changed = fieldsChanged(state.plan, check.plan);
  if (changed.length === 0) return { ok: false, reason: 'nothingCorrected' };
  const version = state.planVersion + 1;
  const { actor: by, now: at } = command.meta;
  return { ok: true, events: [{ type: 'PlanCorrected', version, plan: check.plan, changed, by, at }, ...approval.events.map((event) => ({ ...event, version }))] };
}

/** The state after an event of filling in together. */
export function evolveTogether(state: Assignment, event: TogetherEvent): Assignment {
  switch (event.type) {
    case 'ChiefAsked':
      return { ...state, chiefAskedAt: event.at };
    case 'PlanCorrected':
      if (state.status !== 'awaiting_chief') throw new Error(`PlanCorrected on a ${state.status} plan`);
      return { ...state, plan: event.plan, planVersion: event.version, chiefChanges: undefined };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
