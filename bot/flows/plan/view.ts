import {
  planReviewCard,
  planStepCard,
  type AdaptiveCard,
  type PlanReviewCardData,
} from '../../../cards';
import { stepsFor, validateStep, type FieldError, type PlanKind, type StepName } from '../../domain/activityPlan';
import { editable, type Assignment } from '../../domain/assignment';
import { editingChange } from '../../domain/planChange';
import { planDiff } from '../../domain/planDiff';
import { changedFieldNames } from '../shared/planChanges';
import { texts } from '../../i18n';
import { cardValues, errorSlot, listInputs, pickedPeople } from '../shared/planForm';
import { choicesFor, planChoices } from '../shared/planChoices';
import { communicatorOf, planFacts } from '../shared/planFacts';
import { nameIn, type PlanView, type Shown } from '../shared/planView';
import { statusCard } from './status';

const numbered = (prefix: string, label: (n: number) => string) =>
  Object.fromEntries(Array.from({ length: listInputs }, (_, i) => [`${prefix}${i + 1}`, label(i + 1)]));

/** The labels of a step's inputs, in the card's language. */
function labels(view: PlanView, step: StepName, kind: PlanKind): Record<string, string> {
  const t = texts(view.locale).plan;
  switch (step) {
    case 'commitments': {
      const { monitoring, ...rest } = t.commitments;
      return kind === 'monitoring' ? { ...rest, ...monitoring } : rest;
    }
    case 'purpose': {
      const { goal, ...rest } = t.purpose;
      return { ...rest, ...numbered('goal', goal) };
    }
    case 'administration': {
      const { admin, ...rest } = t.administration;
      return { ...rest, ...numbered('admin', admin) };
    }
    default:
      return Object.fromEntries(Object.entries(t[step]).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
}

/** R1: who the plan goes to, from the directory: the applicant's manager, or that there is none. */
function chiefLine(view: PlanView, assignment: Assignment): { text: string; missing: boolean } {
  const t = texts(view.locale).plan.who;
  const chief = planChoices(view, assignment).chief;
  const name = chief ? view.people.get(chief)?.name : undefined;
  return name ? { text: t.yourChief(name), missing: false } : { text: t.noChief, missing: true };
}

/** A step's introduction: monitoring only (R2) has no channel, and its purpose is what is watched. */
function introOf(view: PlanView, step: StepName, kind: PlanKind): string {
  const t = texts(view.locale).plan;
  if (kind === 'monitoring' && step === 'purpose') return t.purpose.monitoringIntro;
  if (kind === 'monitoring' && step === 'commitments') return t.commitments.monitoring.intro;
  return t[step].intro;
}

/**
 * While the applicant makes the changes an approver asked for, every step and the review say what was
 * asked; a change of an approved plan (R6) says so, and that the plan stays in force meanwhile.
 */
function withRequest(view: PlanView, assignment: Assignment, intro: string): string {
  if (assignment.status === 'active' && assignment.change) {
    const t = texts(view.locale).planChange;
    const asked = assignment.change.requested;
    return [t.intro, ...(asked ? [`${t.toOwner.requested(asked.by.name)} "${asked.comment}"`] : []), intro].join('\n\n');
  }
  if (assignment.status !== 'changes_requested') return intro;
  const t = texts(view.locale).approval.toApplicant;
  return `${t.changesRequested(assignment.decidedBy.name)} "${assignment.comment}"\n\n${intro}`;
}

/** The questionnaire's heading: an application, or a change of an approved plan (R6). */
const headingOf = (view: PlanView, assignment: Assignment): string => (editingChange(assignment) ? texts(view.locale).planChange.heading : texts(view.locale).plan.heading);

/** R1: what the chief has changed in the draft, for the review; empty when nothing. */
function chiefChangesLine(view: PlanView, assignment: Assignment): string {
  const changes = assignment.chiefChanges;
  const t = texts(view.locale);
  return changes ? `\n\n${t.plan.together.changedBy(changes.by.name, changedFieldNames(t, changes.fields).join(', '))}` : '';
}

/** R1: the chief filling in with the applicant, or correcting the plan before deciding: what they are doing. */
const helpingIntro = (view: PlanView, assignment: Assignment): string =>
  (assignment.status === 'awaiting_chief' ? texts(view.locale).plan.together.correctIntro : texts(view.locale).plan.together.intro)(assignment.applicant.name);

/**
 * A step of the questionnaire with the draft's answers, or with what was sent and why it was refused.
 * `helping`: the chief's (R1), who saves or goes on to their review, and has no way back through the steps.
 */
export function stepCard(
  view: PlanView,
  assignment: Assignment,
  step: StepName,
  shown: Shown & { values?: Record<string, string>; errors?: readonly FieldError[]; helping?: boolean } = {},
): AdaptiveCard {
  const t = texts(view.locale);
  const kind = assignment.draft.kind;
  const steps = stepsFor(kind);
  const index = Math.max(steps.indexOf(step), 0);
  const values = shown.values ?? cardValues(step, assignment.draft[step]);
  // R7: a unit's own website that is not allowed yet: the error says how it can be.
  const message = (e: FieldError) => (e.code === 'notOwnWeb' ? `${t.fieldErrors.notOwnWeb} ${t.plan.notOwnWebHow(view.sourceHosts.join(', '))}` : t.fieldErrors[e.code]);
  const errors = Object.fromEntries((shown.errors ?? []).map((e) => [errorSlot(e, values), message(e)]));
  return planStepCard({
    heading: headingOf(view, assignment),
    stepLabel: t.plan.stepOf(index + 1, steps.length),
    title: t.plan[step].title,
    intro: shown.helping ? `${helpingIntro(view, assignment)}\n\n${introOf(view, step, kind)}` : withRequest(view, assignment, introOf(view, step, kind)),
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'good',
    draftId: assignment.id,
    revision: assignment.revision,
    step,
    kind,
    t: labels(view, step, kind),
    v: values,
    p: pickedPeople(step, values, (id) => nameIn(view, id)),
    e: errors,
    ...choicesFor(view),
    chief: chiefLine(view, assignment),
    actions: { back: index > 0 && !shown.helping ? t.plan.actions.back : undefined, save: t.plan.actions.save, next: t.plan.actions.next },
    ...(step === 'purpose' && kind === 'account' && view.planningTemplateUrl ? { template: { title: t.plan.purpose.template, url: view.planningTemplateUrl } } : {}),
  });
}

/**
 * The applicant's review: every step, with a way back to each; sending it, or asking their chief to
 * fill in with them. A change of an approved plan (R6) is the owner's and their chief's alike: nobody is asked.
 */
export function reviewCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  const t = texts(view.locale).plan;
  const change = editingChange(assignment) ? texts(view.locale).planChange : undefined;
  return review(view, assignment, withRequest(view, assignment, t.review.intro) + chiefChangesLine(view, assignment), shown, {
    back: t.actions.back,
    ...(change ? {} : { ask: t.together.ask }),
    cancel: change?.cancel ?? t.actions.cancel,
    submit: change?.submit ?? t.actions.submit,
  });
}

/**
 * The chief's review (R1): the draft they fill in with the applicant, who alone sends it; or the plan
 * waiting on their decision, corrected and approved as a new version once they changed something.
 */
export function helperReviewCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  const t = texts(view.locale).plan.together;
  const corrected = assignment.status === 'awaiting_chief' && assignment.plan && planDiff(assignment.plan, assignment.draft).length > 0;
  const actions = assignment.status === 'awaiting_chief' ? { toDecision: t.toDecision, ...(corrected ? { approveCorrected: t.approveCorrected } : {}) } : {};
  return review(view, assignment, helpingIntro(view, assignment) + chiefChangesLine(view, assignment), shown, actions);
}

