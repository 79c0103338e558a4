import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import type { Assignment } from '../../domain/assignment';
import { dutyKinds, isPeriodOf, periodBegun, type DutyKind, type Nudge } from '../../domain/duties';
import { calendarDay, cardId, wholeNumber } from '../../domain/fields';
import { accountList, fromAccounts } from '../shared/accountList';
import { cardVerb, type Answered, type Made, type Press } from '../commands/press';
import type { FlowDeps } from '../deps';
import type { PlanDeps } from '../shared/planView';
import type { CardHandler } from '../turn';
import type { NudgeLedger } from '../../store/nudges';
import { drawNudgeCard, knownFor } from './card';
import type { NudgeView } from './view';

/** What the owner's duty tasks read. */
export type DutyTaskDeps = PlanDeps & Pick<FlowDeps, 'dutySettings' | 'messenger' | 'conversations' | 'forcedLocale'> & { readonly ledger: Pick<NudgeLedger, 'get'> };

/** What a task button on a nudge card sends: which nudge it is (to draw it again), and the form's fields. Rights come from storage. */
const taskData = z
  .looseObject({
    assignmentId: cardId,
    duty: z.enum(dutyKinds),
    period: z.string().max(40),
    level: wholeNumber(99),
    due: calendarDay,
    at: z.iso.datetime(),
    section: wholeNumber(99).optional().default(0),
  })
  .refine((task) => isPeriodOf(task.duty, task.period));

type TaskData = z.infer<typeof taskData>;

export type Shown = NonNullable<NudgeView['shown']>;

/** The inputs of a nudge card's forms: the archive's reference, the day of the latest post (R11), pause until. */
type TaskInput = 'reference' | 'lastPost' | 'until';

/** The nudge a task button is on, and the card to answer with. */
export interface Task<D extends DutyKind = DutyKind> {
  /** The card again, with the pressed section showing what happened; `state` is the assignment after the press (as read, if not given). */
  readonly card: (shown: Shown, state?: Assignment) => Promise<AdaptiveCard>;
  readonly nudge: Nudge & { readonly duty: D };
  /** The assignment as read for the press. */
  readonly state: Assignment;
  /** Everything the card sent: the task's own fields are parsed where they are used. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** What the card sent to identify the nudge, to send it again from a form. */
  readonly key: Readonly<Record<string, string>>;
  /** What was typed in one of the nudge's own inputs (each section of a card has its own). */
  readonly input: (name: TaskInput) => string;
}

/** The ledger's record of the card the button is on (what else it holds), read at the same time as the assignment. */
type SentCard = Awaited<ReturnType<DutyTaskDeps['ledger']['get']>>;

export type TaskPress<D extends DutyKind> = Press<TaskData, Task<D>, SentCard>;

/** The nudge a task button is on, as the card sent it. */
const nudgeOf = <D extends DutyKind>(data: TaskData) => ({ assignmentId: data.assignmentId, duty: data.duty as D, period: data.period, level: data.level, due: data.due, at: data.at, audience: 'owner' } as const);

/** A button under an account in "mina konton": answered with the accounts as they are after it. */
const onAccounts = (data: TaskData) => data.from === fromAccounts.from;

/** A form opened below a card of several (the evaluation), or a button in "mina konton", answers for its own duty alone. */
const aloneOn = (data: TaskData) => data.opens === 'below' || data.alone === '1' || onAccounts(data);

/** The nudge card a task button is on, read once per press: drawn again whole, with the pressed section showing what happened. */
async function loadTask<D extends DutyKind>(deps: DutyTaskDeps, read: Omit<TaskPress<D>, 'context'>): Promise<Task<D>> {
  const { turn, input: data, stored } = read;
  const { assignmentId, period, level, due, at, section } = data;
  const duty = data.duty as D;
  const nudge = nudgeOf<D>(data);
  // A person's nudges of one sweep share one card: drawn again whole. A card not in the ledger held
  // this nudge alone. A form opened below a card of several (the evaluation) answers for its own duty alone.
  const alone = aloneOn(data);
  const sent = read.alongside;
  const items = sent?.record.card ?? [{ nudge, role: 'owner' as const }];
  const pressed = sent?.record.card ? section : 0;
  // Drawn from the assignment as the press left it (no read of it again); the card's other assignments as stored.
  // Pressed in "mina konton": the accounts again, saying what happened or what to fix.
  const card = async (shown: Shown, state: Assignment = stored.value) => {
    if (onAccounts(data)) {
      const problem = shown.fieldError ?? shown.dateError ?? shown.lastPostError;
      return accountList(deps, turn, { notice: problem ?? shown.notice, style: problem || shown.style === 'attention' ? 'attention' : 'good' });
    }
    const known = await knownFor(deps, items.map((i) => i.nudge.assignmentId), new Map([[state.id, state]]));
    return drawNudgeCard(deps, turn.reach.tenantId, turn.user.aadObjectId, items, turn.locale, { known, pressed: { section: pressed, shown } });
  };
  const key = { assignmentId, duty, period, level: String(level), due, at, section: String(section), ...(alone ? { alone: '1' } : {}), ...(onAccounts(data) ? fromAccounts : {}) };
  const input = (name: TaskInput) => {
    // A card drawn before sections had one form, its inputs without a number.
    const value = data[`${name}_${section}`] ?? ('section' in (turn.data as object) ? undefined : data[name]);
    return typeof value === 'string' ? value.trim() : '';
  };
  return { card, nudge, state: stored.value, fields: data, key, input };
}

