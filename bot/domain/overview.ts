import { DateTime } from 'luxon';
import { accountName } from './account';
import type { Assignment } from './assignmentTypes';
import { localDate, zone } from './calendar';
import { digestWeek } from './digest';
import { allNudges, nudgesBetween, overdueAmong, periodDue, type DutyFacts, type DutyKind, type DutySettings } from './duties';

/**
 * The overview's figures (R16): what the communications chief, a communicator and a chief see of how
 * their departments keep the policy's duties, counted per department and ISO week. Pure: the
 * assignments and the time come in; the counting timer keeps the result as a small row per
 * department and week (bot/store/figures.ts), and overviews read those rows, never the assignments.
 */
export interface DutyOutcomes {
  /** Due this half-year and done by the day it was due. */
  readonly onTime: number;
  /** Due this half-year and done after that day. */
  readonly late: number;
  /** Due this half-year, not done, not yet gone to the chief and the communicator. */
  readonly overdue: number;
  /** Due this half-year, not done, and escalated to the chief and the communicator (or further). */
  readonly escalated: number;
}

/** A department's figures of one week, as counted. Never who reported something: counts only. */
export interface WeekFigures extends DutyOutcomes {
  readonly active: number;
  readonly closed: number;
  /** Every duty overdue now, whatever its half-year (the digest's and "Visa försenade"'s count). */
  readonly overdueNow: number;
  readonly evaluationsDone: number;
  readonly evaluationsDue: number;
  readonly criticism: number;
  readonly negative: number;
}

/** One overdue duty, as "Visa försenade" lists it. */
export interface OverdueItem {
  readonly assignmentId: string;
  readonly account: string;
  readonly owner: string;
  readonly ownerAadObjectId: string;
  readonly duty: DutyKind;
  readonly period: string;
  /** The local date it was due. */
  readonly due: string;
  readonly escalated: boolean;
}

export const emptyWeek: WeekFigures = { active: 0, closed: 0, onTime: 0, late: 0, overdue: 0, escalated: 0, overdueNow: 0, evaluationsDone: 0, evaluationsDue: 0, criticism: 0, negative: 0 };

/** Every period of the assignment's duties due from `from` up to `today` (local dates), with when it was done and whether it escalated. */
function periodsDue(state: Assignment, now: DateTime, from: string, settings: DutySettings, facts: DutyFacts) {
  const today = localDate(now.toISO() ?? '');
  const done = state.status === 'active' || state.status === 'closed' ? (state.dutyLog?.done ?? {}) : {};
  const found = new Map<string, { duty: DutyKind; due: string; done?: string; escalated: boolean }>();
  const start = DateTime.fromISO(from, { zone }).minus({ days: 120 });
  for (const n of state.status === 'active' ? nudgesBetween(state, start, now, settings, facts) : []) {
    if (n.duty === 'approval') continue;
    const key = `${n.duty}|${n.period}`;
    const known = found.get(key);
    found.set(key, { duty: n.duty, due: n.due, escalated: (known?.escalated ?? false) || n.audience === 'escalation' || n.audience === 'commsChief' });
  }
  // A duty done before any nudge went out has none: it counts from what the owner did.
  for (const [key, at] of Object.entries(done)) {
    const duty = key.slice(0, key.indexOf('|')) as DutyKind;
    const known = found.get(key);
    const due = known?.due ?? periodDue(state, duty, key.slice(key.indexOf('|') + 1), settings, facts);
    if (due) found.set(key, { duty, due, escalated: known?.escalated ?? false, done: localDate(at) });
  }
  return [...found.values()].filter((p) => p.due >= from && p.due <= today);
}

/** R5, R6, R15…: how the duties of this half-year went, for the accounts given. */
export function dutyOutcomes(assignments: readonly Assignment[], now: DateTime, settings: DutySettings, factsOf: (a: Assignment) => DutyFacts): DutyOutcomes {
  const local = now.setZone(zone);
  const halfYear = local.set({ month: local.month <= 6 ? 1 : 7, day: 1 }).toISODate() ?? '';
  const counts = { onTime: 0, late: 0, overdue: 0, escalated: 0 };
  for (const a of assignments) {
    for (const p of periodsDue(a, now, halfYear, settings, factsOf(a))) {
      if (p.done) counts[p.done <= p.due ? 'onTime' : 'late']++;
      else counts[p.escalated ? 'escalated' : 'overdue']++;
    }
  }
  return counts;
}

