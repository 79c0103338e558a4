import { DateTime } from 'luxon';
import { digestCard, type AdaptiveCard } from '../../../cards';
import { isWorkingDay, officeHours, zone } from '../../domain/calendar';
import { digestOf, digestWeek, type Digest } from '../../domain/digest';
import type { DutyFacts, DutySettings } from '../../domain/duties';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { ConversationReferences, Reach } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { NudgeLedger } from '../../store/nudges';
import type { DutySchedule } from '../../store/duties';
import type { ReportStore } from '../../store/reports';
import { localeOfPerson, type Messenger } from '../messenger';
import type { Department } from '../../domain/directory';
import type { FigureStore } from '../../store/figures';
import { figuresData, readFigures, type FiguresRead } from '../shared/figuresView';
import { countFigures } from '../shared/countFigures';

export interface DigestDeps {
  readonly assignments: AssignmentStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly ledger: NudgeLedger;
  readonly reports: Pick<ReportStore, 'ofWeek'>;
  readonly schedule: Pick<DutySchedule, 'digestOnce'>;
  readonly figures: FigureStore;
  readonly sender: Messenger;
  readonly settings: DutySettings;
  readonly clock: () => Date;
  readonly log: Log;
  readonly reach: Reach;
  readonly forcedLocale?: Locale;
}

/** The card of a digest, in the reader's language; with the overview's figures and their 12-week trend (R16). */
export function digestCardFor(digest: Digest, title: string, now: DateTime, locale: Locale, figures?: FiguresRead): AdaptiveCard {
  const t = texts(locale).duties.digest;
  const local = now.setZone(zone);
  return digestCard({
    heading: t.heading(local.weekNumber, local.weekYear),
    title,
    figures: [
      { title: t.active, value: String(digest.active) },
      { title: t.waiting, value: String(digest.waiting) },
      ...Object.entries(digest.overdue).map(([kind, n]) => ({ title: t.overdue[kind as keyof typeof t.overdue], value: String(n) })),
      { title: t.unreachable, value: digest.unreachable.join(', ') || t.nobody },
      { title: t.deadLetters, value: String(digest.deadLetters) },
      { title: t.criticism, value: String(digest.reports.criticism) },
      { title: t.negative, value: String(digest.reports.negative) },
    ],
    linesTitle: t.linesTitle,
    // With the charts, fewer lines: the card stays under Teams' 40 KB at 25 departments.
    lines: digest.lines.slice(0, figures ? 20 : 30).map((l) => ({ assignmentId: l.assignmentId, text: t.line(t.kinds[l.kind], l.account, l.owner, l.since) })),
    allGood: t.allGood,
    open: t.open,
    ...(figures ? { charts: figuresData(locale, figures) } : {}),
  });
}

/**
 * The weekly digest (R16): on the first working day of each ISO week, from 08:00 in Stockholm, the
 * communications chief gets the whole municipality and each department communicator one digest of
 * all their departments, with the overview's figures (counted now, kept as the week's rows) and their
 * 12-week trend. A marker per week and reader, written before the card is sent, makes a second run
 * (or a second timer) send nothing.
 */
export async function sendDigests(deps: DigestDeps): Promise<{ sent: number }> {
  const now = DateTime.fromJSDate(deps.clock()).setZone(zone);
  const firstWorkingDay = (() => {
    let d = now.startOf('week');
    while (!isWorkingDay(d)) d = d.plus({ days: 1 });
    return d;
  })();
  if (now < firstWorkingDay.set({ hour: officeHours.start }) || now.hour >= officeHours.end || !isWorkingDay(now)) return { sent: 0 };

  const [assignments, departments, commsChief, unreachable] = await Promise.all([
    deps.assignments.all(),
    deps.directory.allDepartments(),
    deps.directory.communicationsChief(),
    deps.conversations.unreachable(deps.reach.tenantId),
  ]);
  const months = [now.toFormat('yyyy-MM'), now.minus({ months: 1 }).toFormat('yyyy-MM')];
  const deadLetters = (await Promise.all(months.map((m) => deps.ledger.deadLetters(m)))).flat().map((d) => ({ assignmentId: d.nudge.assignmentId }));
  const facts = new Map<string, DutyFacts>();
  for (const d of departments) facts.set(d.id, { communicatorAadObjectId: d.communicatorAadObjectId });
  // R16: the reports of the week before (the digest comes on its first working day).
  const reports = await deps.reports.ofWeek(digestWeek(now.minus({ weeks: 1 })));
  const input = { assignments, now, settings: deps.settings, factsOf: (id: string) => facts.get(id) ?? {}, unreachable, deadLetters, reports };

  await countFigures({ ...deps, settings: deps.settings }, { assignments, departments });
  // One digest per person, whatever number of departments it covers (DESIGN.md).
  const mine = new Map<string, Department[]>();
  for (const d of departments) if (d.communicatorAadObjectId && d.communicatorAadObjectId !== commsChief) mine.set(d.communicatorAadObjectId, [...(mine.get(d.communicatorAadObjectId) ?? []), d]);
  const readers = [
    ...(commsChief ? [{ aad: commsChief, title: (l: Locale) => texts(l).duties.digest.everything, digest: digestOf(input), departments, everything: true }] : []),
    // A department without a communicator has nobody to read its digest: "förvaltningar" lists it for the communications chief.
    ...[...mine].map(([aad, theirs]) => ({ aad, title: () => theirs.map((d) => d.name).join(', '), digest: digestOf(input, theirs.map((d) => d.id)), departments: theirs, everything: false })),
  ];
  let sent = 0;
  for (const reader of readers) {
    if (!(await deps.schedule.digestOnce(digestWeek(now), reader.aad, now.toISO() ?? ''))) continue;
    const locale = await localeOfPerson(deps, deps.reach.tenantId, reader.aad);
    const figures = await readFigures(deps.figures, reader.departments, now, reader.everything);
    const delivery = await deps.sender.sendCard(deps.reach, reader.aad, digestCardFor(reader.digest, reader.title(locale), now, locale, figures));
    if (delivery.ok) sent++;
    else deps.log.warn('digest_not_delivered', { aadObjectId: reader.aad, reason: delivery.reason, detail: delivery.detail });
  }
  deps.log.info('digests', { week: digestWeek(now), readers: readers.length, sent });
  return { sent };
}
