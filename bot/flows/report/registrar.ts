import { DateTime } from 'luxon';
import { z } from 'zod';
import { reportSummaryCard, type AdaptiveCard, type ReportSummaryCardData } from '../../../cards';
import { addWorkingDays, longDate, nextOfficeMoment } from '../../domain/calendar';
import type { FieldError } from '../../domain/fields';
import type { Locale } from '../../domain/locale';
import { isRegisteredKind, validateDiaryNumber, type RegisteredKind } from '../../domain/report';
import { texts } from '../../i18n';
import type { Reach } from '../../store/conversations';
import type { FiledReport } from '../../store/reports';
import type { FlowDeps } from '../deps';
import { cardInput } from '../commands/press';
import { refusalShown } from '../commands/refusals';
import { shownAgain, type CardHandler, type CardTurn } from '../turn';
import { localeOfPerson } from '../messenger';
import { forwarded } from './forward';

export type RegistrarDeps = Pick<FlowDeps, 'reports' | 'assignments' | 'directory' | 'audit' | 'messenger' | 'conversations' | 'clock' | 'log' | 'registrarAadObjectId' | 'registry' | 'forcedLocale'>;

/** R13: waiting reports are reminded after this many working days, and again as often. */
export const reminderWorkingDays = 2;

// The report, and the number as typed (checked by the domain, kept to be shown again).
const onReport = z.object({ reportId: z.guid(), diaryNumber: z.unknown().optional() });

/** What the registrar's card shows besides the report: the field for the number, a notice. */
interface RegistrarShown {
  readonly value?: string;
  readonly errors?: readonly FieldError[];
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention';
}

/** What is registered, named as a sentence starts with it ("Kritiken", "Meddelandet"). */
export const capitalised = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

/** The registrar's card: the criticism or message, and where to write the diary number until it has one. */
export async function registrarCard(deps: Pick<FlowDeps, 'assignments' | 'directory'>, report: FiledReport<RegisteredKind>, locale: Locale, shown: RegistrarShown = {}): Promise<AdaptiveCard> {
  const t = texts(locale);
  const d = t.report.diary;
  const error = shown.errors?.find((e) => e.field === 'diaryNumber');
  const extra: Partial<ReportSummaryCardData> & { intro?: string } = {
    ...(shown.notice ? { notice: shown.notice, noticeStyle: shown.noticeStyle ?? 'attention' } : {}),
    ...(report.diaryNumber
      ? {}
      : { intro: d.intro(d.the[report.kind]), number: { label: d.label, value: shown.value ?? '', hint: d.hint, button: d.button, reportId: report.id, ...(error ? { error: t.fieldErrors[error.code] } : {}) } }),
  };
  return forwarded(deps, report, t, extra);
}

/**
 * R13 "Spara diarienumret": only the registrar (the setting, not the card) gives criticism or a message
 * its number, once. The report, the department's overview and the account's record get it, the audit
 * records it, and the reporter is told.
 */
