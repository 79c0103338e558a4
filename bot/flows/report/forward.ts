import { reportSummaryCard, type AdaptiveCard, type Choice } from '../../../cards';
import { accountName } from '../../domain/account';
import type { ReportContent } from '../../domain/report';
import type { Texts } from '../../i18n';
import type { FiledReport } from '../../store/reports';
import type { FlowDeps } from '../deps';

type ForwardDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'registrarAadObjectId'>;

/** Who gets the report: only they, and the reporter, ever see what it says. */
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
    case 'bullying':
      return found([reporter?.chiefAadObjectId]);
    case 'negative': {
      const to = (report.content as ReportContent['negative']).to;
      return found([to === 'chief' ? reporter?.chiefAadObjectId : await deps.directory.communicationsChief()]);
    }
    default:
      return [];
  }
}

export async function forwarded(deps: ForwardDeps, report: FiledReport, t: Texts): Promise<AdaptiveCard> {
  const r = t.report;
  const c = report.content as Record<string, string>;
  const f = r.forms[report.kind] as Record<string, string>;
  const account = report.kind === 'criticism' && c.accountId ? (await deps.assignments.get(c.accountId))?.value : undefined;
  const department = report.kind === 'criticism' && c.departmentId ? await deps.directory.department(c.departmentId) : undefined;
  const facts: Choice[] =
    report.kind === 'criticism'
      ? [
          { title: r.facts.account, value: account?.plan ? accountName(account) : c.accountId ?? '' },
          { title: r.facts.department, value: department?.name ?? c.departmentId ?? '' },
          { title: r.facts.receivedOn, value: c.receivedOn ?? '' },
          { title: r.facts.link, value: c.link ?? '' },
          { title: r.facts.text, value: c.text ?? '' },
        ]
      : report.kind === 'bullying'
        ? [
            { title: r.facts.affected, value: f[c.affected ?? ''] ?? '' },
            { title: r.facts.where, value: c.where ?? '' },
            { title: r.facts.what, value: c.what ?? '' },
          ]
        : [
            { title: r.facts.link, value: c.link ?? '' },
            { title: r.facts.summary, value: c.summary ?? '' },
          ];
  const title = report.kind === 'criticism' ? r.forwarded.criticism(report.diaryNumber ?? '') : r.forwarded[report.kind];
  const paragraphs = [r.forwarded.from(report.reporter.name), ...(report.kind === 'bullying' ? [r.forms.bullying.police] : [])];
  return reportSummaryCard({ title, paragraphs: paragraphs.map((text) => ({ text })), facts });
}
