// Longer than most files: the assignment's state machine is one union, one decide and one evolve, kept whole so its exhaustive switches are checked together.
import { checkPlan, stepsFor, type ActivityPlan, type FieldError, type PlanChoices, type PlanDraft, type StepName } from './activityPlan';
import { decideAccount, evolveAccount, type AccountCommand, type AccountEvent, type AccountRefusal } from './account';
import { decideDuty, evolveDuty, type DutyCommand, type DutyEvent, type DutyRefusal } from './dutyCommands';
import { decideApproval, nextAfterApproval, type ApprovalCommand, type ApprovalEvent, type ApprovalRefusal } from './approval';
import { decideRouting, evolveRouting, type RoutingCommand, type RoutingEvent, type RoutingRefusal } from './routing';
import { changeAccess, decideChange, decideOnChange, evolveChange, type ChangeCommand, type ChangeEvent, type ChangeRefusal } from './planChange';
import { chiefMayEdit, decideAskChief, decideCorrection, evolveTogether, fieldsChanged, withChiefChanges, type TogetherCommand, type TogetherEvent, type TogetherRefusal } from './together';
import type { Assignment, AssignmentStatus, ChangedField, CommandMeta, OnRevision, PersonRef } from './assignmentTypes';

export type { Absence, Assignment, AssignmentStatus, ChangedField, CommandMeta, DutyLog, OnRevision, PendingOwner, PersonRef } from './assignmentTypes';

/**
 * An assignment (uppdrag) to use social media in one's job, from the first draft of its activity
 * plan to its end. One state machine: `decide(command, state)` returns events or a typed refusal,
 * `evolve(state, event)` folds an event in. Clock and actor come in with the command.
 */
export type Command =
  | { readonly type: 'StartPlan'; readonly meta: CommandMeta; readonly id: string; readonly draft: PlanDraft }
  /** `meta.chief`: whoever decides the chief step, from the directory now, who may fill in too (together.ts, planChange.ts). */
  | { readonly type: 'SaveStep'; readonly meta: OnRevision; readonly step: StepName; readonly answers: unknown; readonly kind?: PlanDraft['kind']; readonly then: StepName | 'review' }
  | { readonly type: 'OpenStep'; readonly meta: OnRevision; readonly to: StepName | 'review' }
  | { readonly type: 'SubmitPlan'; readonly meta: OnRevision; readonly choices: PlanChoices }
  | { readonly type: 'CancelDraft'; readonly meta: OnRevision }
  | ApprovalCommand
  | TogetherCommand
  | AccountCommand
  | DutyCommand
  | RoutingCommand
  | ChangeCommand;

export type Event =
  | { readonly type: 'PlanStarted'; readonly id: string; readonly applicant: PersonRef; readonly at: string; readonly draft: PlanDraft }
  /** `by`: who saved it; `changed`: the fields the chief changed, when it was the chief (R1). */
  | { readonly type: 'StepSaved'; readonly step: StepName; readonly answers: unknown; readonly kind?: PlanDraft['kind']; readonly then: StepName | 'review'; readonly at: string; readonly by: PersonRef; readonly changed?: readonly ChangedField[] }
  | { readonly type: 'StepOpened'; readonly to: StepName | 'review'; readonly at: string }
  | { readonly type: 'PlanSubmitted'; readonly version: number; readonly plan: ActivityPlan; readonly at: string; readonly by: PersonRef }
  | { readonly type: 'DraftCancelled'; readonly at: string; readonly by: PersonRef }
  | ApprovalEvent
  | TogetherEvent
  | AccountEvent
  | DutyEvent
  | RoutingEvent
  | ChangeEvent;

export type Refusal =
  | { readonly reason: 'notFound' }
  | { readonly reason: 'notYours' }
  | { readonly reason: 'stale' }
  | { readonly reason: 'notDraft'; readonly status: AssignmentStatus }
  | { readonly reason: 'incomplete'; readonly problems: readonly FieldError[] }
  | ApprovalRefusal
  | TogetherRefusal
  | AccountRefusal
  | DutyRefusal
  | RoutingRefusal
  | ChangeRefusal;

export type Decision = { readonly ok: true; readonly events: readonly Event[] } | ({ readonly ok: false } & Refusal);

const refuse = (refusal: Refusal): Decision => ({ ok: false, ...refusal });
const accept = (...events: Event[]): Decision => ({ ok: true, events });

