import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import type { Assignment, Command } from '../../domain/assignment';
import { dutyKinds, isPeriodOf, type DutyKind, type Nudge } from '../../domain/duties';
import { calendarDay, cardId, wholeNumber } from '../../domain/fields';
import { texts } from '../../i18n';
import { accountList } from '../account/list';
import type { FlowDeps } from '../deps';
import type { PlanDeps } from '../plan/session';
import type { CardTurn } from '../turn';
import type { NudgeLedger } from '../../store/nudges';
import { drawNudgeCard } from './card';
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

export type Shown = NonNullable<NudgeView['shown']>;

/** The nudge a task button is on, the assignment as stored, and the card to answer with. */
export interface Task<D extends DutyKind = DutyKind> {
  readonly card: (shown: Shown) => Promise<AdaptiveCard>;
  readonly nudge: Nudge & { readonly duty: D };
  readonly state: Assignment;
  readonly etag: string;
  /** Everything the card sent: the task's own fields are parsed where they are used. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** What the card sent to identify the nudge, to send it again from a form. */
  readonly key: Readonly<Record<string, string>>;
  /** What was typed in one of the nudge's own inputs (each section of a card has its own). */
  readonly input: (name: 'reference' | 'until') => string;
}

/** The nudge a task button is on, for one of `duties`, if the user owns its active account; a card that is not one is unreadable. */
export async function loadTask<D extends DutyKind>(deps: DutyTaskDeps, turn: CardTurn, duties: readonly D[]): Promise<Task<D> | { refused: AdaptiveCard }> {
  const parsed = taskData.safeParse(turn.data);
  const t = texts(turn.locale);
  const duty = parsed.success ? duties.find((d) => d === parsed.data.duty) : undefined;
  const stored = parsed.success && duty ? await deps.assignments.get(parsed.data.assignmentId) : undefined;
  if (!parsed.success || !duty || !stored?.value.plan) return { refused: await accountList(deps, turn, { notice: t.account.unreadable, style: 'attention' }) };
  const { assignmentId, period, level, due, at, section } = parsed.data;
  const nudge = { assignmentId, duty, period, level, due, at, audience: 'owner' } as const;
  const state = stored.value;
  // The card the button is on, as it was sent (a person's nudges of one sweep share one card): drawn
  // again whole, with this section showing what happened. A card not in the ledger held this nudge alone.
  // A form opened below a card of several (the evaluation) answers for its own duty alone.
  const data = turn.data as Record<string, unknown>;
  const alone = data.opens === 'below' || data.alone === '1';
  const sent = alone ? undefined : await deps.ledger.get(nudge, turn.user.aadObjectId);
  const items = sent?.record.card ?? [{ nudge, role: 'owner' as const }];
  const pressed = sent?.record.card ? section : 0;
  const card = (shown: Shown) => drawNudgeCard(deps, turn.reach.tenantId, turn.user.aadObjectId, items, turn.locale, { pressed: { section: pressed, shown } });
  if (state.applicant.aadObjectId !== turn.user.aadObjectId) return { refused: await card({ notice: t.duties.tasks.notYours, style: 'attention', done: true }) };
  if (state.status !== 'active') return { refused: await card({ notice: t.duties.tasks.notActive, style: 'attention', done: true }) };
  const key = { assignmentId, duty, period, level: String(level), due, at, section: String(section), ...(alone ? { alone: '1' } : {}) };
  const input = (name: 'reference' | 'until') => {
    // A card drawn before sections had one form, its inputs without a number.
    const value = parsed.data[`${name}_${section}`] ?? ('section' in (turn.data as object) ? undefined : parsed.data[name]);
    return typeof value === 'string' ? value.trim() : '';
  };
  return { card, nudge, state, etag: stored.etag, fields: parsed.data, key, input };
}

/** Carries the command out; the card then says it is done, or why not (nothing stored). */
export async function doTask(deps: Pick<FlowDeps, 'run'>, turn: CardTurn, task: Task, command: Command, done: string, refused: Shown): Promise<AdaptiveCard> {
  const t = texts(turn.locale).duties.tasks;
  const result = await deps.run(command, { id: task.state.id, loaded: { value: task.state, etag: task.etag }, reach: turn.reach });
  if (result.ok) return task.card({ notice: done, done: true });
  if (result.reason === 'conflict') return task.card({ notice: t.lostRace, style: 'attention' });
  if (result.reason === 'alreadyDone') return task.card({ notice: t.alreadyDone, done: true });
  if (result.reason === 'notAllowed') return task.card({ notice: t.notYours, style: 'attention', done: true });
  return task.card({ style: 'attention', ...refused });
}
