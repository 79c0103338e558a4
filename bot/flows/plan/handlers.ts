import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { keepDraft, peopleNamed, stepNames, stepsFor, validateStep, type FieldError, type PlanDraft, type StepName } from '../../domain/activityPlan';
import { cardId, wholeNumber } from '../../domain/fields';
import { questionnaireAccess, stepAfter, stepBefore, type Assignment, type OnRevision } from '../../domain/assignment';
import { approverOf } from '../../domain/approval';
import { editingChange, mayChange } from '../../domain/planChange';
import { chiefMayEdit } from '../../domain/together';
import { texts } from '../../i18n';
import { planChoices } from '../shared/planChoices';
import { answersFromCard, sentValues } from '../shared/planForm';
import { cardVerb, type Made, type Press } from '../commands/press';
import type { RefusalShown } from '../commands/refusals';
import { commandMeta, type CardHandler, type CardTurn } from '../turn';
import { loadView, type PlanDeps } from '../shared/planView';
import { listHandlers, planList } from './mine';
import { messageCard } from '../shared/messageCard';
import { currentCard, helperCard, reviewCard, stepCard } from './view';
import { nameIn, type PlanView } from '../shared/planView';

/** R1: whoever decides the chief step of this plan, as the directory has them now: who may fill in with the applicant, and change an approved plan with its owner. */
const chiefNow = (view: PlanView, a: Assignment): string | undefined => approverOf(a, 'chief', { chief: planChoices(view, a).chief });

/** A questionnaire command's meta: the card's revision, and the chief now (R1, R6). */
const onRevision = (meta: OnRevision | Omit<OnRevision, 'revision'>, revision: number, view: PlanView, a: Assignment): OnRevision => {
  const chief = chiefNow(view, a);
  return { ...meta, revision, ...(chief ? { chief } : {}) };
};

/** A step's answers as the card sent them, over what is stored: a field the card did not send keeps its stored value. */
const kept = (assignment: Assignment, step: StepName, answers: Record<string, unknown>): Record<string, unknown> => ({
  ...(typeof assignment.draft[step] === 'object' && assignment.draft[step] !== null ? (assignment.draft[step] as Record<string, unknown>) : {}),
  ...Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)),
});

// What plan cards carry besides the inputs. Checked first: a card that does not fit gets the
// list of the user's own plans, with a note that the card could not be read.
const onDraft = z.object({ draftId: cardId, revision: wholeNumber(1_000_000) });
const saveData = onDraft.extend({ step: z.enum(stepNames), then: z.enum(['stay', 'next']) });
const openData = onDraft.extend({ to: z.enum([...stepNames, 'review']) });
// R6: "Ändra aktivitetsplanen" on an active assignment; the goals are on the purpose step, the end date on the channel's.
const changeData = z.object({ assignmentId: cardId, step: z.enum(['purpose', 'channel']).optional() });
const togetherData = z.object({ draftId: cardId });

/** Whether the one pressing is the applicant's chief filling in a draft or correcting it (authorised before: draftAccess); on a change of an approved plan, owner and chief use the same questionnaire. */
const helping = (turn: CardTurn, a: Assignment): boolean => turn.user.aadObjectId !== a.applicant.aadObjectId && a.status !== 'active';