/** Every step's answers as facts, with a way to each; missing or refused steps say so. */
function review(view: PlanView, assignment: Assignment, intro: string, shown: Shown, actions: PlanReviewCardData['actions']): AdaptiveCard {
  const t = texts(view.locale);
  const choices = planChoices(view, assignment);
  const change = editingChange(assignment) ? texts(view.locale).planChange : undefined;
  return planReviewCard({
    heading: headingOf(view, assignment),
    title: t.plan.review.title,
    intro,
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'attention',
    draftId: assignment.id,
    revision: assignment.revision,
    sections: stepsFor(assignment.draft.kind).map((step) => {
      const result = validateStep(assignment.draft.kind, step, assignment.draft[step], choices);
      return {
        title: t.plan[step].title,
        step,
        // A change keeps who the plan is for and its kind (planChange.ts).
        ...(change && step === 'who' ? {} : { editLabel: t.plan.actions.edit }),
        facts: result.ok ? planFacts(view, assignment.draft.kind, step, result.value, communicatorOf(view, assignment)) : [{ title: t.plan.review.missing, value: '' }],
      };
    }),
    actions,
  });
}

/** The card that belongs to the assignment now: its current step, the review, or its status. */
export function currentCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  if (!editable(assignment) && !editingChange(assignment)) return statusCard(view, assignment, shown);
  return assignment.step === 'review' ? reviewCard(view, assignment, shown) : stepCard(view, assignment, assignment.step, shown);
}

/** The chief's card (R1): the step they are at (`at`), or their review; once the plan has moved on, its status. */
export function helperCard(view: PlanView, assignment: Assignment, shown: Shown = {}, at: StepName | 'review' = 'review'): AdaptiveCard {
  if (assignment.status !== 'draft' && assignment.status !== 'changes_requested' && assignment.status !== 'awaiting_chief') return statusCard(view, assignment, shown);
  return at === 'review' ? helperReviewCard(view, assignment, shown) : stepCard(view, assignment, at, { ...shown, helping: true });
}
