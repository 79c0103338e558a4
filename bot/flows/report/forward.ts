import { reportSummaryCard, type AdaptiveCard, type Choice, type ReportSummaryCardData } from '../../../cards';
import { accountName } from '../../domain/account';
import type { ReportContent } from '../../domain/report';
import type { Texts } from '../../i18n';
import type { FiledReport } from '../../store/reports';
import type { FlowDeps } from '../deps';
import type { Locale } from '../../domain/locale';
import { renderPdf } from '../shared/pdf';

type ForwardDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'registrarAadObjectId' | 'hr'>;

/**
 * R21: bullying from someone without a manager in the directory goes to the communications chief in
 * Teams, unless HR's mailbox takes it (`hr`, by mail: handlers.ts); never back to the reporter.
 */
export async function commsChiefFor(deps: Pick<ForwardDeps, 'directory'>, reporterAadObjectId: string): Promise<{ aadObjectId: string; name: string }[]> {
  const chief = await deps.directory.communicationsChief();
  const person = chief && chief !== reporterAadObjectId ? await deps.directory.person(chief) : undefined;
  return person ? [{ aadObjectId: person.aadObjectId, name: person.name }] : [];
}

/** Who gets the report in Teams: only they (and HR's mailbox, for bullying without a chief), and the reporter, ever see what it says. */
export async function recipientsOf(deps: ForwardDeps, report: FiledReport, reporterAadObjectId: string): Promise<{ aadObjectId: string; name: string }[]> {
  const person = async (aad: string | undefined) => (aad ? await deps.directory.person(aad) : undefined);
  const reporter = await person(reporterAadObjectId);
  const found = async (aads: (string | undefined)[]) =>
    (await Promise.all(aads.map(person))).flatMap((p) => (p ? [{ aadObjectId: p.aadObjectId, name: p.name }] : []));
  switch (report.kind) {
    case 'criticism': {
      // R13: "rätt instans": the department the reporter said it is about (a report from before: the account's).
      const content = report.content as Partial<ReportContent['criticism']>;
      const account = content.departmentId ? undefined : content.accountId ? (await deps.assignments.get(content.accountId))?.value : undefined;
      const departmentId = content.departmentId ?? account?.plan?.who.departmentId;
      const department = departmentId ? await deps.directory.department(departmentId) : undefined;
      return found([deps.registrarAadObjectId, department?.communicatorAadObjectId]);
    }
    case 'message': {
      // R13: to the registrar; without one, to the communicator of the account's department, who sees to it.
      if (deps.registrarAadObjectId) return found([deps.registrarAadObjectId]);
      const account = (await deps.assignments.get((report.content as ReportContent['message']).accountId))?.value;
      const department = account?.plan ? await deps.directory.department(account.plan.who.departmentId) : undefined;
      return found([department?.communicatorAadObjectId]);
    }
    case 'bullying':
      if (reporter?.chiefAadObjectId) return found([reporter.chiefAadObjectId]);
      return deps.hr ? [] : commsChiefFor(deps, reporterAadObjectId);
    case 'negative': {
      const to = (report.content as ReportContent['negative']).to;
      return found([to === 'chief' ? reporter?.chiefAadObjectId : await deps.directory.communicationsChief()]);
    }
    default:
      return [];
  }
}

/** The report as its recipients see it; `extra` adds a notice, a line of introduction, or the registrar's field (registrar.ts). */
export async function forwarded(deps: ForwardDeps, report: FiledReport, t: Texts, extra: Partial<ReportSummaryCardData> & { readonly intro?: string } = {}): Promise<AdaptiveCard> {
  const { title, paragraphs, facts } = await reportShown(deps, report, t);
  const { intro, ...rest } = extra;
  return reportSummaryCard({ title, paragraphs: [...paragraphs.slice(0, 1), ...(intro ? [intro] : []), ...paragraphs.slice(1)].map((text) => ({ text })), facts, ...rest });
}

/** R13: the report as a PDF, for the registry's mailbox: what the registrar's card shows. */
export async function reportPdf(deps: ForwardDeps, report: FiledReport, t: Texts, locale: Locale): Promise<Buffer> {
  const { title, paragraphs, facts } = await reportShown(deps, report, t);
  return renderPdf({ title, author: 'Kanalkoll', created: new Date(report.filedAt), language: locale, pageLabel: t.records.page }, (w) => {
    w.title(title);
    for (const paragraph of paragraphs) w.paragraph(paragraph);
    for (const fact of facts) w.fact(fact.title, fact.value);
  });
}

/** What a report says, in words: its title, who sent it (and, for bullying, the police), and its facts. */
async function reportShown(deps: ForwardDeps, report: FiledReport, t: Texts): Promise<{ title: string; paragraphs: string[]; facts: Choice[] }> {
  const r = t.report;
  const c = report.content as Record<string, string>;
  const f = r.forms[report.kind] as Record<string, string>;
  const account = (report.kind === 'criticism' || report.kind === 'message') && c.accountId ? (await deps.assignments.get(c.accountId))?.value : undefined;
  const department = report.kind === 'criticism' && c.departmentId ? await deps.directory.department(c.departmentId) : undefined;
  const accountShown = account?.plan ? accountName(account) : c.accountId ?? '';
  const facts = ((): Choice[] => {
    switch (report.kind) {
      case 'criticism':
        return [
          { title: r.facts.account, value: accountShown },
          { title: r.facts.department, value: department?.name ?? c.departmentId ?? '' },
          { title: r.facts.receivedOn, value: c.receivedOn ?? '' },
          { title: r.facts.link, value: c.link ?? '' },
          { title: r.facts.text, value: c.text ?? '' },
        ];
      case 'message':
        return [
          { title: r.facts.account, value: accountShown },
          { title: r.facts.receivedOn, value: c.receivedOn ?? '' },
          { title: r.facts.text, value: c.text ?? '' },
          ...(c.picture ? [{ title: r.facts.picture, value: c.picture }] : []),
        ];
      case 'bullying':
        return [
          { title: r.facts.affected, value: f[c.affected ?? ''] ?? '' },
          { title: r.facts.where, value: c.where ?? '' },
          { title: r.facts.what, value: c.what ?? '' },
        ];
      case 'negative':
        return [
          { title: r.facts.link, value: c.link ?? '' },
          { title: r.facts.summary, value: c.summary ?? '' },
        ];
      default: {
        const _exhaustive: never = report.kind;
        return _exhaustive;
      }
    }
  })();
  const number: Choice[] = report.diaryNumber ? [{ title: r.diary.label, value: report.diaryNumber }] : [];
  return {
    title: r.forwarded[report.kind],
    paragraphs: [r.forwarded.from(report.reporter.name), ...(report.kind === 'bullying' ? [r.forms.bullying.police] : [])],
    facts: [...number, ...facts],
  };
}