/** A task verb on a nudge card: which duties it is for, the command it makes, and what the card says when it is done. */
export interface DutyVerb<D extends DutyKind> {
  readonly duties: readonly D[];
  /** The command; absent for a verb that only opens its form (`answer`). */
  readonly command?: (press: TaskPress<D>) => Made | Promise<Made>;
  /** What the section says once done, given the assignment after the change. */
  readonly done?: (press: TaskPress<D>, after: Assignment) => string;
  /** What the section keeps after a refusal: what was typed. */
  readonly keep?: (press: TaskPress<D>) => Shown;
  /** Another answer than the nudge card (a form); `standard` draws the nudge card. */
  readonly answer?: (press: TaskPress<D>, answered: Answered, standard: () => Promise<AdaptiveCard>) => Promise<AdaptiveCard>;
}

/**
 * A button on a nudge card, through the card-command pipeline: only the account's owner, only while it
 * is active, only for a period that has begun; the card is drawn again with the pressed section saying
 * what happened, or why not. Anyone else gets their own accounts with the refusal: the nudge card is
 * drawn for its owner alone.
 */
export function dutyVerb<D extends DutyKind>(deps: DutyTaskDeps, spec: DutyVerb<D>): CardHandler {
  const forDuties = taskData.refine((task) => (spec.duties as readonly DutyKind[]).includes(task.duty));
  const standard = (press: TaskPress<D>, answered: Answered) => () => {
    if (answered.ok) return press.context.card({ notice: spec.done?.(press, answered.state) ?? '', done: true }, answered.state);
    const { refusal } = answered;
    if (refusal.field === 'date') return press.context.card({ dateError: refusal.text, style: 'attention' }, answered.state);
    if (refusal.field === 'lastPost') return press.context.card({ ...spec.keep?.(press), lastPostError: refusal.text, style: 'attention' }, answered.state);
    return press.context.card({ ...spec.keep?.(press), notice: refusal.text, ...(refusal.style === 'good' ? {} : { style: 'attention' }), ...(refusal.done ? { done: true } : {}) }, answered.state);
  };
  return cardVerb<TaskData, Task<D>, SentCard>(deps, {
    surface: 'duty',
    input: forDuties,
    assignmentId: (input) => input.assignmentId,
    alongside: (input, turn) => (aloneOn(input) ? Promise.resolve(undefined) : deps.ledger.get(nudgeOf(input), turn.user.aadObjectId)),
    load: (read) => loadTask<D>(deps, read),
    // A card for a period that has not begun (crafted: no nudge of it is out yet) opens no form and changes nothing.
    authorise: ({ stored, turn, input, meta }) =>
      !stored.value.plan
        ? { reason: 'notFound' }
        : stored.value.applicant.aadObjectId !== turn.user.aadObjectId
          ? { reason: 'notYours' }
          : stored.value.status !== 'active'
            ? { reason: 'notActive' }
            : !periodBegun(stored.value, input.duty, input.period, meta.now)
              ? { reason: 'notBegun' }
              : undefined,
    ...(spec.command ? { command: spec.command } : {}),
    answer: (press, answered) => {
      // Someone other than the owner (a forwarded card, an id tried) is told nothing of the assignment: no account, admin or communicator is named.
      const stranger = answered.state.applicant.aadObjectId !== press.turn.user.aadObjectId;
      if (!answered.ok && (answered.refusal.reason === 'notFound' || stranger)) return accountList(deps, press.turn, { notice: answered.refusal.text, style: 'attention' });
      const drawn = standard(press, answered);
      return spec.answer ? spec.answer(press, answered, drawn) : drawn();
    },
    fallback: (turn, refusal) => accountList(deps, turn, { notice: refusal.text, style: 'attention' }),
  });
}
