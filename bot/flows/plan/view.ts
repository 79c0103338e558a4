import {
  planReviewCard,
  planStatusCard,
  planStepCard,
  type AdaptiveCard,
  type Choice,
  type NoticeStyle,
} from '../../../cards';
import { administrators, stepsFor, validateStep, type FieldError, type StepName } from '../../domain/activityPlan';
import type { Assignment } from '../../domain/assignment';
import type { Department, Person } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import { cardValues, inputIds, listInputs } from './form';
import { choicesFor, planChoices } from './choices';

/** What every plan card needs besides the assignment: language and the lists to choose from. */
export interface PlanView {
  readonly locale: Locale;
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  readonly platforms: readonly string[];
}

export interface Shown {
  readonly notice?: string;
  readonly noticeStyle?: NoticeStyle;
}

const numbered = (prefix: string, label: (n: number) => string) =>
  Object.fromEntries(Array.from({ length: listInputs }, (_, i) => [`${prefix}${i + 1}`, label(i + 1)]));

/** The labels of a step's inputs, in the card's language. */
function labels(view: PlanView, step: StepName): Record<string, string> {
  const t = texts(view.locale).plan;
  switch (step) {
    case 'purpose': {
      const { goal, ...rest } = t.purpose;
      return { ...rest, ...numbered('goal', goal) };
    }
    case 'administration': {
      const { admin, ...rest } = t.administration;
      return { ...rest, ...numbered('admin', admin) };
    }
    default:
      return { ...t[step] };
  }
}

/** Client-side messages: shown by Teams before sending when a required input is empty or malformed. */
function hints(view: PlanView, step: StepName): Record<string, string> {
  const e = texts(view.locale).fieldErrors;
  const code = (field: string) => (field.endsWith('Url') ? 'notHttps' : step === 'commitments' ? 'mustConfirm' : 'required');
  return Object.fromEntries(inputIds(step).map((field) => [field, e[code(field)]]));
}

/** A step of the questionnaire with the draft's answers, or with what was sent and why it was refused. */
export function stepCard(
  view: PlanView,
  assignment: Assignment,
  step: StepName,
  shown: Shown & { values?: Record<string, string>; errors?: readonly FieldError[] } = {},
): AdaptiveCard {
  const t = texts(view.locale);
  const kind = assignment.draft.kind;
  const steps = stepsFor(kind);
  const index = Math.max(steps.indexOf(step), 0);
  const errors = Object.fromEntries((shown.errors ?? []).map((e) => [e.field, t.fieldErrors[e.code]]));
  return planStepCard({
    heading: t.plan.heading,
    stepLabel: t.plan.stepOf(index + 1, steps.length),
    title: t.plan[step].title,
    intro: kind === 'monitoring' && step === 'purpose' ? t.plan.purpose.monitoringIntro : t.plan[step].intro,
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'good',
    draftId: assignment.id,
    revision: assignment.revision,
    step,
    kind,
    t: labels(view, step),
    v: shown.values ?? cardValues(step, assignment.draft[step]),
    e: errors,
    hints: hints(view, step),
    ...choicesFor(view, assignment.applicant.aadObjectId),
    actions: { back: index > 0 ? t.plan.actions.back : undefined, save: t.plan.actions.save, next: t.plan.actions.next },
  });
}

/** Every step's answers as facts, with a way back to each; missing or refused steps say so. */
export function reviewCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  const t = texts(view.locale);
  const choices = planChoices(view, assignment.applicant.aadObjectId);
  return planReviewCard({
    heading: t.plan.heading,
    title: t.plan.review.title,
    intro: t.plan.review.intro,
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'attention',
    draftId: assignment.id,
    revision: assignment.revision,
    sections: stepsFor(assignment.draft.kind).map((step) => {
      const result = validateStep(assignment.draft.kind, step, assignment.draft[step], choices);
      return {
        title: t.plan[step].title,
        step,
        editLabel: t.plan.actions.edit,
        facts: result.ok ? planFacts(view, step, result.value, communicatorOf(view, assignment)) : [{ title: t.plan.review.missing, value: '' }],
      };
    }),
    actions: { back: t.plan.actions.back, cancel: t.plan.actions.cancel, submit: t.plan.actions.submit },
  });
}

