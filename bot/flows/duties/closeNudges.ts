import type { Approvers } from '../../domain/approval';
import type { Assignment } from '../../domain/assignment';
import type { NudgeLedger, SentNudge } from '../../store/nudges';
import type { FlowDeps } from '../deps';
import { localeOfPerson } from '../messenger';
import { drawNudgeCard, knownFor, stillStands, type DrawDeps } from './card';

export interface FollowDutyDeps extends DrawDeps, Pick<FlowDeps, 'messenger' | 'forcedLocale'> {
  readonly ledger: Pick<NudgeLedger, 'openCards' | 'close'>;
}

/**
 * Cards follow the duty: after a change of an assignment, every nudge card still out about it whose
 * duty is now done or ended (done from any card, by an upload or by someone else; admins added, a
 * pause, a decision, a new owner, the account closed) is drawn again from storage and updated in
 * place, so no reminder is left asking for what is done. The rest of the card stays as it was. A card
 * Teams asks to try again fails the effect, which then stays in the outbox; updating one twice shows
 * the same.
 */
export async function closeNudges(deps: FollowDutyDeps, state: Assignment, tenantId: string, approvers?: Approvers): Promise<void> {
  const open = await deps.ledger.openCards(state.id);
  if (open.length === 0) return;
  const found = (await knownFor(deps, [state.id], new Map([[state.id, state]]), approvers)).get(state.id);
  const ended = open.filter((sent) => {
    // The card holds the latest level of each period of a duty; this record may be an earlier one.
    const item = sent.card.find((i) => i.nudge.assignmentId === sent.nudge.assignmentId && i.nudge.duty === sent.nudge.duty && i.nudge.period === sent.nudge.period);
    return !item || !stillStands(found, { ...item, nudge: sent.nudge }, sent.aadObjectId, deps.dutySettings);
  });
  // One update per card, however many of its nudges ended.
  const cards = new Map<string, SentNudge[]>();
  for (const sent of ended) cards.set(sent.activityId, [...(cards.get(sent.activityId) ?? []), sent]);
  let later = 0;
  for (const sents of cards.values()) {
    const [first] = sents as [SentNudge];
    const locale = await localeOfPerson(deps, tenantId, first.aadObjectId);
    const known = await knownFor(deps, first.card.map((item) => item.nudge.assignmentId), new Map([[state.id, state]]));
    const card = await drawNudgeCard(deps, tenantId, first.aadObjectId, first.card, locale, { known });
    const where = { aadObjectId: first.aadObjectId, conversationId: first.conversationId, activityId: first.activityId, serviceUrl: first.serviceUrl };
    if ((await deps.messenger.updateCard(tenantId, where, card)) === 'retry') {
      later++;
      continue;
    }
    for (const sent of sents) await deps.ledger.close(sent, deps.clock().toISOString());
  }
  if (later > 0) throw new Error(`${later} nudge card(s) about ${state.id} not updated yet`);
}
