import { type DateTime } from 'luxon';
import type { FiguresCardData } from '../../../cards';
import type { Locale } from '../../domain/locale';
import { addWeeks, emptyWeek, trendWeeks, type WeekFigures } from '../../domain/overview';
import { texts } from '../../i18n';
import type { CountedWeek, FigureStore } from '../../store/figures';

/** What the figures' charts show: this week's figures per department, and the 12 weeks up to now. */
export interface FiguresRead {
  /** Each department's accounts this week (the one chart by department). */
  readonly departments: readonly { readonly name: string; readonly active: number; readonly closed: number }[];
  /** This week's figures of the departments together. */
  readonly now: WeekFigures;
  readonly weeks: readonly { readonly week: string; readonly figures: WeekFigures }[];
  /** When this week's figures were counted (ISO), if they were. */
  readonly countedAt?: string;
}

/**
 * R16: the 12 weeks of figures of these departments, from their rows, never the assignments: each
 * department's latest week, and the weeks added up. Every department (`everything`): the
 * municipality's totals (each department's accounts on its row), one range whatever the number of
 * departments; some: one range of one partition per department.
 */
export async function readFigures(figures: Pick<FigureStore, 'weeks' | 'totals'>, departments: readonly { readonly id: string; readonly name: string }[], now: DateTime, everything = false): Promise<FiguresRead> {
  const weeks = trendWeeks(now);
  if (everything) {
    const totals = await figures.totals(weeks[0]!, weeks[weeks.length - 1]!);
    const current = totals.find((w) => w.week === weeks[weeks.length - 1]);
    return {
      departments: departments.map((d) => ({ name: d.name, active: current?.accounts?.[d.id]?.active ?? 0, closed: current?.accounts?.[d.id]?.closed ?? 0 })),
      now: current?.figures ?? emptyWeek,
      weeks: weeks.map((week) => ({ week, figures: totals.find((w) => w.week === week)?.figures ?? emptyWeek })),
      ...(current?.countedAt ? { countedAt: current.countedAt } : {}),
    };
  }
  const rows = await Promise.all(departments.map((d) => figures.weeks(d.id, weeks[0]!, weeks[weeks.length - 1]!)));
  const thisWeek = (found: readonly CountedWeek[]) => found.find((w) => w.week === weeks[weeks.length - 1]);
  const counted = rows.flatMap((found) => thisWeek(found)?.countedAt ?? []).sort();
  return {
    departments: departments.map((d, i) => ({ name: d.name, active: thisWeek(rows[i]!)?.figures.active ?? 0, closed: thisWeek(rows[i]!)?.figures.closed ?? 0 })),
    now: addWeeks(rows.flatMap((found) => thisWeek(found)?.figures ?? [])),
    weeks: weeks.map((week) => ({ week, figures: addWeeks(rows.flatMap((found) => found.filter((w) => w.week === week).map((w) => w.figures))) })),
    ...(counted.length > 0 ? { countedAt: counted[counted.length - 1]! } : {}),
  };
}

/** The charts' data, with a sentence each (R9) and what their fallbacks show. */
export function figuresData(locale: Locale, read: FiguresRead): FiguresCardData {
  const t = texts(locale).overview;
  const { now } = read;
  const weekNumber = (week: string) => Number(week.slice(week.indexOf('W') + 1));
  const criticism = read.weeks.reduce((n, w) => n + w.figures.criticism, 0);
  const negative = read.weeks.reduce((n, w) => n + w.figures.negative, 0);
  const slice = (legend: string, value: number, color: string) => ({ legend, value, color, text: String(value) });
  return {
    accounts: {
      title: t.accounts.title,
      sentence: t.accounts.sentence(now.active, now.closed),
      inUse: t.accounts.inUse,
      closed: t.accounts.closed,
      rows: read.departments.map((d) => ({ name: d.name, active: d.active, closed: d.closed, value: t.accounts.value(d.active, d.closed) })),
    },
    duties: {
      title: t.duties.title,
      sentence: t.duties.sentence(now.onTime, now.late, now.overdue, now.escalated),
      slices: [slice(t.duties.onTime, now.onTime, 'good'), slice(t.duties.late, now.late, 'warning'), slice(t.duties.overdue, now.overdue, 'categoricalMarigold'), slice(t.duties.escalated, now.escalated, 'attention')],
    },
    trend: {
      title: t.trend.title,
      sentence: t.trend.sentence(now.overdueNow),
      legend: t.trend.legend,
      week: t.trend.week,
      count: t.trend.count,
      points: read.weeks.map((w) => ({
        label: t.weekLabel(weekNumber(w.week)),
        overdue: w.figures.overdueNow,
        criticism: w.figures.criticism,
        negative: w.figures.negative,
        text: String(w.figures.overdueNow),
        reportsText: t.reports.value(w.figures.criticism, w.figures.negative),
      })),
    },
    evaluations: {
      title: t.evaluations.title,
      sentence: t.evaluations.sentence(now.evaluationsDone, now.evaluationsDue),
      done: now.evaluationsDone,
      due: now.evaluationsDue,
      left: now.evaluationsDue - now.evaluationsDone,
      doneLegend: t.evaluations.done,
      leftLegend: t.evaluations.left,
      text: `${now.evaluationsDone} / ${now.evaluationsDue}`,
    },
    reports: { title: t.reports.title, sentence: t.reports.sentence(criticism, negative), criticism: t.reports.criticism, negative: t.reports.negative },
  };
}
