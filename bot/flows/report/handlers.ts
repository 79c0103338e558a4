import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { reportFormCard, reportMenuCard, reportSummaryCard, type AdaptiveCard, type Choice } from '../../../cards';
import { digestWeek } from '../../domain/digest';
import type { FieldError } from '../../domain/fields';
import { isRegisteredKind, needsRegistration, reportKinds, validateReport, type RegisteredKind, type ReportContent, type ReportKind } from '../../domain/report';
import { texts, type Texts } from '../../i18n';
import type { FiledReport, ReportAbout } from '../../store/reports';
import { cardFields, shortened, shownAgain, type CardHandler, type CardTurn } from '../turn';
import { commsChiefFor, forwarded, recipientsOf, reportPdf } from './forward';
import { longDate } from '../../domain/calendar';
import type { Locale } from '../../domain/locale';
import { capitalised, diaryHandler, registrarCard, type RegistrarDeps } from './registrar';
import { accountsLookedAfter } from '../shared/lookedAfter';
import { cardInput } from '../commands/press';
import type { FlowDeps } from '../deps';

/** What reporting reads. */
export type ReportDeps = RegistrarDeps & Pick<FlowDeps, 'hr'>;

const kindData = z.object({ kind: z.enum(reportKinds) });
const fields: Record<ReportKind, readonly string[]> = {
  criticism: ['accountId', 'departmentId', 'receivedOn', 'link', 'text', 'nature'],
  message: ['accountId', 'receivedOn', 'text', 'picture'],
  bullying: ['affected', 'where', 'what'],
  negative: ['link', 'summary', 'to'],
};

/** What came to an account (criticism, a message): only whoever looks after the account reports it (R13). */
const aboutAccount = (kind: ReportKind) => kind === 'criticism' || kind === 'message';