/** The questionnaire can be edited while it is a draft, or after an approver asked for changes. */
export const editable = (state: Assignment): boolean => state.status === 'draft' || state.status === 'changes_requested';

/**
 * The applicant edits their own plan while it is editable; their chief (`chief`, from the directory
 * now) when together.ts says they may; and only from the current card.
 */
export function draftAccess(state: Assignment | undefined, meta: OnRevision, chief?: string): Refusal | Assignment {
  if (!state) return { reason: 'notFound' };
  const helping = chiefMayEdit(state, meta.actor.aadObjectId, chief);
  if (state.applicant.aadObjectId !== meta.actor.aadObjectId && !helping) return { reason: 'notYours' };
  if (!editable(state) && !helping) return { reason: 'notDraft', status: state.status };
  if (state.revision !== meta.revision) return { reason: 'stale' };
  return state;
}

/** Who may use the questionnaire's cards: on a draft as `draftAccess` says (the chief as together.ts allows), on an active assignment a change's (planChange.ts). */
export const questionnaireAccess = (state: Assignment | undefined, meta: OnRevision): Refusal | Assignment =>
  state?.status === 'active' ? changeAccess(state, meta) : draftAccess(state, meta, meta.chief);

export function decide(command: Command, state: Assignment | undefined): Decision {
  switch (command.type) {
    case 'StartPlan':
      return state
        ? refuse({ reason: 'stale' })
        : accept({ type: 'PlanStarted', id: command.id, applicant: command.meta.actor, at: command.meta.now, draft: command.draft });
    case 'SaveStep':
    case 'OpenStep':
    case 'CancelDraft':
    case 'SubmitPlan':
    case 'AskChief': {
      // A change of an approved plan (planChange.ts) is filled in by the owner or their chief alike; nobody is asked to.
      if (state?.status === 'active') {
        if (command.type === 'AskChief') return refuse({ reason: 'notDraft', status: state.status });
        const change = changeAccess(state, command.meta);
        return 'reason' in change ? refuse(change) : (decideOnChange(command, change) ?? decideOnDraft(command, change));
      }
      // On a draft only a saved step may be the chief's: the rest is the applicant's alone.
      const draft = draftAccess(state, command.meta, command.type === 'SaveStep' ? command.meta.chief : undefined);
      return 'reason' in draft ? refuse(draft) : decideOnDraft(command, draft);
    }
    case 'StartChange':
    case 'WithdrawChange':
      return state ? decideChange(command, state) : refuse({ reason: 'notFound' });
    case 'ApprovePlan':
    case 'RequestChanges':
    case 'RejectPlan':
      return state ? decideApproval(command, state) : refuse({ reason: 'notFound' });
    case 'ApproveCorrected':
      return state ? decideCorrection(command, state) : refuse({ reason: 'notFound' });
    case 'CloseAccount':
    case 'ChangeAdministration':
    case 'ProposeOwner':
    case 'RecordRemoval':
      return state ? decideAccount(command, state) : refuse({ reason: 'notFound' });
    case 'CompleteDuty':
    case 'PauseActivity':
    case 'SnoozeDuty':
    case 'RegisterAbsence':
    case 'ForgetAbsences':
    case 'RemindOwner':
      return state ? decideDuty(command, state) : refuse({ reason: 'notFound' });
    case 'AssignApprover':
    case 'MoveApproval':
    case 'WithdrawPlan':
    case 'RecordLeaver':
    case 'AppointOwner':
      return state ? decideRouting(command, state) : refuse({ reason: 'notFound' });
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

function decideOnDraft(command: Extract<Command, { meta: OnRevision }>, state: Assignment): Decision {
  const at = command.meta.now;
  switch (command.type) {
    case 'SaveStep': {
      const saved = { type: 'StepSaved', step: command.step, answers: command.answers, kind: command.kind, then: command.then, at, by: command.meta.actor } as const;
      // The chief's changes to a draft are recorded as theirs (R1); a change of an approved plan records its fields when sent (planChange.ts).
      if (command.meta.actor.aadObjectId === state.applicant.aadObjectId || state.status === 'active') return accept(saved);
      return accept({ ...saved, changed: fieldsChanged(state.draft, draftWith(state.draft, saved)) });
    }
    case 'AskChief':
      return decideAskChief(command);
    case 'OpenStep':
      return accept({ type: 'StepOpened', to: command.to, at });
    case 'CancelDraft':
      // A plan an approver has seen is a public record (R4): it is changed or withdrawn, not cancelled.
      return state.status === 'draft'
        ? accept({ type: 'DraftCancelled', at, by: command.meta.actor })
        : refuse({ reason: 'notDraft', status: state.status });
    case 'SubmitPlan': {
      const check = checkPlan(state.draft, command.choices);
      if (!check.ok) return refuse({ reason: 'incomplete', problems: check.problems });
      return accept({ type: 'PlanSubmitted', version: state.planVersion + 1, plan: check.plan, at, by: command.meta.actor });
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

export function evolve(state: Assignment | undefined, event: Event): Assignment {
  if (event.type === 'PlanStarted') {
    const { id, applicant, at: createdAt, draft } = event;
    return { id, applicant, createdAt, draft, revision: 1, step: 'who', planVersion: 0, status: 'draft' };
  }
  if (!state) throw new Error(`${event.type} before PlanStarted`);
  const next = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'StepSaved': {
      const draft = draftWith(state.draft, event);
      // The chief's changes leave the applicant where they are in the questionnaire (R1).
      if (event.changed) return { ...next, draft, chiefChanges: withChiefChanges(state, event.by, event.at, event.changed) };
      return { ...next, draft, step: event.then, fromReview: event.then === 'review' ? undefined : state.fromReview };
    }
    case 'ChiefAsked':
    case 'PlanCorrected':
      return evolveTogether(next, event);
    case 'StepOpened':
      return { ...next, step: event.to, fromReview: event.to === 'review' ? undefined : state.step === 'review' || state.fromReview };
    case 'PlanSubmitted':
      return { ...next, status: 'awaiting_chief', planVersion: event.version, plan: event.plan, submittedAt: event.at, waitingSince: event.at, step: 'review', chiefChanges: undefined };
    case 'DraftCancelled':
      return { ...next, status: 'cancelled', cancelledAt: event.at };
    case 'PlanApproved':
      return nextAfterApproval(next, event);
    case 'ChangesRequested':
    case 'PlanRejected': {
      if (!next.plan) throw new Error(`${event.type} on a plan never submitted`);
      // Whom the communicator named decided this round only; a plan sent again goes to the chief of then.
      const decided = { ...next, plan: next.plan, submittedAt: submittedAt(state), decidedBy: event.by, decidedAt: event.at, comment: event.comment, assignedApprover: undefined };
      return event.type === 'ChangesRequested' ? { ...decided, status: 'changes_requested' } : { ...decided, status: 'rejected' };
    }
    case 'AccountClosed':
    case 'AdministrationChanged':
    case 'OwnerChangeProposed':
    case 'RemovalRecorded':
      return evolveAccount(next, event);
    case 'DutyCompleted':
    case 'ActivityPaused':
    case 'DutySnoozed':
    case 'AbsenceRegistered':
    case 'AbsencesForgotten':
    case 'OwnerReminded':
      return evolveDuty(next, event);
    case 'ApproverAssigned':
    case 'ApprovalMoved':
    case 'PlanWithdrawn':
    case 'OwnerLeft':
    case 'AdminLeft':
    case 'SubstituteLeft':
    case 'ApplicantLeft':
      return evolveRouting(next, event);
    case 'ChangeStarted':
    case 'ChangeSubmitted':
    case 'ChangeWithdrawn':
    case 'ChangeApproved':
    case 'ChangeRequested':
    case 'ChangeRejected':
      return evolveChange(next, event);
    case 'OwnerChangeApproved':
    case 'OwnerChangeRejected': {
      if (next.status !== 'active') throw new Error(`${event.type} on a ${next.status} assignment`);
      const decided = { ...next, pendingOwner: undefined, assignedApprover: undefined };
      // A new owner ends the search for one after the owner left, and the earlier owner's absences
      // (their substitutes look after the account no more: R13, R14).
      return event.type === 'OwnerChangeApproved' ? { ...decided, applicant: event.newOwner, dutyLog: { ...decided.dutyLog, ownerLeftAt: undefined, absences: undefined } } : decided;
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/** The draft with a step saved. */
const draftWith = (draft: PlanDraft, saved: Pick<Extract<Event, { type: 'StepSaved' }>, 'kind' | 'step' | 'answers'>): PlanDraft => ({ ...draft, kind: saved.kind ?? draft.kind, [saved.step]: saved.answers });

const submittedAt = (state: Assignment): string => ('submittedAt' in state ? state.submittedAt : state.createdAt);

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
