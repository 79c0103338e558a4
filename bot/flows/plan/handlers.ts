import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { keepDraft, peopleNamed, stepNames, stepsFor, validateStep, type FieldError, type PlanDraft, type StepName } from '../../domain/activityPlan';
import { cardId, wholeNumber } from '../../domain/fields';
import {
  draftAccess,
  stepAfter,
  stepBefore,
  type Assignment,
  type Command,
  type OnRevision,
  type Refusal,
} from '../../domain/assignment';
import type { Stored } from '../../store/repository';
import { texts } from '../../i18n';
import { planChoices } from './choices';
import { answersFromCard, sentValues } from './form';
import type { Outcome } from '../commands/runner';
import type { CardHandler, CardTurn } from '../turn';
import { loadView, metaOf, type PlanDeps } from './session';
import { listHandlers, planList } from './mine';
import { messageCard } from './status';
import { currentCard, reviewCard, stepCard, type PlanView } from './view';

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

/** The questionnaire (bilaga 1): start, save, go back, open a step, send to the chief, cancel; and the applicant's list. */
export function planHandlers(deps: PlanDeps): Record<'start' | 'save' | 'back' | 'open' | 'submit' | 'cancel' | 'resume' | 'mine', CardHandler> {
  /**
   * Loads the assignment named by the card, and the people its cards name (with `named`, those
   * picked on this card), and checks the user may change it from this card.
   */
  async function access(
    turn: CardTurn,
    data: z.infer<typeof onDraft>,
    named: readonly string[],
  ): Promise<{ view: PlanView } & ({ refused: AdaptiveCard } | { stored: Stored<Assignment> })> {
    // P1: the draft as this process saved it for the card pressed, if it did; the save is guarded by its ETag.
    const remembered = deps.assignments.lastSaved(data.draftId);
    const stored = remembered?.value.revision === data.revision ? remembered : await deps.assignments.get(data.draftId);
    const view = await loadView(deps, turn.locale, { assignments: stored ? [stored.value] : [], people: named });
    const allowed = draftAccess(stored?.value, { ...metaOf(deps, turn.user), revision: data.revision });
    return 'reason' in allowed ? { view, refused: refusalCard(view, allowed, stored?.value) } : { view, stored: stored! };
  }

  function refusalCard(view: PlanView, refusal: Refusal, assignment: Assignment | undefined): AdaptiveCard {
    const t = texts(view.locale).plan.notices;
    if (!assignment || refusal.reason === 'notFound') return messageCard(view, t.notFound);
    if (refusal.reason === 'notYours') return messageCard(view, t.notYours);
    if (refusal.reason === 'incomplete') return reviewCard(view, assignment, { notice: t.incomplete });
    return currentCard(view, assignment, { notice: t.stale, noticeStyle: 'warning' });
  }

  /** Shows how a command ended; a refusal or a lost race shows the assignment as it now is. */
  async function shown(view: PlanView, draftId: string, outcome: Outcome, notice?: string): Promise<AdaptiveCard> {
    if (outcome.ok) return currentCard(view, outcome.state, notice ? { notice } : {});
    const now = (await deps.assignments.get(draftId))?.value;
    return refusalCard(view, outcome.reason === 'conflict' ? { reason: 'stale' } : outcome, now);
  }

  /** The step again, with what was typed and why it was refused; a refused password is not shown again. */
  function refusedStep(turn: CardTurn, view: PlanView, assignment: Assignment, step: StepName, errors: readonly FieldError[]): AdaptiveCard {
    const values = sentValues(step, turn.data);
    for (const error of errors) if (error.code === 'credential') values[error.field] = '';
    return stepCard(view, assignment, step, { values, errors, notice: texts(turn.locale).plan.notices.fix, noticeStyle: 'attention' });
  }

  const unreadable = (turn: CardTurn) => planList(deps, turn, { notice: texts(turn.locale).plan.notices.unreadable, noticeStyle: 'attention' });

  /** What a button on a draft asks for: a command to carry out, or a card to show instead. */
  type Act<D> = (c: {
    turn: CardTurn;
    data: D;
    stored: Stored<Assignment>;
    view: PlanView;
    meta: OnRevision;
  }) => { command: Command; notice?: string } | { show: AdaptiveCard };

  /**
   * A button on a draft: parse what the card carries (anything else gets the user's own list),
   * check the user may act on this draft from this card, then carry out what `act` asks for.
   */
  const onDraftButton =
    <D extends z.infer<typeof onDraft>>(schema: z.ZodType<D>, act: Act<D>, named: (turn: CardTurn, data: D) => readonly string[] = () => []): CardHandler =>
    async (turn) => {
      const data = schema.safeParse(turn.data);
      if (!data.success) return unreadable(turn);
      const checked = await access(turn, data.data, named(turn, data.data));
      if ('refused' in checked) return checked.refused;
      const { view } = checked;
      const meta = { ...metaOf(deps, turn.user), revision: data.data.revision };
      const asked = act({ turn, data: data.data, stored: checked.stored, view, meta });
      if ('show' in asked) return asked.show;
      const id = checked.stored.value.id;
      return shown(view, id, await deps.run(asked.command, { id, loaded: checked.stored, reach: turn.reach }), asked.notice);
    };

  return {
    start: async (turn) => {
      const person = await deps.directory.person(turn.user.aadObjectId);
      const draft: PlanDraft = { kind: 'account', ...(person ? { who: { departmentId: person.departmentId } } : {}) };
      const id = deps.newId();
      const outcome = await deps.run({ type: 'StartPlan', meta: metaOf(deps, turn.user), id, draft }, { id, reach: turn.reach });
      return shown(await loadView(deps, turn.locale, { assignments: outcome.ok ? [outcome.state] : [] }), id, outcome);
    },

    save: onDraftButton(
      saveData,
      ({ turn, data, stored: { value: assignment }, view, meta }) => {
        const { step, then } = data;
        const answers = answersFromCard(step, turn.data);
        const kind = step === 'who' && (answers.kind === 'account' || answers.kind === 'monitoring') ? answers.kind : assignment.draft.kind;
        // "Spara" keeps whatever is typed; only "Fortsätt" demands a complete, valid step.
        const result = then === 'stay' ? keepDraft(step, kept(assignment, step, answers)) : validateStep(kind, step, answers, planChoices(view, assignment.applicant.aadObjectId));
        if (!result.ok) return { show: refusedStep(turn, view, assignment, step, result.errors) };
        // A step opened from the review ("Ändra") leads back to it.
        const next = assignment.fromReview ? 'review' : stepAfter(kind, step);
        return {
          command: { type: 'SaveStep', meta, step, answers: result.value, kind, then: then === 'next' ? next : step },
          notice: then === 'stay' ? texts(turn.locale).plan.notices.saved : undefined,
        };
      },
      // The people picked on this card, to check against the directory.
      (turn, data) => peopleNamed(answersFromCard(data.step, turn.data)),
    ),

    // "Tillbaka" keeps what was typed on the step, as it is, and opens the one before (or the review it came from).
    back: onDraftButton(onDraft, ({ turn, stored: { value: a }, view, meta }) => {
      const before = a.fromReview ? 'review' : (stepBefore(a.draft.kind, a.at) ?? a.at);
      if (a.at === 'review') return { command: { type: 'OpenStep', meta, to: before } };
      const result = keepDraft(a.at, kept(a, a.at, answersFromCard(a.at, turn.data)));
      if (!result.ok) return { show: refusedStep(turn, view, a, a.at, result.errors) };
      return { command: { type: 'SaveStep', meta, step: a.at, answers: result.value, then: before } };
    }),

    open: onDraftButton(openData, ({ data: { to }, stored: { value: a }, view, meta }) =>
      to === 'review' || stepsFor(a.draft.kind).includes(to)
        ? { command: { type: 'OpenStep', meta, to } }
        : { show: currentCard(view, a, { notice: texts(view.locale).plan.notices.stale, noticeStyle: 'warning' }) },
    ),

    submit: onDraftButton(onDraft, ({ stored: { value: a }, view, meta }) => ({
      command: { type: 'SubmitPlan', meta, choices: planChoices(view, a.applicant.aadObjectId) },
    })),

    cancel: onDraftButton(onDraft, ({ meta }) => ({ command: { type: 'CancelDraft', meta } })),

    ...listHandlers(deps),
  };
}

