import { DateTime } from 'luxon';
import type { Assignment } from '../../domain/assignment';
import { isEnabled } from '../../domain/directory';
import { overdue } from '../../domain/duties';
import type { Effect } from '../commands/effects';
import type { Outbox } from '../../store/outbox';
import { localeOfPerson } from '../messenger';
import { drawNudgeCard } from './card';
import type { FollowDutyDeps } from './closeNudges';
import { factsOf } from './schedule';
import type { Approvers } from '../../domain/approval';

export interface RemindDeps extends FollowDutyDeps {
  readonly outbox: Pick<Outbox, 'sent' | 'recordSent'>;
}

/**
 * "Påminn nu" (R16 overview): the owner gets the card of the overdue duty again, drawn as its nudge
 * is, once for the day it was asked for (a sent-record per duty and day, so a run carried out again
 * sends nothing twice). A duty done meanwhile, or an owner who left, gets nothing. `approvers`: who
 * decides on the assignment, as the run that carries out the effect has read them.
 */
export async function remindOwner(deps: RemindDeps, current: Assignment, effect: Extract<Effect, { kind: 'remindOwner' }>, approvers: Approvers): Promise<void> {
  if (current.status !== 'active') return;
  const key = `${effect.duty}|${effect.period}`;
  const sentKey = `remind_${key}_${current.dutyLog?.reminded?.[key] ?? ''}`;
  if (await deps.outbox.sent(current.id, sentKey)) return;
  const owner = current.applicant.aadObjectId;
  const now = DateTime.fromJSDate(deps.clock());
  const facts = factsOf(approvers);
  const item = overdue(current, now, deps.dutySettings, facts).find((o) => o.duty === effect.duty && o.period === effect.period);
  const person = await deps.directory.person(owner);
  if (!item || (person && !isEnabled(person))) {
    await deps.outbox.recordSent(current.id, sentKey, { delivered: false });
    return;
  }
  const locale = await localeOfPerson(deps, effect.reach.tenantId, owner);
  const nudge = { assignmentId: current.id, duty: item.duty, period: item.period, level: 0, at: now.toUTC().toISO() ?? '', due: item.due, audience: 'owner' as const };
  const card = await drawNudgeCard(deps, effect.reach.tenantId, owner, [{ nudge, role: 'owner' }], locale, { known: new Map([[current.id, { state: current, approvers, facts }]]) });
  const delivery = await deps.messenger.sendCard(effect.reach, owner, card);
  if (!delivery.ok && delivery.reason === 'retry') throw new Error(`the reminder to ${owner} is not sent yet: ${delivery.detail}`);
  await deps.outbox.recordSent(current.id, sentKey, { delivered: delivery.ok });
}
