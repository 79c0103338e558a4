import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Assignment, EvaluatedPeriod, EvaluationDecision, EvaluationReport } from './assignmentTypes';
import { localDate, zone } from './calendar';
import { wholeNumber } from './fields';

/**
 * R6, "Sammanställ en utvärderingsrapport minst en gång per år eller efter avslutad tidsbegränsad
 * aktivitet": which evaluation a nudge asks for, the period it covers, and where it may lead.
 */

/** The evaluation a nudge asks for: the card of an ended activity asks for the evaluation of that activity. */
export const evaluationPeriodOf = (duty: 'evaluation' | 'ended', period: string): string => (duty === 'ended' ? `end-${period}` : period);

/** Whether this evaluation of the account is written. */
export const evaluationDone = (state: Assignment, period: string): boolean => state.status === 'active' && !!state.dutyLog?.done?.[`evaluation|${period}`];

/** Whether the account's activity is time-limited (it has an end date): only then can it be extended. */
export const timeLimited = (state: Assignment): boolean => state.plan?.kind === 'account' && !!state.plan.channel.endDate;

/**
 * The period an evaluation covers: a time-limited activity's own, from the day it began (its start
 * date, or its approval if later) to its end date; a yearly one the year up to its anniversary.
 */
export function evaluatedPeriod(state: Assignment, period: string): EvaluatedPeriod {
  if (period.startsWith('end-')) {
    const begun = state.status === 'active' || state.status === 'closed' ? localDate(state.activatedAt) : '';
    const start = state.plan?.kind === 'account' ? state.plan.channel.startDate : '';
    return { kind: 'activity', from: start > begun ? start : begun, to: period.slice('end-'.length) };
  }
  const anniversary = DateTime.fromISO(period, { zone });
  return { kind: 'year', from: anniversary.minus({ years: 1 }).toISODate() ?? '', to: anniversary.minus({ days: 1 }).toISODate() ?? '' };
}

/**
 * What the owner may decide: after a time-limited activity, extend it or close the account (it cannot
 * go on as it was); in a yearly evaluation, go on, change the goals, extend (a time-limited activity
 * only) or close.
 */
export function evaluationDecisions(state: Assignment, period: string): readonly EvaluationDecision[] {
  if (period.startsWith('end-')) return ['extend', 'close'];
  return timeLimited(state) ? ['continue', 'change', 'extend', 'close'] : ['continue', 'change', 'close'];
}

/** R6: a goal that names a figure ("200 följare", "80 procent") is evaluated with the figure reached. */
export const namesFigure = (goal: string): boolean => /\d/.test(goal);

const count = wholeNumber(100_000_000);
const reportData = z.object({
  followers: count,
  posts: count,
  answeredWithin48h: z.enum(['always', 'mostly', 'seldom']),
  incidents: count,
  change: z.string().max(2000).optional().default(''),
  decision: z.enum(['continue', 'change', 'extend', 'close']),
});
const met = z.enum(['yes', 'partly', 'no']);
/** A figure a goal named (followers, a share in per cent): 0 or more, at most two decimals, as a number or as typed. */
const figure = z
  .union([z.number(), z.string().trim().regex(/^\d{1,12}([.,]\d{1,2})?$/).transform((v) => Number(v.replace(',', '.')))])
  .pipe(z.number().min(0).max(1e12));
const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * R6: the evaluation report as the owner's form sent it (`fields`), checked against the approved plan's
 * goals and the period: the decisions the period allows, each goal's outcome, and the figure reached
 * where the goal names one. Undefined if anything is missing or wrong.
 */
export function evaluationReportOf(state: Assignment, period: string, goals: readonly string[], fields: Readonly<Record<string, unknown>>): EvaluationReport | undefined {
  const parsed = reportData.safeParse(fields);
  if (!parsed.success || !evaluationDecisions(state, period).includes(parsed.data.decision)) return undefined;
  const outcomes = goals.map((goal, i) => {
    const given = fields[`figure${i}`];
    // R6: the figure reached, where the goal names one; optional where it does not.
    const reached = blank(given) ? (namesFigure(goal) ? undefined : { success: true as const, data: undefined }) : figure.safeParse(given);
    return { goal, met: met.safeParse(fields[`goal${i}`]), reached };
  });
  if (outcomes.some((o) => !o.met.success || !o.reached?.success)) return undefined;
  return {
    goals: outcomes.map((o) => ({ goal: o.goal, met: o.met.data ?? 'no', ...(o.reached?.data === undefined ? {} : { figure: o.reached.data }) })),
    covers: evaluatedPeriod(state, period),
    ...parsed.data,
    change: parsed.data.change.trim(),
  };
}