/** R6: the evaluations due this year so far (and those written ahead of their day), and how many are done. */
export function evaluations(assignments: readonly Assignment[], now: DateTime, settings: DutySettings, factsOf: (a: Assignment) => DutyFacts): { done: number; due: number } {
  const yearStart = now.setZone(zone).startOf('year').toISODate() ?? '';
  const yearEnd = now.setZone(zone).endOf('year').toISODate() ?? '';
  let done = 0;
  let due = 0;
  for (const a of assignments) {
    const periods = periodsDue(a, now.setZone(zone).endOf('day'), yearStart, settings, factsOf(a)).filter((p) => p.duty === 'evaluation' && (p.done || p.due <= localDate(now.toISO() ?? '')) && p.due <= yearEnd);
    due += periods.length;
    done += periods.filter((p) => p.done).length;
  }
  return { done, due };
}

/** Overdue duties in the order they are shown: the most recently due first, then by assignment. */
export const newestFirst = (x: OverdueItem, y: OverdueItem): number => y.due.localeCompare(x.due) || x.assignmentId.localeCompare(y.assignmentId);

/** The week's reports counted by kind: criticism and negative material (R13, R22). */
export const reportCounts = (reports: readonly { readonly kind: string }[]): { criticism: number; negative: number } => ({
  criticism: reports.filter((r) => r.kind === 'criticism').length,
  negative: reports.filter((r) => r.kind === 'negative').length,
});

/** The overdue duties of these assignments now, newest first (the most recently due at the top). */
export function overdueItems(assignments: readonly Assignment[], now: DateTime, settings: DutySettings, factsOf: (a: Assignment) => DutyFacts): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const a of assignments) {
    if (a.status !== 'active') continue;
    const nudges = allNudges(a, now, settings, factsOf(a));
    const escalatedKeys = new Set(nudges.filter((n) => n.audience === 'escalation' || n.audience === 'commsChief').map((n) => `${n.duty}|${n.period}`));
    for (const o of overdueAmong(a, nudges, now)) {
      if (o.duty === 'approval') continue;
      items.push({ assignmentId: a.id, account: accountName(a), owner: a.applicant.name, ownerAadObjectId: a.applicant.aadObjectId, duty: o.duty, period: o.period, due: o.due, escalated: escalatedKeys.has(`${o.duty}|${o.period}`) });
    }
  }
  return items.sort(newestFirst);
}

/**
 * A department's figures now, from its assignments, the week's report rows (kind and department only)
 * and its overdue duties now (`overdueItems`, which the caller keeps too).
 */
export function weekFigures(
  assignments: readonly Assignment[],
  reports: readonly { readonly kind: string }[],
  overdueNow: readonly OverdueItem[],
  now: DateTime,
  settings: DutySettings,
  factsOf: (a: Assignment) => DutyFacts,
): WeekFigures {
  const accounts = assignments.filter((a) => a.plan?.kind === 'account');
  const active = accounts.filter((a) => a.status === 'active');
  const evaluated = evaluations(active, now, settings, factsOf);
  return {
    active: active.length,
    closed: accounts.filter((a) => a.status === 'closed').length,
    ...dutyOutcomes(active, now, settings, factsOf),
    overdueNow: overdueNow.length,
    evaluationsDone: evaluated.done,
    evaluationsDue: evaluated.due,
    ...reportCounts(reports),
  };
}

/** Figures of several departments added up (the whole municipality, or a communicator's departments). */
export const addWeeks = (weeks: readonly WeekFigures[]): WeekFigures =>
  weeks.reduce((sum, w) => Object.fromEntries(Object.keys(emptyWeek).map((k) => [k, sum[k as keyof WeekFigures] + w[k as keyof WeekFigures]])) as unknown as WeekFigures, emptyWeek);

/** The ISO weeks of the trend, oldest first, ending with the week of `now` ("2027-W02"). */
export const trendWeeks = (now: DateTime, count = 12): string[] =>
  Array.from({ length: count }, (_, i) => digestWeek(now.minus({ weeks: count - 1 - i })));
