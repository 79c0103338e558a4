import { DateTime } from 'luxon';
import { dutyCard, type AdaptiveCard } from '../../../cards';
import { nextOfficeMoment, zone } from '../../domain/calendar';
import type { Department } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { Log } from '../../log';
import type { ConversationReferences, Reach } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { ReportStore } from '../../store/reports';
import { localeOfPerson, type Messenger } from '../messenger';

export interface ChiefUpdateDeps {
  readonly reports: Pick<ReportStore, 'countAboutDepartment' | 'chiefNoteOnce' | 'chiefNoteAgain' | 'chiefNotesDone' | 'markChiefNotesDone'>;
  readonly directory: Pick<DirectoryStore, 'allDepartments' | 'chiefsIn'>;
  readonly conversations: Pick<ConversationReferences, 'user'>;
  readonly sender: Messenger;
  readonly clock: () => Date;
  readonly log: Log;
  readonly reach: Reach;
  readonly forcedLocale?: Locale;
}

type Counts = Awaited<ReturnType<ChiefUpdateDeps['reports']['countAboutDepartment']>>;

/** The month's note to a chief, in their language: how many reports of each kind, and the way to them. */
export function chiefUpdateCard(department: Department, counts: Counts, month: DateTime, locale: Locale): AdaptiveCard {
  const t = texts(locale).report.monthly;
  const monthName = month.setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB').toFormat('LLLL yyyy');
  return dutyCard({
    heading: t.heading,
    title: t.title(department.name, monthName, counts.criticism + counts.negative),
    paragraphs: [{ text: t.text }],
    facts: [
      { title: t.criticism, value: String(counts.criticism) },
      { title: t.negative, value: String(counts.negative) },
    ],
    itemsTitle: '',
    items: [],
    actions: [{ title: t.open, verb: 'report.aboutUnit', data: { departmentId: department.id } }],
  });
}

/**
 * R16, "Du som är chef bör hålla dig uppdaterad på vad som skrivs om din verksamhet": once a month,
 * from the first working morning, each chief of a department that had criticism or negative material
 * reported about it in the month before gets a short card saying how many of each, with "Vad skrivs om
 * min enhet?". Nothing when nothing was reported. Reads one range of each department's rows of
 * reports, and the directory once; a marker per chief and month, written before the card is sent,
 * makes a second run (or two at once) send nothing; a month all sent is marked done, and later runs
 * read nothing more.
 */
export async function sendChiefUpdates(deps: ChiefUpdateDeps): Promise<{ sent: number }> {
  const now = DateTime.fromJSDate(deps.clock()).setZone(zone);
  if (nextOfficeMoment(now) > now) return { sent: 0 };
  const thisMonth = now.startOf('month');
  const reported = thisMonth.minus({ months: 1 });
  const month = reported.toFormat('yyyy-MM');
  if (await deps.reports.chiefNotesDone(month)) return { sent: 0 };

  const departments = await deps.directory.allDepartments();
  const from = reported.toUTC().toISO() ?? '';
  const to = thisMonth.toUTC().toISO() ?? '';
  const counted = await Promise.all(departments.map(async (department) => ({ department, counts: await deps.reports.countAboutDepartment(department.id, from, to) })));
  const reportedOn = counted.filter(({ counts }) => counts.criticism + counts.negative > 0);

  let sent = 0;
  let again = 0;
  for (const { department, counts } of reportedOn) {
    // The department's chiefs as the directory sync keeps them: one small partition each, never the people.
    for (const chief of await deps.directory.chiefsIn(department.id)) {
      if (!(await deps.reports.chiefNoteOnce(month, chief.aadObjectId, now.toISO() ?? ''))) continue;
      const locale = await localeOfPerson(deps, deps.reach.tenantId, chief.aadObjectId);
      const delivery = await deps.sender.sendCard(deps.reach, chief.aadObjectId, chiefUpdateCard(department, counts, reported, locale));
      if (delivery.ok) {
        sent++;
        continue;
      }
      deps.log.warn('chief_update_not_delivered', { aadObjectId: chief.aadObjectId, reason: delivery.reason, detail: delivery.detail });
      // Teams answered that it took nothing (throttled, a server error): the next run tries again. No
      // answer at all may have been a card posted: not sent twice.
      if (delivery.reason === 'retry' && delivery.status !== undefined) {
        await deps.reports.chiefNoteAgain(month, chief.aadObjectId);
        again++;
      }
    }
  }
  if (again === 0) await deps.reports.markChiefNotesDone(month, now.toISO() ?? '');
  deps.log.info('chief_updates', { month, departments: reportedOn.length, sent, again });
  return { sent };
}
