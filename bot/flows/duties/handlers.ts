import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import type { Assignment, Command } from '../../domain/assignment';
import { zone } from '../../domain/calendar';
import { dutyKinds, nudgesBetween, overdue, type DutySettings, type Nudge } from '../../domain/duties';
import { ETagConflict } from '../../errors';
import { texts } from '../../i18n';
import { carryOut, type LifecycleDeps } from '../lifecycle';
import type { PlanHandler, PlanTurn } from '../plan/handlers';
import type { PlanDeps } from '../plan/session';
import { factsFor } from './schedule';
import { nudgeCard, type NudgeView } from './view';

export interface DutyTaskDeps extends PlanDeps, LifecycleDeps {
  readonly dutySettings: DutySettings;
}

/** What a task button on a nudge card sends: which nudge it is (to draw it again). Rights come from storage. */
const taskData = z.object({
  assignmentId: z.string().min(1).max(100),
  duty: z.enum(dutyKinds),
  period: z.string().min(1).max(40),
  level: z.coerce.number().int().min(0).max(99),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  at: z.string().max(40),
});

const day = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate() ?? iso;

/**
 * The owner's tasks on a nudge card (R11, R15): the archive snapshot sent to the municipal archive,
 * the account confirmed in use, the activity question paused, or the nudge put off for a week but
 * never past its escalation. Each ends or moves the duty through the lifecycle, once.
 */
export function dutyHandlers(deps: DutyTaskDeps): Record<'archived' | 'active' | 'pause' | 'snooze', PlanHandler> {
  type Shown = NonNullable<NudgeView['shown']>;
  type Loaded = { card: (shown: Shown) => Promise<AdaptiveCard>; nudge: Nudge; state: Assignment; etag: string; fields: Record<string, unknown> };

  async function load(turn: PlanTurn): Promise<Loaded | { refused: AdaptiveCard }> {
    const parsed = taskData.safeParse(turn.data);
    const t = texts(turn.locale).duties.tasks;
    const stored = parsed.success ? await deps.assignments.get(parsed.data.assignmentId) : undefined;
    if (!parsed.success || !stored?.value.plan) return { refused: await notice(turn, t.unreadable) };
    const { assignmentId, duty, period, level, due, at } = parsed.data;
    const nudge: Nudge = { assignmentId, duty, period, level, due, at, audience: 'owner' };
    const state = stored.value;
    const facts = await factsFor(deps.directory, state);
    const card = async (shown: Shown) =>
      nudgeCard({ nudge, state, role: 'owner', names: { owner: state.applicant.name }, overdue: overdue(state, DateTime.fromJSDate(deps.clock()), deps.dutySettings, facts), locale: turn.locale, shown });
    if (state.applicant.aadObjectId !== turn.user.aadObjectId) return { refused: await card({ notice: t.notYours, style: 'attention', done: true }) };
    if (state.status !== 'active') return { refused: await card({ notice: t.notActive, style: 'attention', done: true }) };
    return { card, nudge, state, etag: stored.etag, fields: (turn.data ?? {}) as Record<string, unknown> };
  }

  async function notice(turn: PlanTurn, text: string): Promise<AdaptiveCard> {
    const { planStatusCard } = await import('../../../cards');
    return planStatusCard({ heading: texts(turn.locale).duties.heading, title: text, paragraphs: [], facts: [], actions: [] });
  }

  /** Carries the command out; the card then says it is done, or why not (nothing stored). */
  async function run(turn: PlanTurn, loaded: Loaded, command: Command, done: string, refused: Shown): Promise<AdaptiveCard> {
    const t = texts(turn.locale).duties.tasks;
    try {
      const result = await carryOut(deps, command, { value: loaded.state, etag: loaded.etag }, turn.reach);
      if (result.ok) return loaded.card({ notice: done, done: true });
      if (result.reason === 'alreadyDone') return loaded.card({ notice: t.alreadyDone, done: true });
      if (result.reason === 'notAllowed') return loaded.card({ notice: t.notYours, style: 'attention', done: true });
      return loaded.card({ style: 'attention', ...refused });
    } catch (error) {
      if (!(error instanceof ETagConflict)) throw error;
      return loaded.card({ notice: t.lostRace, style: 'attention' });
    }
  }

  const meta = (turn: PlanTurn) => ({ actor: turn.user, now: deps.clock().toISOString() });
  const label = (turn: PlanTurn, n: Nudge) => {
    const half = /^(\d{4})-H([12])$/.exec(n.period);
    return half ? texts(turn.locale).duties.halfYear(half[2] === '1' ? 1 : 2, Number(half[1])) : n.period;
  };

  return {
    archived: async (turn) => {
      const loaded = await load(turn);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const reference = typeof loaded.fields.reference === 'string' ? loaded.fields.reference.trim().slice(0, 200) : '';
      if (loaded.nudge.duty !== 'archive') return loaded.card({ notice: t.notActive, style: 'attention' });
      if (!reference) return loaded.card({ fieldError: t.referenceRequired, style: 'attention' });
      const command: Command = { type: 'CompleteDuty', meta: meta(turn), duty: 'archive', period: loaded.nudge.period, evidence: { kind: 'sentToArchive', reference } };
      return run(turn, loaded, command, t.archivedDone(label(turn, loaded.nudge)), { fieldValue: reference });
    },

    active: async (turn) => {
      const loaded = await load(turn);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      if (loaded.nudge.duty !== 'activity') return loaded.card({ notice: t.notActive, style: 'attention' });
      const command: Command = { type: 'CompleteDuty', meta: meta(turn), duty: 'activity', period: loaded.nudge.period, evidence: { kind: 'confirmed' } };
      return run(turn, loaded, command, t.activeDone, {});
    },

    pause: async (turn) => {
      const loaded = await load(turn);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const until = typeof loaded.fields.until === 'string' ? loaded.fields.until.trim() : '';
      if (loaded.nudge.duty !== 'activity') return loaded.card({ notice: t.notActive, style: 'attention' });
      const command: Command = { type: 'PauseActivity', meta: meta(turn), until };
      return run(turn, loaded, command, t.pausedDone(until), { dateError: t.badPause });
    },

    snooze: async (turn) => {
      const loaded = await load(turn);
      if ('refused' in loaded) return loaded.refused;
      const t = texts(turn.locale).duties.tasks;
      const { nudge, state } = loaded;
      if (nudge.duty !== 'archive' && nudge.duty !== 'evaluation' && nudge.duty !== 'activity' && nudge.duty !== 'admins') return loaded.card({ notice: t.notActive, style: 'attention' });
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
