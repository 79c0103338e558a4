import { DateTime } from 'luxon';
import { accountListCard, type AccountListCardData, type AdaptiveCard, type NoticeStyle } from '../../../cards';
import { accountName, ownsAccount } from '../../domain/account';
import { administrators } from '../../domain/activityPlan';
import type { Assignment, DutyLog } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { nudgesBetween, overdue, periodBegun, type DutyFacts, type DutyKind, type DutySettings, type Nudge } from '../../domain/duties';
import type { Locale } from '../../domain/locale';
import { texts, type Texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import { periodLabel } from './periodLabel';
import { communicatorOf } from './planFacts';
import { loadView } from './planView';
import { nameIn } from './planView';
import { dutyLine, ownerTasks } from './ownerTasks';
import type { CardTurn } from '../turn';

export type AccountListDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'platforms' | 'clock' | 'dutySettings'>;

/** What a task button under an account sends besides its nudge: the press came from "mina konton", and is answered with it. */
export const fromAccounts = { from: 'accounts' } as const;

/**
 * How much of what is due is drawn with its buttons, tried in turn until the card is under Teams' 40 KB
 * (each thing with buttons is about 3 KB as Teams counts): the rest is listed, and done from its nudge.
 * Should even the list not fit (an owner of very many accounts), the card goes without it.
 */
const buttonBudgets = [8, 4, 0] as const;
const teamsLimit = 40 * 1024;
/** What Teams counts: the card's JSON in UTF-16. */
const teamsBytes = (card: AdaptiveCard) => JSON.stringify(card).length * 2;

/** The duties the owner does from a card (the others end when their cause goes away). */
const ownersToDo = new Set<DutyKind>(['archive', 'evaluation', 'activity', 'admins', 'login', 'ended']);

type Due = AccountListCardData['accounts'][number]['due'][number];
type Active = Extract<Assignment, { status: 'active' }>;
/** A thing due, with its buttons; `section` numbers its inputs across the card. */
type DueWithTasks = Due & { readonly section: number };
type Evaluation = NonNullable<AccountListCardData['accounts'][number]['evaluation']>;

/**
 * R6, R10, R11, R15: what the account has due now (the duties engine's `overdue`), each with the
 * buttons that do it as its nudge card has them (the latest nudge the owner got about it), and the
 * evaluation to write at any time: that of the year running now, until it is written (R6, "minst en
 * gång om året"). `section` numbers the inputs across the card.
 */
function toDo(state: Active, facts: DutyFacts, now: DateTime, settings: DutySettings, t: Texts, locale: Locale, section: () => number): { due: DueWithTasks[]; evaluation?: Evaluation } {
  const since = DateTime.fromISO(state.createdAt).minus({ days: 1 });
  // Two years ahead: the next evaluation is within them even when this year's is written early.
  const nudges = nudgesBetween(state, since, now.plus({ years: 2 }), settings, facts);
  const latest = (duty: DutyKind, period: string): Nudge | undefined =>
    nudges.filter((n) => n.duty === duty && n.period === period && Date.parse(n.at) <= now.toMillis()).sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  const due = overdue(state, now, settings, facts)
    .filter((item) => ownersToDo.has(item.duty))
    .flatMap((item): DueWithTasks[] => {
      const nudge = latest(item.duty, item.period);
      if (!nudge) return [];
      const n = section();
      const { field, dates, actions } = ownerTasks(t, state, { ...nudge, audience: 'owner' }, n, {}, fromAccounts);
      return [{ text: dutyLine(t, item, locale), section: n, ...(field ? { field } : {}), ...(dates ? { dates: dates.map(({ id, label, value }) => ({ id, label, value })) } : {}), actions }];
    });
  if (due.some((d) => d.actions.some((a) => a.verb === 'duty.evaluation'))) return { due };
  // The evaluation of the year running now, not written yet: it can be written now, before it is due. A year
  // not begun has nothing to evaluate yet (that of an ended activity is asked on the card of its end, above).
  const begun = (n: Nudge) => periodBegun(state, n.duty, n.period, now.toISO() ?? '');
  const next = nudges.filter((n) => n.duty === 'evaluation' && begun(n) && !state.dutyLog?.done?.[`evaluation|${n.period}`]).sort((a, b) => a.due.localeCompare(b.due) || a.level - b.level)[0];
  const open = next && ownerTasks(t, state, { ...next, audience: 'owner' }, section(), {}, fromAccounts).actions.find((a) => a.verb === 'duty.evaluation');
  return { due, ...(open ? { evaluation: { title: t.account.evaluation, data: open.data } } : {}) };
}

/** What is due as drawn: the first `budget` things with their buttons, the rest as lines; none at all without `listed`. */
function drawnDue(due: readonly DueWithTasks[], budget: number, listed: boolean): Due[] {
  if (!listed) return [];
  return due.map(({ section, ...item }) => (section < budget ? item : { text: item.text, actions: [] }));
}

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
  const now = DateTime.fromJSDate(deps.clock());
  let sections = 0;
  const section = () => sections++;
  const data = {
    title: t.account.mineTitle,
    empty: t.account.empty,
    notice: shown.notice,
    noticeStyle: shown.style ?? 'good',
    dutiesTitle: t.account.dutiesTitle,
    duties: owned.some((a) => a.status === 'active' && a.plan?.kind === 'account') ? t.approval.toApplicant.duties.map((text) => ({ text })) : [],
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
      // Once it has started: what it has due, and its evaluation.
      const work: { due: DueWithTasks[]; evaluation?: Evaluation } =
        a.status === 'active' && running && Date.parse(a.activatedAt) <= now.toMillis() ? toDo(a, { communicatorAadObjectId: communicator }, now, deps.dutySettings, t, turn.locale, section) : { due: [] };
      return {
        id: a.id,
        name: plan.kind === 'account' ? accountName(a) : t.account.monitoring,
        status: a.status === 'closed' ? t.account.closed(localDate(a.closedAt)) : a.status === 'active' ? (Date.parse(a.activatedAt) > deps.clock().getTime() ? t.account.starts(localDate(a.activatedAt)) : t.account.active(localDate(a.activatedAt))) : '',
        active: running,
        facts,
        dueTitle: t.account.dueTitle,
        ...work,
        changeLabel: t.account.change,
        planChangeLabel: t.planChange.action,
        ownerLabel: t.account.owner,
        closeLabel: t.account.close,
        removalLabel: t.removal.button,
      };
    }),
  };
  // One card under Teams' 40 KB: fewer buttons for what is due, then none, then without the list.
  const draw = (budget: number, listed: boolean) =>
    accountListCard({ ...data, accounts: data.accounts.map(({ due, evaluation, ...account }) => ({ ...account, due: drawnDue(due, budget, listed), ...(evaluation && listed ? { evaluation } : {}) })) });
  for (const budget of buttonBudgets) {
    const card = draw(budget, true);
    if (teamsBytes(card) <= teamsLimit) return card;
  }
  return draw(0, false);
}
