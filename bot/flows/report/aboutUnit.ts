import { DateTime } from 'luxon';
import { reportsAboutCard, type AdaptiveCard } from '../../../cards';
import { zone } from '../../domain/calendar';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import type { CardHandler } from '../turn';

/** How far back the overview looks, and how many reports it shows at most (a card stays well under 40 KB). */
const days = 90;
const shown = 20;

type AboutUnitDeps = Pick<FlowDeps, 'reports' | 'directory' | 'clock'>;

/**
 * R16: "vad skrivs om min enhet?": what has been reported about the asker's department in the last 90
 * days (criticism about it, negative material found by its people), newest first, for its chiefs, its
 * communicator and the communications chief. Who reported it is not shown, nor bullying (it stays with
 * the chief it went to). One partition page read, never the whole table.
 */
export function aboutUnitHandler(deps: AboutUnitDeps): CardHandler {
  return async (turn): Promise<AdaptiveCard> => {
    const t = texts(turn.locale).report.aboutUnit;
    const aad = turn.user.aadObjectId;
    const person = await deps.directory.person(aad);
    const department = person ? await deps.directory.department(person.departmentId) : undefined;
    const card = (title: string, notice: string) => reportsAboutCard({ title, notice, items: [], report: t.report });
    if (!person || !department) return card(texts(turn.locale).report.menuTitle, t.noDepartment);
    const [chief, commsChief] = await Promise.all([deps.directory.isChief(aad), deps.directory.communicationsChief()]);
    if (!chief && department.communicatorAadObjectId !== aad && commsChief !== aad) return card(t.title(department.name), t.notAllowed);
    const since = DateTime.fromJSDate(deps.clock()).minus({ days }).toUTC().toISO() ?? '';
    const reports = await deps.reports.aboutDepartment(department.id, since, shown);
    return reportsAboutCard({
      title: t.title(department.name),
      intro: t.intro(days),
      ...(reports.length === 0 ? { notice: t.none(days) } : {}),
      items: reports.map((r) => ({
        heading: r.kind === 'criticism' ? t.criticism(r.diaryNumber ?? '', day(r.filedAt, turn.locale), r.account ?? '') : t.negative(day(r.filedAt, turn.locale)),
        excerpt: r.excerpt,
        link: r.link,
        open: t.open,
      })),
      report: t.report,
    });
  };
}

const day = (iso: string, locale: Locale) => DateTime.fromISO(iso, { zone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB').toLocaleString(DateTime.DATE_FULL);