/** "Rapportera" (R13, R21, R22): a menu, a short form per kind, and a receipt once it is filed and forwarded. */
export function reportHandlers(deps: ReportDeps): Record<'menu' | 'form' | 'send' | 'diary', CardHandler> {
  /** The menu; with a notice when a card named a kind of report there is not. */
  const menu = async (turn: CardTurn, notice?: 'unknownKind'): Promise<AdaptiveCard> => {
    const t = texts(turn.locale).report;
    return reportMenuCard({ title: t.menuTitle, intro: t.menuIntro, notice: notice && t[notice], kinds: reportKinds.map((kind) => ({ kind, ...t.kinds[kind] })) });
  };

  async function form(turn: CardTurn, kind: ReportKind, shown: { values?: Record<string, string>; errors?: readonly FieldError[] } = {}): Promise<AdaptiveCard> {
    const t = texts(turn.locale);
    const f = t.report.forms[kind] as Record<string, string>;
    const accounts = aboutAccount(kind) ? await accountsLookedAfter(deps, turn.user.aadObjectId) : [];
    const departments = kind === 'criticism' ? await deps.directory.allDepartments() : [];
    const options = (...keys: string[]): Choice[] => keys.map((value) => ({ title: f[value] ?? value, value }));
    // R21: someone without a chief is told before sending where the report will go.
    const chiefless = kind === 'bullying' && !(await deps.directory.person(turn.user.aadObjectId))?.chiefAadObjectId;
    return reportFormCard({
      kind,
      title: f.title ?? '',
      // R21: someone without a chief is told before sending where the report will go; R13: without a registrar, nobody promises a diary number.
      intro: chiefless ? t.report.noChief.intro(deps.hr ? t.report.noChief.hr : t.report.noChief.commsChief) : ((isRegisteredKind(kind) && !deps.registrarAadObjectId ? f.introNoRegistrar : f.intro) ?? ''),
      notice: shown.errors?.length ? t.report.fix : aboutAccount(kind) && accounts.length === 0 ? t.report.noAccounts : undefined,
      hint: t.fieldErrors.required,
      t: f,
      // R13: by default the criticism is about the account's department; with accounts in several, the reporter chooses.
      v: { ...Object.fromEntries(fields[kind].map((field) => [field, shown.values?.[field] ?? ''])), ...(kind === 'criticism' && !shown.values ? { departmentId: onlyDepartment(accounts) } : {}) },
      e: Object.fromEntries((shown.errors ?? []).map((e) => [e.field, t.fieldErrors[e.code]])),
      choices: {
        accountId: accounts.map((a) => ({ title: a.name, value: a.id })),
        departmentId: departments.map((d) => ({ title: d.name, value: d.id })),
        nature: options('factual', 'comment'),
        affected: options('colleague', 'pupil', 'client', 'user'),
        to: options('chief', 'commschief'),
      },
      send: t.report.send,
      back: t.report.back,
    });
  }

  const send = async (turn: CardTurn, { kind }: { kind: ReportKind }): Promise<AdaptiveCard> => {
    const data = cardFields.parse(turn.data);
    const accounts = aboutAccount(kind) ? await accountsLookedAfter(deps, turn.user.aadObjectId) : [];
    const departments = kind === 'criticism' ? await deps.directory.allDepartments() : [];
    const result = validateReport(kind, data, { accountIds: accounts.map((a) => a.id), departmentIds: departments.map((d) => d.id) });
    if (!result.ok) {
      const values = Object.fromEntries(fields[kind].map((f) => [f, shownAgain(data[f])]));
      return form(turn, kind, { values, errors: result.errors });
    }
    const t = texts(turn.locale).report;
    const report: FiledReport = { id: randomUUID(), kind, reporter: turn.user, filedAt: deps.clock().toISOString(), content: result.value };
    if (kind === 'criticism' && !needsRegistration(kind, result.value as ReportContent['criticism'])) {
      return receipt(t, [t.receipt.comment]);
    }
    const filed = report;
    const registered = isRegisteredKind(kind);
    await deps.reports.file(filed);
    // R13: the registrar gives the number; until then it waits, and is reminded.
    if (registered && deps.registrarAadObjectId) await deps.reports.awaitNumber(filed as FiledReport<RegisteredKind>);
    await deps.audit.appendReport({
      assignmentId: `report_${filed.id}`,
      revision: 1,
      type: `Report${capitalised(kind)}Filed`,
      actorAadObjectId: turn.user.aadObjectId,
      actorName: turn.user.name,
      role: 'reporter',
      at: filed.filedAt,
      version: 1,
    // Registered criticism and messages are public records, sealed; a bullying or negative-material filing loses its reporter's name if a gallring decision lets the report go (R4, GDPR).
    }, { sealed: registered });
    // R21: bullying from someone without a chief goes to HR's mailbox, if set (should the mail fail, to the communications chief), else to the communications chief.
    const chiefless = kind === 'bullying' && !(await deps.directory.person(turn.user.aadObjectId))?.chiefAadObjectId;
    const toHr = chiefless && deps.hr ? await mailToHr(deps, filed) : false;
    const recipients = chiefless && deps.hr && !toHr ? await commsChiefFor(deps, turn.user.aadObjectId) : await recipientsOf(deps, filed, turn.user.aadObjectId);
    for (const r of recipients) {
      const card =
        r.aadObjectId === deps.registrarAadObjectId && registered
          ? await registrarCard(deps, filed as FiledReport<RegisteredKind>, turn.locale)
          : await forwarded(deps, filed, texts(turn.locale), chiefless ? { intro: t.noChief.forwarded(turn.user.name) } : {});
      await deps.messenger.sendCard(turn.reach, r.aadObjectId, card);
    }
    // The registry reads Swedish, whatever the reporter's language.
    const mailed = registered && deps.registry ? await mailToRegistry(deps, filed as FiledReport<RegisteredKind>, 'sv') : false;
    // R16: counted in the week's digest, under the department it concerns (criticism: as chosen; otherwise the
    // reporter's). After the report went out: a figure missing from a digest is the smaller loss. A message is no
    // news about the unit: it goes to the account's record only.
    const news = kind !== 'message';
    const department = kind === 'criticism' ? (result.value as ReportContent['criticism']).departmentId : news ? (await deps.directory.person(turn.user.aadObjectId))?.departmentId : undefined;
    const about = aboutOf(filed, accounts, Boolean(deps.registrarAadObjectId));
    await Promise.all([
      ...(news ? [deps.reports.noteWeek(filed, digestWeek(DateTime.fromISO(filed.filedAt)), department)] : []),
      // R16: and in the department's own overview ("vad skrivs om min enhet?"); bullying stays with the chief it went to.
      ...(about && news && department ? [deps.reports.noteDepartment(department, about)] : []),
      // R4: criticism and messages are part of the account's record (akt).
      ...(about && registered ? [deps.reports.noteAccount((result.value as ReportContent[RegisteredKind]).accountId, about)] : []),
    ]).catch((error: unknown) => {
      deps.log.warn('report_not_counted', { reportId: filed.id, error: error instanceof Error ? error.message : String(error) });
    });
    if (toHr && deps.hr) return receipt(t, [t.noChief.toHr(deps.hr.mailbox)]);
    if (chiefless && recipients.length > 0) return receipt(t, [t.noChief.toCommsChief(recipients.map((r) => r.name).join(', '))]);
    const and = ` ${turn.locale === 'sv' ? 'och' : 'and'} `;
    if (isRegisteredKind(kind)) return receipt(t, registeredReceipt(t, kind, recipients, deps.registrarAadObjectId, mailed, and));
    if (recipients.length === 0) return receipt(t, [t.receipt.noRecipient]);
    return receipt(t, [t.receipt.sentTo(recipients.map((r) => r.name).join(and))]);
  };

  // A card that names no kind of report there is gets the menu, saying so.
  const unknownKind = (turn: CardTurn) => menu(turn, 'unknownKind');
  return {
    menu: (turn) => menu(turn),
    form: cardInput({ surface: 'report', input: kindData, answer: (turn, { kind }) => form(turn, kind), fallback: unknownKind }),
    send: cardInput({ surface: 'report', input: kindData, answer: send, fallback: unknownKind }),
    diary: diaryHandler(deps),
  };
}