/** One step's answers as facts, in the card's language. */
export function planFacts(view: PlanView, step: StepName, answers: object, communicator: string | undefined): Choice[] {
  const t = texts(view.locale).plan;
  const a = answers as Record<string, unknown>;
  const name = (aad: unknown) => view.people.find((p) => p.aadObjectId === aad)?.name ?? String(aad);
  switch (step) {
    case 'who':
      return [
        { title: t.who.kind, value: a.kind === 'account' ? t.who.kindAccount : t.who.kindMonitoring },
        { title: t.who.department, value: view.departments.find((d) => d.id === a.departmentId)?.name ?? String(a.departmentId) },
        { title: t.who.chief, value: name(a.chiefAadObjectId) },
      ];
    case 'channel':
      return [
        { title: t.channel.platform, value: String(a.platform) },
        { title: t.channel.accountName, value: String(a.accountName) },
        { title: t.channel.accountUrl, value: String(a.accountUrl) },
        { title: t.channel.startDate, value: String(a.startDate) },
        { title: t.channel.endDate, value: typeof a.endDate === 'string' ? a.endDate : t.review.ongoing },
      ];
    case 'purpose':
      return Object.keys(a).map((field) => ({
        title: field === 'goals' ? t.purpose.goal(1) : (t.purpose as Record<string, unknown>)[field] as string,
        value: Array.isArray(a[field]) ? (a[field] as string[]).join('; ') : String(a[field]),
      }));
    case 'administration':
      return [
        { title: t.review.administrators, value: administrators(a.admins as string[], communicator).join(', ') },
        { title: t.administration.loginStorage, value: String(a.loginStorage) },
        { title: t.administration.substitute, value: String(a.substitute) },
      ];
    case 'commitments': {
      const answered = Object.values(a);
      return [{ title: t.review.confirmedTitle, value: t.review.confirmed(answered.filter((v) => v === true).length, answered.length) }];
    }
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

/** The name of the communicator of the department the plan names, if any. */
export function communicatorOf(view: PlanView, assignment: Assignment): string | undefined {
  const departmentId = (assignment.draft.who as { departmentId?: unknown } | undefined)?.departmentId;
  const department = view.departments.find((d) => d.id === departmentId);
  return view.people.find((p) => p.aadObjectId === department?.communicatorAadObjectId)?.name;
}

/** Where a plan stands once there is nothing left to fill in. */
export function statusCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  const t = texts(view.locale).plan;
  const chiefId = (assignment.draft.who as { chiefAadObjectId?: string } | undefined)?.chiefAadObjectId;
  const chief = view.people.find((p) => p.aadObjectId === chiefId)?.name ?? t.who.chief;
  const waitingOnChief = assignment.status === 'awaiting_chief';
  const paragraphs = waitingOnChief
    ? [t.submitted.body(chief, assignment.version), assignment.draft.kind === 'account' ? t.submitted.next : t.submitted.nextMonitoring]
    : assignment.status === 'cancelled'
      ? [t.cancelled]
      : [];
  return planStatusCard({
    heading: t.heading,
    title: waitingOnChief ? t.submitted.title : t.mine.status[assignment.status],
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'warning',
    paragraphs: paragraphs.map((text) => ({ text })),
    facts: [],
    actions: [
      ...(assignment.plan ? [{ title: t.actions.show, verb: 'plan.history', data: { assignmentId: assignment.id } } as const] : []),
      { title: t.actions.mine, verb: 'plan.mine', data: {} },
      { title: t.actions.newPlan, verb: 'plan.start', data: {} },
    ],
  });
}

/** The card that belongs to the assignment now: its current step, the review, or its status. */
export function currentCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  if (assignment.status !== 'draft' && assignment.status !== 'changes_requested') return statusCard(view, assignment, shown);
  return assignment.at === 'review' ? reviewCard(view, assignment, shown) : stepCard(view, assignment, assignment.at, shown);
}

/** A short message with the way on, for a plan that cannot be shown (not found, not yours). */
export function messageCard(view: PlanView, message: string): AdaptiveCard {
  const t = texts(view.locale).plan;
  return planStatusCard({
    heading: t.heading,
    title: t.mine.title,
    notice: message,
    noticeStyle: 'warning',
    paragraphs: [],
    facts: [],
    actions: [
      { title: t.actions.mine, verb: 'plan.mine', data: {} },
      { title: t.actions.newPlan, verb: 'plan.start', data: {} },
    ],
  });
}

/** How a plan is named in lists and messages: its account, or what kind of plan it is. */
export function planTitle(locale: Locale, assignment: Assignment): string {
  const t = texts(locale).plan.mine;
  if (assignment.draft.kind === 'monitoring') return t.monitoring;
  const channel = assignment.draft.channel as { accountName?: string; platform?: string } | undefined;
  return channel?.accountName ? `${channel.accountName} (${channel.platform})` : t.untitled;
}
