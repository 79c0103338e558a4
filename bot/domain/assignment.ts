import { checkPlan, stepsFor, type ActivityPlan, type FieldError, type PlanChoices, type PlanDraft, type StepName } from './activityPlan';

/**
 * An assignment (uppdrag) to use social media in one's job, from the first draft of its activity
 * plan onward. One state machine: `decide(command, state)` returns events or a typed refusal,
 * `evolve(state, event)` folds an event in. Clock and actor come in with the command.
 * This issue covers the applicant's part (draft → awaiting_chief); approvals extend it.
 */
export interface PersonRef {
  readonly aadObjectId: string;
  readonly name: string;
}

interface Common {
  readonly id: string;
  readonly applicant: PersonRef;
  readonly createdAt: string;
  /** Counts every change; a card carries the revision it was made from, so an old card is recognised. */
  readonly revision: number;
  readonly draft: PlanDraft;
  /** Where the questionnaire stands: the step shown on resume, or 'review'. */
  readonly at: StepName | 'review';
  /** The last submitted version of the plan (1, 2, …); 0 before the first submit. */
  readonly version: number;
}

export type Assignment =
  | (Common & { readonly status: 'draft' })
  | (Common & { readonly status: 'awaiting_chief'; readonly submittedAt: string })
  | (Common & { readonly status: 'cancelled'; readonly cancelledAt: string });

export type AssignmentStatus = Assignment['status'];

interface CommandMeta {
  readonly actor: PersonRef;
  readonly now: string;
}

/** Commands that act on an existing assignment carry the revision of the card they came from. */
export interface OnRevision extends CommandMeta {
  readonly revision: number;
}

export type Command =
  | { readonly type: 'StartPlan'; readonly meta: CommandMeta; readonly id: string; readonly draft: PlanDraft }
  | { readonly type: 'SaveStep'; readonly meta: OnRevision; readonly step: StepName; readonly answers: unknown; readonly kind?: PlanDraft['kind']; readonly then: StepName | 'review' }
  | { readonly type: 'OpenStep'; readonly meta: OnRevision; readonly to: StepName | 'review' }
  | { readonly type: 'SubmitPlan'; readonly meta: OnRevision; readonly choices: PlanChoices }
  | { readonly type: 'CancelDraft'; readonly meta: OnRevision };

export type Event =
  | { readonly type: 'PlanStarted'; readonly id: string; readonly applicant: PersonRef; readonly at: string; readonly draft: PlanDraft }
  | { readonly type: 'StepSaved'; readonly step: StepName; readonly answers: unknown; readonly kind?: PlanDraft['kind']; readonly then: StepName | 'review'; readonly at: string }
  | { readonly type: 'StepOpened'; readonly to: StepName | 'review'; readonly at: string }
  | { readonly type: 'PlanSubmitted'; readonly version: number; readonly plan: ActivityPlan; readonly at: string; readonly by: PersonRef }
  | { readonly type: 'DraftCancelled'; readonly at: string; readonly by: PersonRef };

export type Refusal =
  | { readonly reason: 'notFound' }
  | { readonly reason: 'notYours' }
  | { readonly reason: 'stale' }
  | { readonly reason: 'notDraft'; readonly status: AssignmentStatus }
  | { readonly reason: 'incomplete'; readonly problems: readonly FieldError[] };

export type Decision = { readonly ok: true; readonly events: readonly Event[] } | ({ readonly ok: false } & Refusal);

const refuse = (refusal: Refusal): Decision => ({ ok: false, ...refusal });
const accept = (...events: Event[]): Decision => ({ ok: true, events });

/** Only the applicant edits their own draft, and only from the card of its current revision. */
export function draftAccess(state: Assignment | undefined, meta: OnRevision): Refusal | (Assignment & { status: 'draft' }) {
  if (!state) return { reason: 'notFound' };
  if (state.applicant.aadObjectId !== meta.actor.aadObjectId) return { reason: 'notYours' };
  if (state.status !== 'draft') return { reason: 'notDraft', status: state.status };
  if (state.revision !== meta.revision) return { reason: 'stale' };
  return state;
}

export function decide(command: Command, state: Assignment | undefined): Decision {
  switch (command.type) {
    case 'StartPlan':
      return state
        ? refuse({ reason: 'stale' })
        : accept({ type: 'PlanStarted', id: command.id, applicant: command.meta.actor, at: command.meta.now, draft: command.draft });
    case 'SaveStep':
    case 'OpenStep':
    case 'CancelDraft':
    case 'SubmitPlan': {
      const draft = draftAccess(state, command.meta);
      if ('reason' in draft) return refuse(draft);
      return decideOnDraft(command, draft);
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

function decideOnDraft(command: Exclude<Command, { type: 'StartPlan' }>, state: Assignment): Decision {
  const at = command.meta.now;
  switch (command.type) {
    case 'SaveStep':
      return accept({ type: 'StepSaved', step: command.step, answers: command.answers, kind: command.kind, then: command.then, at });
    case 'OpenStep':
      return accept({ type: 'StepOpened', to: command.to, at });
    case 'CancelDraft':
      return accept({ type: 'DraftCancelled', at, by: command.meta.actor });
    case 'SubmitPlan': {
      const check = checkPlan(state.draft, command.choices);
      if (!check.ok) return refuse({ reason: 'incomplete', problems: check.problems });
      return accept({ type: 'PlanSubmitted', version: state.version + 1, plan: check.plan, at, by: command.meta.actor });
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

export function evolve(state: Assignment | undefined, event: Event): Assignment {
  if (event.type === 'PlanStarted') {
    return {
      id: event.id,
      applicant: event.applicant,
      createdAt: event.at,
      revision: 1,
      draft: event.draft,
      at: 'who',
      version: 0,
      status: 'draft',
    };
  }
  if (!state) throw new Error(`${event.type} before PlanStarted`);
  const next = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'StepSaved': {
      const draft: PlanDraft = { ...state.draft, kind: event.kind ?? state.draft.kind, [event.step]: event.answers };
      return { ...next, draft, at: event.then };
    }
    case 'StepOpened':
      return { ...next, at: event.to };
    case 'PlanSubmitted':
      return { ...next, status: 'awaiting_chief', version: event.version, submittedAt: event.at, at: 'review' };
    case 'DraftCancelled':
      return { ...next, status: 'cancelled', cancelledAt: event.at };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/** The step after `step` for this kind of plan, or the review at the end. */
export function stepAfter(kind: PlanDraft['kind'], step: StepName): StepName | 'review' {
  const steps = stepsFor(kind);
  return steps[steps.indexOf(step) + 1] ?? 'review';
}

/** The step before `step`, or undefined on the first. From the review: the last step. */
export function stepBefore(kind: PlanDraft['kind'], step: StepName | 'review'): StepName | undefined {
  const steps = stepsFor(kind);
  return step === 'review' ? steps[steps.length - 1] : steps[steps.indexOf(step) - 1];
}