export function diaryHandler(deps: RegistrarDeps): CardHandler {
  const message = (turn: CardTurn, notice: string) => reportSummaryCard({ title: texts(turn.locale).report.forwarded.criticism, notice, noticeStyle: 'attention', paragraphs: [], facts: [] });
  return cardInput({ surface: 'diary', input: onReport, fallback: (turn, refusal) => message(turn, refusal.text), answer: async (turn, { reportId, diaryNumber: typed }) => {
    const d = texts(turn.locale).report.diary;
    const stored = await deps.reports.get(reportId);
    const refused = (reason: 'notFound' | 'notAllowed') => message(turn, refusalShown(turn.locale, 'diary', { reason }).text);
    if (!stored || !isRegisteredKind(stored.value.kind)) return refused('notFound');
    const kind = stored.value.kind;
    const filed = stored.value as FiledReport<RegisteredKind>;
    // Only the registrar named in the settings, never whoever the card was sent to.
    if (!deps.registrarAadObjectId || turn.user.aadObjectId !== deps.registrarAadObjectId) return refused('notAllowed');
    const number = stored.value.diaryNumber ? { ok: true as const, value: { diaryNumber: stored.value.diaryNumber } } : validateDiaryNumber({ diaryNumber: typed });
    if (!number.ok) {
      return registrarCard(deps, filed, turn.locale, { value: shownAgain(typed, 40), errors: number.errors, notice: d.fix });
    }
    const result = await deps.reports.giveNumber(filed.id, number.value.diaryNumber, turn.user, deps.clock().toISOString());
    if (!result) return refused('notFound');
    // What follows from the number, however it was given: a press that stopped half-way is finished by the next.
    const report = result.report as FiledReport<RegisteredKind>;
    const given = report.diaryNumber ?? '';
    await deps.audit.appendReport({
      assignmentId: `report_${report.id}`,
      revision: 2,
      type: `Report${capitalised(kind)}Registered`,
      actorAadObjectId: report.registeredBy?.aadObjectId ?? turn.user.aadObjectId,
      actorName: report.registeredBy?.name ?? turn.user.name,
      role: 'registrar',
      at: report.registeredAt ?? deps.clock().toISOString(),
      version: 1,
      comment: given,
    }, { sealed: true });
    if (!(await deps.reports.told(report.id))) {
      const locale = await localeOfPerson(deps, turn.reach.tenantId, report.reporter.aadObjectId);
      const r = texts(locale).report.diary;
      const told = await deps.messenger.sendCard(turn.reach, report.reporter.aadObjectId, reportSummaryCard({ title: r.toReporterTitle[kind], paragraphs: [{ text: r.toReporter(capitalised(r.the[kind]), given, longDate(report.filedAt, locale)) }], facts: [] }));
      if (told.ok) await deps.reports.markTold(report.id);
      else deps.log.warn('diary_number_not_told', { reportId: report.id, reason: told.reason });
    }
    const The = capitalised(d.the[kind]);
    return registrarCard(deps, report, turn.locale, result.given ? { notice: d.saved(The, given), noticeStyle: 'good' } : { notice: d.already(The, given), noticeStyle: 'good' });
  } });
}

/**
 * R13, hourly: every report waiting for a diary number `reminderWorkingDays` working days after it
 * was filed (or last reminded) is sent to the registrar again, in office hours.
 */
export async function remindRegistrar(deps: RegistrarDeps, reach: Reach): Promise<{ reminded: number }> {
  if (!deps.registrarAadObjectId) return { reminded: 0 };
  const now = DateTime.fromJSDate(deps.clock());
  let reminded = 0;
  for (const waiting of await deps.reports.awaitingNumber()) {
    const due = nextOfficeMoment(addWorkingDays(DateTime.fromISO(waiting.remindedAt || waiting.filedAt), reminderWorkingDays));
    if (due > now) continue;
    const stored = await deps.reports.get(waiting.id);
    if (!stored || stored.value.diaryNumber || !isRegisteredKind(stored.value.kind)) {
      await deps.reports.stopWaiting(waiting.id);
      continue;
    }
    const locale = await localeOfPerson(deps, reach.tenantId, deps.registrarAadObjectId);
    const days = workingDaysSince(DateTime.fromISO(stored.value.filedAt), now);
    const d = texts(locale).report.diary;
    const report = stored.value as FiledReport<RegisteredKind>;
    const sent = await deps.messenger.sendCard(reach, deps.registrarAadObjectId, await registrarCard(deps, report, locale, { notice: d.reminder(d.the[report.kind], days) }));
    if (!sent.ok) {
      deps.log.warn('registrar_reminder_not_sent', { reportId: waiting.id, reason: sent.reason });
      continue;
    }
    await deps.reports.reminded(waiting.id, now.toISO() ?? '');
    reminded++;
  }
  return { reminded };
}

/** Whole working days from `from` to `to`. */
function workingDaysSince(from: DateTime, to: DateTime): number {
  let days = 0;
  while (addWorkingDays(from, days + 1) <= to) days++;
  return days;
}
