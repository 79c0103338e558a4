import { accountListCard, type AdaptiveCard, type NoticeStyle } from '../../../cards';
import { accountName, ownsAccount } from '../../domain/account';
import { administrators } from '../../domain/activityPlan';
import type { Assignment, DutyLog } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { texts, type Texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import { periodLabel } from './periodLabel';
import { communicatorOf } from './planFacts';
import { loadView } from './planView';
import { nameIn } from './planView';
import type { CardTurn } from '../turn';

export type AccountListDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'platforms' | 'clock'>;

/** What just happened (`good`), or why it did not (`warning`, `attention`). */
export interface Shown {
  readonly notice?: string;
  readonly style?: NoticeStyle;
}

/** R15: the latest half-year archived, and how (the PDF's name, or the archive's reference). */
function lastSnapshot(a: Assignment, t: Texts): { title: string; value: string }[] {
  // A closed account keeps the log it had when it was active.
  const evidence = (a as { readonly dutyLog?: DutyLog }).dutyLog?.evidence ?? {};
  const latest = Object.entries(evidence)
    .filter(([key]) => key.startsWith('archive|'))
    .sort(([x], [y]) => y.localeCompare(x))[0];
  if (!latest) return [];
  const [key, proof] = latest;
  const period = periodLabel(t, key.slice('archive|'.length));
  const how = proof.kind === 'snapshot' ? proof.fileName : proof.kind === 'sentToArchive' ? t.account.facts.archiveReference(proof.reference) : '';
  return [{ title: t.account.facts.lastSnapshot, value: `${period}: ${how}` }];
}

/** "Mina konton": the accounts the user owns now, with who runs them and the owner's duties (R10, R14). */
export async function accountList(deps: AccountListDeps, turn: CardTurn, shown: Shown = {}): Promise<AdaptiveCard> {
  const t = texts(turn.locale);
  // An account handed over stays in the earlier owner's history only.
  const owned = (await deps.assignments.listFor(turn.user.aadObjectId)).filter((a) => ownsAccount(a, turn.user.aadObjectId));
  const view = await loadView(deps, turn.locale, { assignments: owned });
  return accountListCard({
    title: t.account.mineTitle,
    empty: t.account.empty,
    notice: shown.notice,
    noticeStyle: shown.style ?? 'good',
    accounts: owned.map((a) => {
      const plan = a.plan!;
      const communicator = communicatorOf(view, a);
      const facts =
        plan.kind === 'account'
          ? [
              { title: t.account.facts.admins, value: administrators(plan.administration.admins, communicator).map((id) => nameIn(view, id)).join(', ') },
              { title: t.account.facts.substitute, value: nameIn(view, plan.administration.substitute) },
              { title: t.account.facts.loginStorage, value: plan.administration.loginStorage },
              ...lastSnapshot(a, t),
            ]
          : [];
      const running = a.status === 'active' && plan.kind === 'account';
      return {
        id: a.id,
        name: plan.kind === 'account' ? accountName(a) : t.account.monitoring,
        status: a.status === 'closed' ? t.account.closed(localDate(a.closedAt)) : a.status === 'active' ? (Date.parse(a.activatedAt) > deps.clock().getTime() ? t.account.starts(localDate(a.activatedAt)) : t.account.active(localDate(a.activatedAt))) : '',
        active: running,
        facts,
        dutiesTitle: t.account.dutiesTitle,
        duties: running ? t.approval.toApplicant.duties.map((text) => ({ text })) : [],
        changeLabel: t.account.change,
        ownerLabel: t.account.owner,
        closeLabel: t.account.close,
        removalLabel: t.removal.button,
      };
    }),
  });
}
