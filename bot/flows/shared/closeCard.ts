import { accountCloseCard, type AdaptiveCard } from '../../../cards';
import { accountName, recentSnapshot } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { texts } from '../../i18n';
import type { CardTurn } from '../turn';
import { periodLabel } from './periodLabel';

/** The account's name, or "omvärldsbevakning" for a monitoring assignment. */
export const shownName = (turn: CardTurn, a: Assignment) => (a.plan?.kind === 'account' ? accountName(a) : texts(turn.locale).account.monitoring);

/** The closing checklist (R11, R15): what to tick, and the last snapshot of the start page, uploaded or to be named. */
export function closeCard(turn: CardTurn, a: Assignment, now: string, notice?: string, reference = ''): AdaptiveCard {
  const t = texts(turn.locale).account;
  const monitoring = a.plan?.kind === 'monitoring';
  const snapshot = recentSnapshot(a, now);
  return accountCloseCard({
    title: monitoring ? t.endMonitoring.title : t.closeTitle(shownName(turn, a)),
    intro: monitoring ? t.endMonitoring.intro : t.closeIntro,
    notice,
    noticeStyle: 'attention',
    assignmentId: a.id,
    t: t.checklist,
    checklist: !monitoring,
    ...(snapshot ? { snapshot: t.snapshotIn(periodLabel(texts(turn.locale), snapshot.period), localDate(snapshot.at)) } : {}),
    reference,
    confirm: monitoring ? t.endMonitoring.confirm : t.closeConfirm,
    back: t.back,
  });
}
