import type { Choice } from '../../../cards';
import type { EvaluatedPeriod, EvaluationReport } from '../../domain/assignmentTypes';
import { longDate } from '../../domain/calendar';
import type { Locale } from '../../domain/locale';
import type { Texts } from '../../i18n';

/** R6: the period an evaluation covers, in words: "aktiviteten 1 juni 2027–20 augusti 2027", or the last year. */
export const coveredLabel = (t: Texts, locale: Locale, covers: EvaluatedPeriod): string =>
  t.duties.evaluation.period[covers.kind](longDate(covers.from, locale), longDate(covers.to, locale));

/**
 * An evaluation report as facts, the same for the communicator's card and the assignment's record:
 * the period, per goal whether it was met and the figure reached, the figures, what to change, and
 * what the owner decided.
 */
export function evaluationFacts(t: Texts, locale: Locale, report: EvaluationReport): Choice[] {
  const e = t.duties.evaluation;
  return [
    ...(report.covers ? [{ title: e.facts.period, value: coveredLabel(t, locale, report.covers) }] : []),
    ...report.goals.map((g) => ({ title: e.goal(g.goal), value: g.figure === undefined ? e.met[g.met] : e.reached(e.met[g.met], g.figure.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')) })),
    { title: e.facts.followers, value: String(report.followers) },
    { title: e.facts.posts, value: String(report.posts) },
    { title: e.facts.answered, value: e.t[report.answeredWithin48h] },
    { title: e.facts.incidents, value: String(report.incidents) },
    ...(report.change ? [{ title: e.facts.change, value: report.change }] : []),
    { title: e.facts.decision, value: e.decisions[report.decision] },
  ];
}
