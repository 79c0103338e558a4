import { dutyCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import type { OwnerDuty } from '../../domain/duties';
import { localeOf } from '../../domain/locale';
import { texts } from '../../i18n';
import type { NudgeLedger } from '../../store/nudges';
import type { FlowDeps } from '../deps';
import { periodLabel } from './view';

export interface FollowDutyDeps extends Pick<FlowDeps, 'conversations' | 'messenger' | 'forcedLocale'> {
  readonly ledger: Pick<NudgeLedger, 'sentFor'>;
}

/**
 * Cards follow the duty: once a period of a duty is done (from any card, by an upload, or by someone
 * else), every nudge card sent about it, to the owner and to the chief and the communicator, is
 * updated in place to say so, so no reminder is left asking for what is done. A card Teams asks to
 * try again fails the effect, which then stays in the outbox; updating one twice shows the same.
 */
export async function closeNudges(deps: FollowDutyDeps, state: Assignment, tenantId: string, duty: OwnerDuty, period: string): Promise<void> {
  const done = state.status === 'active' ? state.dutyLog?.done?.[`${duty}|${period}`] : undefined;
  if (!done) return;
  let later = 0;
  for (const sent of await deps.ledger.sentFor(state.id, duty, period)) {
    const locale = localeOf((await deps.conversations.user(tenantId, sent.aadObjectId))?.locale, deps.forcedLocale);
    const t = texts(locale).duties;
    const card = dutyCard({
      heading: t.heading,
      title: t.finished.title(accountName(state)),
      paragraphs: [{ text: t.finished.text(t.finished.duties[duty], periodLabel(texts(locale), period), localDate(done)) }],
      facts: [],
      itemsTitle: '',
      items: [],
      actions: [],
      noticeStyle: 'good',
    });
    if ((await deps.messenger.updateCard(tenantId, { aadObjectId: sent.aadObjectId, conversationId: sent.conversationId, activityId: sent.activityId, serviceUrl: sent.serviceUrl }, card)) === 'retry') later++;
  }
  if (later > 0) throw new Error(`${later} nudge card(s) about ${state.id} not updated yet`);
}
