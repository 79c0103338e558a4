import { DateTime } from 'luxon';
import { z } from 'zod';
import { dutyCard, dutyEvaluationCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { EvaluationReport } from '../../domain/dutyCommands';
import type { Assignment, Command } from '../../domain/assignment';
import { zone } from '../../domain/calendar';
import { dutyKinds, isPeriodOf, nudgesBetween, overdue, type DutyKind, type Nudge } from '../../domain/duties';
import { calendarDay, cardId, wholeNumber } from '../../domain/fields';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import type { CardHandler, CardTurn } from '../turn';
import type { PlanDeps } from '../plan/session';
import { approversFor } from '../approval/approvers';
import { localeOf, type Locale } from '../../domain/locale';
import { factsFor } from './schedule';
import { echoLength } from '../turn';
import { nudgeCard, periodLabel, type NudgeView } from './view';

/** What the owner's duty tasks read. */
export type DutyTaskDeps = PlanDeps & Pick<FlowDeps, 'dutySettings' | 'messenger' | 'conversations' | 'forcedLocale'>;

/** What a task button on a nudge card sends: which nudge it is (to draw it again). Rights come from storage. */
const taskData = z
  .object({
    assignmentId: cardId,
    duty: z.enum(dutyKinds),
    period: z.string().max(40),
    level: wholeNumber(99),
    due: calendarDay,
    at: z.iso.datetime(),
  })
  .refine((task) => isPeriodOf(task.duty, task.period));

const day = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate() ?? iso;

/**
 * The owner's tasks on a nudge card (R11, R15): the archive snapshot sent to the municipal archive,
 * the account confirmed in use, the activity question paused, or the nudge put off for a week but
 * never past its escalation. Each ends or moves the duty through the lifecycle, once.
 */
const count = wholeNumber(100_000_000);
const reportData = z.object({
  followers: count,
  posts: count,
  answeredWithin48h: z.enum(['always', 'mostly', 'seldom']),
  incidents: count,
  change: z.string().max(2000).optional().default(''),
  decision: z.enum(['continue', 'close']),
});
const met = z.enum(['yes', 'partly', 'no']);
/** The longest reference of the municipal archive kept (its diary numbers are far shorter). */
const referenceLength = 200;

export function dutyHandlers(
  deps: DutyTaskDeps,
  accounts: Record<'close' | 'unreadable', CardHandler>,
): Record<'archived' | 'active' | 'pause' | 'snooze' | 'evaluation' | 'evaluationSend', CardHandler> {
  type Shown = NonNullable<NudgeView['shown']>;
  type Loaded<D extends DutyKind = DutyKind> = {
    card: (shown: Shown) => Promise<AdaptiveCard>;
    nudge: Nudge & { readonly duty: D };
    state: Assignment;
    etag: string;
    fields: Record<string, unknown>;
  };

  /** The nudge a task button is on, for one of `duties`; a card that is not one is unreadable. */
  async function load<D extends DutyKind>(turn: CardTurn, duties: readonly D[]): Promise<Loaded<D> | { refused: AdaptiveCard }> {
    const parsed = taskData.safeParse(turn.data);
    const t = texts(turn.locale).duties.tasks;
    const duty = parsed.success ? duties.find((d) => d === parsed.data.duty) : undefined;
    const stored = parsed.success && duty ? await deps.assignments.get(parsed.data.assignmentId) : undefined;
    if (!parsed.success || !duty || !stored?.value.plan) return { refused: await accounts.unreadable(turn) };
    const { assignmentId, period, level, due, at } = parsed.data;
    const nudge = { assignmentId, duty, period, level, due, at, audience: 'owner' } as const;
    const state = stored.value;
    const facts = await factsFor(deps.directory, state);
    const card = async (shown: Shown) =>
      nudgeCard({ nudge, state, role: 'owner', names: { owner: state.applicant.name }, overdue: overdue(state, DateTime.fromJSDate(deps.clock()), deps.dutySettings, facts), locale: turn.locale, shown });
    if (state.applicant.aadObjectId !== turn.user.aadObjectId) return { refused: await card({ notice: t.notYours, style: 'attention', done: true }) };
    if (state.status !== 'active') return { refused: await card({ notice: t.notActive, style: 'attention', done: true }) };
    return { card, nudge, state, etag: stored.etag, fields: (turn.data ?? {}) as Record<string, unknown> };
  }

  /** Carries the command out; the card then says it is done, or why not (nothing stored). */
  async function run(turn: CardTurn, loaded: Loaded, command: Command, done: string, refused: Shown): Promise<AdaptiveCard> {
    const t = texts(turn.locale).duties.tasks;
    const result = await deps.run(command, { id: loaded.state.id, loaded: { value: loaded.state, etag: loaded.etag }, reach: turn.reach });
    if (result.ok) return loaded.card({ notice: done, done: true });
    if (result.reason === 'conflict') return loaded.card({ notice: t.lostRace, style: 'attention' });
    if (result.reason === 'alreadyDone') return loaded.card({ notice: t.alreadyDone, done: true });
    if (result.reason === 'notAllowed') return loaded.card({ notice: t.notYours, style: 'attention', done: true });
    return loaded.card({ style: 'attention', ...refused });
  }

  /** The evaluation as the communicator gets it. */
  function evaluationSummary(locale: Locale, state: Assignment, report: EvaluationReport): AdaptiveCard {
    const t = texts(locale).duties;
    const e = t.evaluation;
    const account = accountName(state);
    return dutyCard({
      heading: t.heading,
      title: e.toCommunicatorTitle(state.applicant.name, account),
      paragraphs: [],
      facts: [
        ...report.goals.map((g) => ({ title: e.goal(g.goal), value: e.met[g.met] })),
        { title: e.facts.followers, value: String(report.followers) },
        { title: e.facts.posts, value: String(report.posts) },
        { title: e.facts.answered, value: e.t[report.answeredWithin48h] },
        { title: e.facts.incidents, value: String(report.incidents) },
        ...(report.change ? [{ title: e.facts.change, value: report.change }] : []),
        { title: e.facts.decision, value: report.decision === 'close' ? e.t.close : e.t.continue },
      ],
      itemsTitle: '',
      items: [],
      actions: [{ title: t.approval.show, verb: 'approval.refresh', data: { assignmentId: state.id } }],
    });
  }

  const meta = (turn: CardTurn) => ({ actor: turn.user, now: deps.clock().toISOString() });

  /** The evaluation form (R6), with what was typed and a note of what to fix. */
  function evaluationForm(turn: CardTurn, loaded: Loaded, values: Record<string, unknown> = {}, notice?: string): AdaptiveCard {
    const t = texts(turn.locale).duties;
    const plan = loaded.state.plan;
    const goals = plan?.kind === 'account' ? plan.purpose.goals : [];
    const value = (key: string) => (typeof values[key] === 'string' || typeof values[key] === 'number' ? String(values[key]).slice(0, echoLength) : '');
    return dutyEvaluationCard({
      heading: t.heading,
      title: t.evaluation.title(accountName(loaded.state)),
      intro: t.evaluation.intro,
      notice,
      goals: goals.map((goal, i) => ({ id: `goal${i}`, label: t.evaluation.goal(goal), value: value(`goal${i}`) })),
      t: t.evaluation.t,
      v: { followers: value('followers'), posts: value('posts'), answeredWithin48h: value('answeredWithin48h'), incidents: value('incidents'), change: value('change'), decision: value('decision') },
      hints: t.evaluation.hints,
      task: Object.fromEntries(Object.entries(taskData.parse(turn.data)).map(([k, v]) => [k, String(v)])),
    });
  }

  return {
    evaluation: async (turn) => {
      const loaded = await load(turn, ['evaluation']);
      if ('refused' in loaded) return loaded.refused;
      if (loaded.state.status === 'active' && loaded.state.dutyLog?.done?.[`evaluation|${loaded.nudge.period}`]) {
        return loaded.card({ notice: texts(turn.locale).duties.tasks.alreadyDone, done: true });
      }
      return evaluationForm(turn, loaded);
    },

    evaluationSend: async (turn) => {
      const loaded = await load(turn, ['evaluation']);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties;
      const { state, nudge, fields } = loaded;
      if (state.plan?.kind !== 'account') return loaded.card({ notice: t.tasks.notActive, style: 'attention' });
      const goals = state.plan.purpose.goals.map((goal, i) => ({ goal, met: met.safeParse(fields[`goal${i}`]) }));
      const parsed = reportData.safeParse(fields);
      if (!parsed.success || goals.some((g) => !g.met.success)) return evaluationForm(turn, loaded, fields, t.evaluation.fix);
      const report: EvaluationReport = { goals: goals.map((g) => ({ goal: g.goal, met: g.met.data ?? 'no' })), ...parsed.data, change: parsed.data.change.trim() };
      const command: Command = { type: 'CompleteDuty', meta: meta(turn), duty: 'evaluation', period: nudge.period, evidence: { kind: 'evaluation', report } };
      const result = await deps.run(command, { id: state.id, loaded: { value: state, etag: loaded.etag }, reach: turn.reach });
      if (!result.ok && result.reason === 'conflict') return evaluationForm(turn, loaded, fields, t.tasks.lostRace);
      if (!result.ok) return loaded.card({ notice: result.reason === 'alreadyDone' ? t.tasks.alreadyDone : t.tasks.notYours, done: true });
      // R6: the report is shared with the department communicator.
      const { communicator } = await approversFor(deps.directory, state);
      if (communicator) {
        const locale = localeOf((await deps.conversations.user(turn.reach.tenantId, communicator))?.locale, deps.forcedLocale);
        await deps.messenger.sendCard(turn.reach, communicator, evaluationSummary(locale, state, report));
      }
      if (report.decision === 'close') {
        const closing = await accounts.close({ ...turn, data: { assignmentId: state.id } });
        return closing;
      }
      return loaded.card({ notice: t.evaluation.done, done: true });
    },

    archived: async (turn) => {
      const loaded = await load(turn, ['archive']);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const reference = typeof loaded.fields.reference === 'string' ? loaded.fields.reference.trim() : '';
      if (!reference) return loaded.card({ fieldError: t.referenceRequired, style: 'attention' });
      if (reference.length > referenceLength) {
        return loaded.card({ fieldError: texts(turn.locale).fieldErrors.tooLong, fieldValue: reference.slice(0, referenceLength), style: 'attention' });
      }
      const command: Command = { type: 'CompleteDuty', meta: meta(turn), duty: 'archive', period: loaded.nudge.period, evidence: { kind: 'sentToArchive', reference } };
      return run(turn, loaded, command, t.archivedDone(periodLabel(texts(turn.locale), loaded.nudge.period)), { fieldValue: reference });
    },

    active: async (turn) => {
      const loaded = await load(turn, ['activity']);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const command: Command = { type: 'CompleteDuty', meta: meta(turn), duty: 'activity', period: loaded.nudge.period, evidence: { kind: 'confirmed' } };
      return run(turn, loaded, command, t.activeDone, {});
    },

    pause: async (turn) => {
      const loaded = await load(turn, ['activity']);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const until = typeof loaded.fields.until === 'string' ? loaded.fields.until.trim() : '';
      const command: Command = { type: 'PauseActivity', meta: meta(turn), until };
      return run(turn, loaded, command, t.pausedDone(until), { dateError: t.badPause });
    },

    snooze: async (turn) => {
      const loaded = await load(turn, ['archive', 'evaluation', 'activity', 'admins']);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const { nudge, state } = loaded;
      const now = DateTime.fromJSDate(deps.clock());
      // Never past the escalation of this period: the chief and the communicator still hear on time.
      const escalation = nudgesBetween(state, now, now.plus({ years: 1 }), deps.dutySettings, await factsFor(deps.directory, state)).find(
        (n) => n.duty === nudge.duty && n.period === nudge.period && n.audience === 'escalation',
      );
      const week = now.plus({ days: 7 });
      const latest = escalation ? DateTime.fromISO(escalation.at).minus({ hours: 1 }) : week;
      const until = week < latest ? week : latest;
      if (until <= now) return loaded.card({ notice: t.cannotSnooze, style: 'attention' });
      const command: Command = { type: 'SnoozeDuty', meta: meta(turn), duty: nudge.duty, period: nudge.period, until: until.toUTC().toISO() ?? '', latest: latest.toUTC().toISO() ?? '' };
      return run(turn, loaded, command, t.snoozedDone(day(until.toISO() ?? '')), { notice: t.cannotSnooze });
    },
  };
}
