import { DateTime } from 'luxon';
import type { Assignment, EvaluatedPeriod, EvaluationDecision } from './assignmentTypes';
import { localDate, zone } from './calendar';

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