/** The questionnaire (bilaga 1): start, save, go back, open a step, send to the chief, cancel; and the applicant's list. */
export function planHandlers(
  deps: PlanDeps,
): Record<'start' | 'save' | 'back' | 'open' | 'submit' | 'cancel' | 'askChief' | 'together' | 'approveCorrected' | 'resume' | 'mine' | 'change', CardHandler> {
  /** The card for a refusal: a plan that cannot be shown gets a message, one that can is shown as it is now (to the chief, theirs). */
  function refusalCard(turn: CardTurn, view: PlanView, refusal: RefusalShown, assignment: Assignment): AdaptiveCard {
    if (refusal.reason === 'notFound' || refusal.reason === 'notYours') return messageCard(view, refusal.text);
    if (helping(turn, assignment)) return helperCard(view, assignment, { notice: refusal.text, noticeStyle: refusal.style === 'attention' ? 'attention' : 'warning' });
    if (refusal.reason === 'incomplete') return reviewCard(view, assignment, { notice: refusal.text });
    return currentCard(view, assignment, { notice: refusal.text, noticeStyle: refusal.style === 'attention' ? 'attention' : 'warning' });
  }

  /** The step again, with what was typed and why it was refused; a refused password is not shown again. */
  function refusedStep(turn: CardTurn, view: PlanView, assignment: Assignment, step: StepName, errors: readonly FieldError[]): AdaptiveCard {
    const values = sentValues(step, turn.data);
    for (const error of errors) if (error.code === 'credential') values[error.field] = '';
    return stepCard(view, assignment, step, { values, errors, notice: texts(turn.locale).plan.notices.fix, noticeStyle: 'attention', helping: helping(turn, assignment) });
  }

  type DraftPress<D> = Press<D, PlanView> & { readonly meta: OnRevision };

  /**
   * A button on a draft, through the card-command pipeline: the draft as this process last saved it
   * for the card pressed (P1), or as stored; the people its cards name read once; only its applicant
   * while it is a draft, or their chief as together.ts allows, and only from the current card
   * (draftAccess); or a change of an approved plan being edited, by its owner or their chief in the
   * directory now (planChange.ts); then the command, or a card instead.
   */
  const onDraftButton = <D extends z.infer<typeof onDraft>>(
    schema: z.ZodType<D>,
    act: (press: DraftPress<D>) => Made,
    options: { readonly named?: (turn: CardTurn, data: D) => readonly string[]; readonly notice?: (press: DraftPress<D>) => string | undefined } = {},
  ): CardHandler =>
    cardVerb<D, PlanView>(deps, {
      surface: 'plan',
      input: schema,
      assignmentId: (input) => input.draftId,
      find: async (input) => {
        const remembered = deps.assignments.lastSaved(input.draftId);
        return remembered?.value.revision === input.revision ? remembered : deps.assignments.get(input.draftId);
      },
      load: ({ turn, input, stored }) => loadView(deps, turn.locale, { assignments: [stored.value], people: options.named?.(turn, input) ?? [] }),
      authorise: ({ stored, meta, input, context }) => {
        const allowed = questionnaireAccess(stored.value, onRevision(meta, input.revision, context, stored.value));
        return 'reason' in allowed ? allowed : undefined;
      },
      command: (press) => act({ ...press, meta: onRevision(press.meta, press.input.revision, press.context, press.stored.value) }),
      answer: (press, answered) => {
        if (!answered.ok) return refusalCard(press.turn, press.context, answered.refusal, answered.state);
        const notice = options.notice?.({ ...press, meta: { ...press.meta, revision: press.input.revision } });
        const shown = notice ? { notice, noticeStyle: 'good' as const } : {};
        if (!helping(press.turn, answered.state)) return currentCard(press.context, answered.state, shown);
        // The chief stays on the step they saved, or is back at their review.
        const saved = answered.events.find((e) => e.type === 'StepSaved');
        return helperCard(press.context, answered.state, shown, saved?.type === 'StepSaved' && saved.then === saved.step ? saved.step : 'review');
      },
      fallback: async (turn, refusal) =>
        refusal.reason === 'unreadable' ? planList(deps, turn, { notice: refusal.text, noticeStyle: 'attention' }) : messageCard(await loadView(deps, turn.locale), refusal.text),
    });

  /** R6: "Ändra aktivitetsplanen": starts a change of an active plan, or reopens the one being edited (at `step` if asked). */
  const change = cardVerb<z.infer<typeof changeData>, PlanView>(deps, {
    surface: 'plan',
    input: changeData,
    assignmentId: (input) => input.assignmentId,
    load: ({ turn, stored }) => loadView(deps, turn.locale, { assignments: [stored.value] }),
    // The owner, or their chief in the directory now; nobody else sees the plan.
    authorise: ({ stored: { value: a }, turn, context }) => (mayChange(a, turn.user.aadObjectId, chiefNow(context, a)) ? undefined : { reason: 'notYours' }),
    command: ({ input, stored: { value: a }, meta, context }): Made => {
      const chief = chiefNow(context, a);
      if (!editingChange(a)) return { type: 'StartChange', meta: { ...meta, ...(chief ? { chief } : {}) }, ...(input.step ? { step: input.step } : {}) };
      const to = input.step && stepsFor(a.draft.kind).includes(input.step) ? input.step : undefined;
      return to && to !== a.step ? { type: 'OpenStep', meta: onRevision(meta, a.revision, context, a), to } : { show: currentCard(context, a) };
    },
    answer: (press, answered) => (answered.ok ? currentCard(press.context, answered.state) : refusalCard(press.turn, press.context, answered.refusal, answered.state)),
    fallback: async (turn, refusal) => messageCard(await loadView(deps, turn.locale), refusal.text),
  });

  return {
    change,
    start: async (turn) => {
      const person = await deps.directory.person(turn.user.aadObjectId);
      const draft: PlanDraft = { kind: 'account', ...(person ? { who: { departmentId: person.departmentId } } : {}) };
      const id = deps.newId();
      const outcome = await deps.run({ type: 'StartPlan', meta: commandMeta(deps.clock, turn), id, draft }, { id, reach: turn.reach });
      const view = await loadView(deps, turn.locale, { assignments: outcome.ok ? [outcome.state] : [] });
      return outcome.ok ? currentCard(view, outcome.state) : messageCard(view, texts(turn.locale).plan.notices.notFound);
    },

    save: onDraftButton(
      saveData,
      ({ turn, input: { step, then }, stored: { value: assignment }, context: view, meta }) => {
        const chief = helping(turn, assignment);
        const answers = answersFromCard(step, turn.data);
        const kind = step === 'who' && (answers.kind === 'account' || answers.kind === 'monitoring') ? answers.kind : assignment.draft.kind;
        // "Spara" keeps whatever is typed; only "Fortsätt" demands a complete, valid step.
        const result = then === 'stay' ? keepDraft(step, kept(assignment, step, answers)) : validateStep(kind, step, answers, planChoices(view, assignment));
        if (!result.ok) return { show: refusedStep(turn, view, assignment, step, result.errors) };
        // A step opened from the review ("Ändra") leads back to it; so does every step the chief opens.
        const next = assignment.fromReview || chief ? 'review' : stepAfter(kind, step);
        return { type: 'SaveStep', meta, step, answers: result.value, kind, then: then === 'next' ? next : step };
      },
      {
        // The people picked on this card, to check against the directory.
        named: (turn, data) => peopleNamed(answersFromCard(data.step, turn.data)),
        // The chief's own saves are theirs to see; going on with the applicant's plan is the applicant's.
        notice: ({ turn, input, stored }) => (input.then !== 'stay' ? undefined : helping(turn, stored.value) ? texts(turn.locale).plan.together.saved : texts(turn.locale).plan.notices.saved),
      },
    ),

    // "Tillbaka" keeps what was typed on the step, as it is, and opens the one before (or the review it came from).
    back: onDraftButton(onDraft, ({ turn, stored: { value: a }, context: view, meta }) => {
      // The chief's steps have no way back: a card that sends one gets their review.
      if (helping(turn, a)) return { show: helperCard(view, a) };
      const before = a.fromReview ? 'review' : (stepBefore(a.draft.kind, a.step) ?? a.step);
      if (a.step === 'review') return { type: 'OpenStep', meta, to: before };
      const result = keepDraft(a.step, kept(a, a.step, answersFromCard(a.step, turn.data)));
      if (!result.ok) return { show: refusedStep(turn, view, a, a.step, result.errors) };
      return { type: 'SaveStep', meta, step: a.step, answers: result.value, then: before };
    }),

    // The chief opens a step without moving the applicant's place in the questionnaire: nothing is stored.
    open: onDraftButton(openData, ({ turn, input: { to }, stored: { value: a }, context: view, meta }) => {
      if (to !== 'review' && !stepsFor(a.draft.kind).includes(to)) return { refuse: { reason: 'stale' } };
      return helping(turn, a) ? { show: helperCard(view, a, {}, to) } : { type: 'OpenStep', meta, to };
    }),

    submit: onDraftButton(onDraft, ({ stored: { value: a }, context: view, meta }) => ({ type: 'SubmitPlan', meta, choices: planChoices(view, a) })),

    cancel: onDraftButton(onDraft, ({ meta }) => ({ type: 'CancelDraft', meta })),

    // R1: the applicant asks their chief (the directory's now) to fill in the plan with them.
    askChief: onDraftButton(
      onDraft,
      ({ stored: { value: a }, context: view, meta }) => {
        const chief = planChoices(view, a).chief;
        return { type: 'AskChief', meta, ...(chief ? { chief: { aadObjectId: chief, name: nameIn(view, chief) } } : {}) };
      },
      { notice: ({ turn, stored: { value: a }, context: view }) => texts(turn.locale).plan.together.asked(nameIn(view, planChoices(view, a).chief ?? '')) },
    ),

    // R1: the chief approves the plan as they corrected it, as a new version; checked as a submit is.
    approveCorrected: onDraftButton(
      onDraft,
      ({ stored: { value: a }, context: view, meta }) => ({
        type: 'ApproveCorrected',
        meta: { ...meta, version: a.planVersion, step: 'chief', approvers: { chief: planChoices(view, a).chief } },
        choices: planChoices(view, a),
      }),
      { notice: ({ turn }) => texts(turn.locale).plan.together.approved },
    ),

    // R1: the chief's way in, from the card asking them or from the approval card ("Rätta aktivitetsplanen"): their review as it is now.
    together: cardVerb<z.infer<typeof togetherData>, PlanView>(deps, {
      surface: 'plan',
      input: togetherData,
      assignmentId: (input) => input.draftId,
      load: ({ turn, stored }) => loadView(deps, turn.locale, { assignments: [stored.value] }),
      authorise: ({ stored: { value: a }, turn, context }) =>
        a.applicant.aadObjectId === turn.user.aadObjectId || chiefMayEdit(a, turn.user.aadObjectId, chiefNow(context, a)) ? undefined : { reason: 'notYours' },
      answer: ({ turn, context }, answered) =>
        !answered.ok ? messageCard(context, answered.refusal.text) : helping(turn, answered.state) ? helperCard(context, answered.state) : currentCard(context, answered.state),
      fallback: async (turn, refusal) => messageCard(await loadView(deps, turn.locale), refusal.text),
    }),

    ...listHandlers(deps),
  };
}
