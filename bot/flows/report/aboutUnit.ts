import { DateTime } from 'luxon';
import { reportsAboutCard, type AdaptiveCard } from '../../../cards';
import { longDate } from '../../domain/calendar';
import type { Department } from '../../domain/directory';
import { texts, type Texts } from '../../i18n';
import type { ReportAbout } from '../../store/reports';
import type { FlowDeps } from '../deps';
import { cardFields, type CardHandler } from '../turn';
import { overseen } from '../shared/overseen';

/** How far back the overview looks, and how many reports it shows at most (a card stays well under 40 KB). */
const days = 90;
const shown = 20;

type AboutUnitDeps = Pick<FlowDeps, 'reports' | 'directory' | 'clock'>;

/**
 * R16: "vad skrivs om min enhet?": what has been reported about a department in the last 90 days
 * (criticism about it, negative material found by its people), newest first, without who reported it
 * (bullying stays with the chief it went to). A chief sees their own department; a communicator the
 * departments they are communicator for; the communications chief every department. One who may see
 * several chooses on the card (their own department first). A page of one partition, never the table.
 */
export function aboutUnitHandler(deps: AboutUnitDeps): CardHandler {
  return async (turn): Promise<AdaptiveCard> => {
    const t = texts(turn.locale).report.aboutUnit;
    const aad = turn.user.aadObjectId;
    const { own, departments } = await overseen(deps.directory, aad);
    const allowed: Department[] = departments.map((o) => o.department);
    if (allowed.length === 0) return reportsAboutCard({ title: texts(turn.locale).report.menuTitle, notice: own ? t.notAllowed : t.noDepartment, items: [], report: t.report });
    // Which department: the one chosen on the card if the user may see it (never just because the card says so), else their own.
    const asked = cardFields.parse(turn.data ?? {}).departmentId;
    const department = allowed.find((d) => d.id === asked) ?? allowed[0]!;
    const since = DateTime.fromJSDate(deps.clock()).minus({ days }).toUTC().toISO() ?? '';
    const reports = await deps.reports.aboutDepartment(department.id, since, shown);
    return reportsAboutCard({
      title: t.title(department.name),
      intro: reports.length === shown ? `${t.intro(days)} ${t.latest(shown)}` : t.intro(days),
      ...(reports.length === 0 ? { notice: t.none(days) } : {}),
      ...(allowed.length > 1 ? { departments: allowed.map((d) => ({ title: d.name, value: d.id })), departmentId: department.id, departmentLabel: t.department, show: t.show } : {}),
      items: reports.map((r) => ({
        heading: headingOf(t, r, longDate(r.filedAt, turn.locale)),
        excerpt: r.excerpt,
        link: r.link,
        open: t.open,
      })),
      report: t.report,
    });
  };
}

/** A report's line: criticism with its number, waiting for one, or (R13: no registrar was set) with none to come in Kanalkoll. */
function headingOf(t: Texts['report']['aboutUnit'], r: ReportAbout, date: string): string {
  if (r.kind === 'negative') return t.negative(date);
  return r.diaryNumber || r.numberAsked !== false ? t.criticism(r.diaryNumber ?? '', date, r.account ?? '') : t.unnumbered(date, r.account ?? '');
}