/**
 * R13: factual criticism also goes to the registry's functional mailbox, as a PDF. The registrar has
 * it in Teams anyway: a mail that fails is logged, and the report stands.
 */
async function mailToRegistry(deps: ReportDeps, report: FiledReport<RegisteredKind>, locale: Locale): Promise<boolean> {
  if (!deps.registry) return false;
  const d = texts(locale).report.diary;
  try {
    const pdf = await reportPdf(deps, report, texts(locale), locale);
    await deps.registry.mailer.send(deps.registry.mailbox, {
      to: deps.registry.mailbox,
      subject: d.mailSubject[report.kind],
      // Whether a number will be written in Kanalkoll too, as it is.
      text: `${d.mailBody[report.kind](report.reporter.name, longDate(report.filedAt, locale))} ${deps.registrarAadObjectId ? d.mailInTeams : d.mailNoRegistrar}`,
      pdf: { name: `${report.kind === 'criticism' ? 'kritik' : 'meddelande'}-${report.filedAt.slice(0, 10)}-${report.id.slice(0, 8)}.pdf`, bytes: pdf },
    });
    return true;
  } catch (error) {
    deps.log.warn('registry_mail_failed', { reportId: report.id, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/**
 * R21: bullying reported by someone without a chief, to HR's functional mailbox as a PDF (sent from
 * that mailbox, in Swedish). Whether it went: if not, it is logged and the communications chief gets it.
 */
async function mailToHr(deps: ReportDeps, report: FiledReport): Promise<boolean> {
  if (!deps.hr) return false;
  const t = texts('sv');
  try {
    const pdf = await reportPdf(deps, report, t, 'sv');
    await deps.hr.mailer.send(deps.hr.mailbox, {
      to: deps.hr.mailbox,
      subject: t.report.forwarded.bullying,
      text: t.report.noChief.mailBody(report.reporter.name, longDate(report.filedAt, 'sv')),
      pdf: { name: `rapport-${report.filedAt.slice(0, 10)}-${report.id.slice(0, 8)}.pdf`, bytes: pdf },
    });
    return true;
  } catch (error) {
    deps.log.warn('hr_mail_failed', { reportId: report.id, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/**
 * R13: where criticism or a message went, as it is. With a registrar: to them, and the number comes
 * when they give it. Without one: to the department's communicator, who sees to it that it is
 * registered, and no number is promised; with no communicator either, the reporter is asked to send
 * it to the registry. The registry's mailbox, if it got it, is named too.
 */
function registeredReceipt(t: Texts['report'], kind: RegisteredKind, recipients: readonly { aadObjectId: string; name: string }[], registrar: string | undefined, mailed: boolean, and: string): string[] {
  const toRegistry = mailed ? [t.receipt.toRegistry] : [];
  const others = recipients.filter((r) => r.aadObjectId !== registrar).map((r) => r.name).join(and);
  if (registrar && recipients.some((r) => r.aadObjectId === registrar)) {
    return [kind === 'message' ? t.receipt.messageToRegistrar : others ? t.receipt.toRegistrar(others) : t.receipt.toRegistrarOnly];
  }
  // A registrar is set but not in the directory: who got it, and nothing more promised.
  if (registrar) return [others ? t.receipt.sentTo(others) : t.receipt.noRecipient];
  if (others) return [t.receipt.noRegistrar[kind](others), ...toRegistry];
  return mailed ? toRegistry : [t.receipt.nobody[kind]];
}

/**
 * What a department's overview (R16) and an account's record (R4) show of a report, if they show it:
 * criticism, a message and negative material, without who reported it. `numberAsked`: a registrar got it.
 */
function aboutOf(report: FiledReport, accounts: readonly { id: string; name: string }[], numberAsked: boolean): ReportAbout | undefined {
  if (report.kind === 'criticism' || report.kind === 'message') {
    const c = report.content as ReportContent['criticism'] | ReportContent['message'];
    const account = accounts.find((a) => a.id === c.accountId)?.name;
    const picture = 'picture' in c && c.picture ? { picture: shortened(c.picture) } : {};
    const link = 'link' in c ? c.link : '';
    return { id: report.id, kind: report.kind, filedAt: report.filedAt, numberAsked, ...(report.diaryNumber ? { diaryNumber: report.diaryNumber } : {}), ...(account ? { account } : {}), link, excerpt: shortened(c.text), ...picture };
  }
  if (report.kind === 'negative') {
    const c = report.content as ReportContent['negative'];
    return { id: report.id, kind: 'negative', filedAt: report.filedAt, link: c.link, excerpt: shortened(c.summary) };
  }
  return undefined;
}

/** The department of all these accounts, if they share one; otherwise none chosen. */
const onlyDepartment = (accounts: readonly { departmentId: string }[]): string => {
  const ids = new Set(accounts.map((a) => a.departmentId));
  return ids.size === 1 ? [...ids][0]! : '';
};

const receipt = (t: Texts['report'], paragraphs: string[]) =>
  reportSummaryCard({ title: t.receipt.title, paragraphs: paragraphs.map((text) => ({ text })), facts: [] });
