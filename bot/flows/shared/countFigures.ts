import { DateTime } from 'luxon';
import { routedDepartment } from '../../domain/approval';
import { localDate } from '../../domain/calendar';
import type { Assignment } from '../../domain/assignment';
import { digestWeek } from '../../domain/digest';
import type { DutySettings } from '../../domain/duties';
import { addWeeks, overdueItems, reportCounts, weekFigures, type WeekFigures } from '../../domain/overview';
import type { Department } from '../../domain/directory';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { DirectoryStore } from '../../store/directory';
import type { DepartmentAccounts, FigureStore } from '../../store/figures';
import type { ReportStore } from '../../store/reports';

export interface CountDeps {
  readonly assignments: Pick<AssignmentStore, 'all'>;
  readonly directory: Pick<DirectoryStore, 'allDepartments'>;
  readonly reports: Pick<ReportStore, 'ofWeek'>;
  readonly figures: FigureStore;
  readonly settings: DutySettings;
  readonly clock: () => Date;
  readonly log: Log;
}

/** Each department's accounts in use and closed, for the municipality's row of the week. */
const accountsOf = (weeks: readonly { readonly departmentId: string; readonly figures: WeekFigures }[]): DepartmentAccounts =>
  Object.fromEntries(weeks.map(({ departmentId, figures }) => [departmentId, { active: figures.active, closed: figures.closed }]));

const reportsOf = (rows: readonly { kind: string; departmentId: string }[], departmentId: string) => rows.filter((r) => r.departmentId === departmentId);

/**
 * R16: counts every department's figures of this week and keeps them (a row per department and week),
 * with its overdue duties; the week before gets its report counts again (a report filed after that
 * week's last count). A timer's work (it reads every assignment, as the weekly digest does): overviews
 * read only the rows kept here. Returns this week's figures by department.
 */
export async function countFigures(deps: CountDeps, read?: { readonly assignments: readonly Assignment[]; readonly departments: readonly Department[] }): Promise<Map<string, WeekFigures>> {
  const now = DateTime.fromJSDate(deps.clock());
  const week = digestWeek(now);
  const lastWeek = digestWeek(now.minus({ weeks: 1 }));
  // The weekly digest has read the assignments and departments already: they are not read twice.
  const [assignments, departments, reports, lastReports] = await Promise.all([read?.assignments ?? deps.assignments.all(), read?.departments ?? deps.directory.allDepartments(), deps.reports.ofWeek(week), deps.reports.ofWeek(lastWeek)]);
  const byDepartment = new Map<string, Assignment[]>(departments.map((d) => [d.id, []]));
  // A plan naming another department than the applicant's is that department's once the chief confirmed it (R1).
  for (const a of assignments) byDepartment.get(routedDepartment(a) ?? '')?.push(a);
  const communicators = new Map(departments.map((d) => [d.id, d.communicatorAadObjectId]));
  const counted = new Map<string, WeekFigures>();
  const countedAt = now.toUTC().toISO() ?? '';
  for (const [departmentId, mine] of byDepartment) {
    const factsOf = () => ({ communicatorAadObjectId: communicators.get(departmentId) });
    const overdueNow = overdueItems(mine, now, deps.settings, factsOf);
    const figures = weekFigures(mine, reportsOf(reports, departmentId), overdueNow, now, deps.settings, factsOf);
    counted.set(departmentId, figures);
    const last = reportsOf(lastReports, departmentId);
    await Promise.all([
      deps.figures.keepWeek({ departmentId, week, figures, countedAt }),
      deps.figures.keepOverdue(departmentId, overdueNow),
      deps.figures.recountReports(departmentId, lastWeek, reportCounts(last), countedAt),
    ]);
  }
  // The whole municipality's, this week and (its reports counted again) the week before.
  await deps.figures.keepTotal(week, addWeeks([...counted.values()]), countedAt, accountsOf([...counted].map(([departmentId, figures]) => ({ departmentId, figures }))));
  const before = await deps.figures.departmentsOf(lastWeek);
  await deps.figures.keepTotal(lastWeek, addWeeks(before.map((w) => w.figures)), countedAt, accountsOf(before));
  deps.log.info('figures_counted', { week, departments: counted.size });
  return counted;
}

/**
 * The counting timer's run: once a Stockholm day. A run that finds this week's figures counted today
 * already (the timer fired again, another instance, a restart) counts nothing, reading one row; the
 * weekly digest counts afresh through `countFigures` itself. How many departments were counted.
 */
export async function countFiguresOnceADay(deps: CountDeps): Promise<number> {
  const week = digestWeek(DateTime.fromJSDate(deps.clock()));
  const [total] = await deps.figures.totals(week, week);
  if (total && localDate(total.countedAt) === localDate(deps.clock().toISOString())) return 0;
  return (await countFigures(deps)).size;
}
