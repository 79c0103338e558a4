import { setTimeout as sleep } from 'node:timers/promises';
import { nudgeKey, stillDue, stillOpen, type DutySettings } from '../../domain/duties';
import { bundlesOf, type Addressed } from '../../domain/nudgeBundles';
import { nudgeRecipients } from '../../domain/nudgeRecipients';
import { isEnabled } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { ConversationReferences } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { DeliveryRecord, NudgeLedger } from '../../store/nudges';
import type { JsonQueue } from '../../store/queues';
import { localeOfPerson, type Messenger } from '../messenger';
import { drawNudgeCard, knownFor, type Known } from './card';
import type { NudgeMessage } from './schedule';

/** How hard the sender tries (configuration; see bot/config.ts). */
export interface RetrySettings {
  /** Tries per person before the nudge becomes a dead letter. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Waits up to this long within one invocation; a longer wait goes back on the queue, hidden until then. */
  readonly inlineDelayMaxMs: number;
  /** How long a send may take before its `sending` record counts as abandoned (a crash). */
  readonly leaseMs: number;
}

export interface DeliverDeps {
  readonly assignments: AssignmentStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly ledger: NudgeLedger;
  readonly queue: JsonQueue<NudgeMessage>;
  readonly sender: Messenger;
  readonly settings: DutySettings;
  readonly retry: RetrySettings;
  readonly clock: () => Date;
  readonly log: Log;
  readonly forcedLocale?: Locale;
  readonly random?: () => number;
}

/** Exponential back-off with full jitter: a random wait up to base·2^(try−1), capped. */
export const backoff = (attempt: number, retry: RetrySettings, random: () => number = Math.random): number =>
  Math.round(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1)));

/** A nudge of the message, claimed for this person: its record is `sending` under this ETag. */
interface Claimed {
  readonly item: Addressed;
  readonly etag: string;
  readonly attempts: number;
}

/**
 * The queue function's work: sends one person everything one sweep has for them, as one card
 * (domain/nudgeBundles.ts), once. What goes on the card is decided here from storage, never from
 * the message: each nudge still due and still for this person. Each nudge's delivery is recorded in
 * the ledger before and after the send, so none is ever sent twice; a send Teams throttles or fails
 * transiently is tried again (inline for short waits, otherwise back on the queue, hidden for the
 * wait); a person Teams refuses for good is marked unreachable and their chief and communicator are
 * told instead; after the last try the nudges are kept as dead letters.
 */
export async function deliverNudge(deps: DeliverDeps, message: NudgeMessage): Promise<void> {
  const { person, reach } = message;
  const now = () => deps.clock().toISOString();
  // Nothing goes to someone who left, and nothing is recorded for them: the rules send it to someone else.
  const recipient = await deps.directory.person(person);
  if (recipient && !isEnabled(recipient)) {
    deps.log.info('nudge_to_leaver_dropped', { aadObjectId: person, nudges: message.nudges.length });
    return;
  }
  const known = await knownFor(deps, message.nudges.map((n) => n.assignmentId));
  const items = new Map<string, Addressed>();
  for (const nudge of message.nudges) {
    const found = known.get(nudge.assignmentId);
    const fields = { assignmentId: nudge.assignmentId, duty: nudge.duty, period: nudge.period, nudgeLevel: nudge.level, aadObjectId: person };
    if (!found) {
      deps.log.warn('nudge_without_assignment', fields);
      continue;
    }
    const { state, approvers, facts } = found;
    const due = stillDue(state, nudge, deps.settings, facts) && stillOpen(state, nudge, deps.settings, facts);
    const role = due ? nudgeRecipients(nudge, state, approvers, message.unreachable).get(person) : undefined;
    if (!role) {
      deps.log.info('nudge_no_longer_due', fields);
      continue;
    }
    items.set(nudgeKey(nudge), { nudge, role, ...(message.unreachable ? { unreachable: message.unreachable } : {}) });
  }

  // Claim each nudge by creating its record: one write, no read, where nobody has touched it (the
  // usual case). Only a nudge someone got to first is read, to see where it stands.
  let claimed: Claimed[] = [];
  let busyUntil = 0;
  for (const item of items.values()) {
    const created = await deps.ledger.take(item.nudge, person, lease(deps, 'sending', 1), undefined);
    if (created !== undefined) {
      claimed.push({ item, etag: created, attempts: 1 });
      continue;
    }
    const found = await deps.ledger.get(item.nudge, person);
    if (!found) continue;
    const { attempts } = found.record;
    if (found.record.state === 'sending') {
      const leaseEnds = Date.parse(found.record.leaseUntil ?? '');
      // Another delivery is sending it now: it is theirs, and this message comes back after their lease to see how it went.
      if (leaseEnds > deps.clock().getTime()) {
        busyUntil = Math.max(busyUntil, leaseEnds);
        continue;
      }
      // A send was started and its outcome never recorded (the process stopped): it may have
      // arrived. Sending again could send it twice, so it is kept for a person to look at.
      if ((await deps.ledger.take(item.nudge, person, { state: 'uncertain', attempts, updatedAt: now() }, found.etag)) !== undefined) {
        await deps.ledger.bury({ nudge: item.nudge, aadObjectId: person, reason: 'a send was started but never recorded; it may or may not have arrived', attempts, at: now() });
      }
      continue;
    }
    if (found.record.state !== 'failed') continue;
    const etag = await deps.ledger.take(item.nudge, person, lease(deps, 'sending', attempts + 1), found.etag);
    // Another delivery of the same nudge got there first; it will finish the job.
    if (etag !== undefined) claimed.push({ item, etag, attempts: attempts + 1 });
  }
  if (busyUntil > 0) await deps.queue.send({ ...message, attempt: message.attempt + 1 }, Math.ceil((busyUntil - deps.clock().getTime()) / 1000));
  if (claimed.length === 0) return;

  const locale = await localeOfPerson(deps, reach.tenantId, person);
  const draw = { ...deps, dutySettings: deps.settings };
  const attempts = () => Math.max(...claimed.map((c) => c.attempts));
  /** Writes each claimed record if it is still as this delivery left it; one someone else changed is theirs from then on. */
  const writeAll = async (record: (c: Claimed) => DeliveryRecord) => {
    const kept: Claimed[] = [];
    for (const c of claimed) {
      const etag = await deps.ledger.take(c.item.nudge, person, record(c), c.etag);
      if (etag !== undefined) kept.push({ ...c, etag });
    }
    claimed = kept;
  };
  const buryAll = (reason: string) => Promise.all(claimed.map((c) => deps.ledger.bury({ nudge: c.item.nudge, aadObjectId: person, reason, attempts: c.attempts, at: now() })));

  while (claimed.length > 0) {
    const card = compact(claimed.map((c) => c.item));
    const delivery = await deps.sender.sendCard(reach, person, await drawNudgeCard(draw, reach.tenantId, person, card, locale, { known }));
    if (delivery.ok) {
      const { activityId, conversationId, serviceUrl } = delivery.sent;
      await writeAll((c) => ({ state: 'sent', attempts: c.attempts, updatedAt: now(), activityId, conversationId, serviceUrl, card }));
      deps.log.info('nudge_sent', { aadObjectId: person, nudges: claimed.length, attempts: attempts() });
      return;
    }
    const lastError = `${delivery.status ?? 'no answer'}: ${delivery.detail}`.slice(0, 500);
    if (delivery.reason === 'unreachable') {
      await writeAll((c) => ({ state: 'unreachable', attempts: c.attempts, updatedAt: now(), lastError }));
      await deps.conversations.markUnreachable(reach, person, lastError, now());
      // Their chief and communicator hear instead, once; someone already escalated to is not escalated again.
      if (message.unreachable) await buryAll(`unreachable: ${lastError}`);
      else await escalateUnreachable(deps, message, card, known);
      return;
    }
    if (delivery.reason === 'failed' || attempts() >= deps.retry.attempts) {
      await writeAll((c) => ({ state: 'dead', attempts: c.attempts, updatedAt: now(), lastError }));
      await buryAll(delivery.reason === 'failed' ? `refused: ${lastError}` : `gave up after ${attempts()} tries: ${lastError}`);
      return;
    }
    const delay = delivery.retryAfterMs ?? backoff(attempts(), deps.retry, deps.random);
    await writeAll((c) => ({ state: 'failed', attempts: c.attempts, updatedAt: now(), lastError }));
    if (delay > deps.retry.inlineDelayMaxMs) return deps.queue.send({ ...message, attempt: message.attempt + 1 }, delay / 1000);
    await sleep(delay);
    await writeAll((c) => lease(deps, 'sending', c.attempts + 1));
    claimed = claimed.map((c) => ({ ...c, attempts: c.attempts + 1 }));
  }
}

/**
 * What a card records it holds: one nudge per period of a duty and role, the latest level (what
 * the section is drawn from), so a catch-up after a long gap does not store each weekly notice.
 */
function compact(items: readonly Addressed[]): Addressed[] {
  const latest = new Map<string, Addressed>();
  for (const item of items) {
    const key = `${item.nudge.assignmentId}|${item.nudge.duty}|${item.nudge.period}|${item.role}`;
    const kept = latest.get(key);
    latest.set(key, !kept || item.nudge.level > kept.nudge.level ? item : kept);
  }
  return [...latest.values()];
}

/** A `sending` record: the send is under way until its lease ends. */
const lease = (deps: DeliverDeps, state: 'sending', attempts: number): DeliveryRecord => ({
  state,
  attempts,
  updatedAt: deps.clock().toISOString(),
  leaseUntil: new Date(deps.clock().getTime() + deps.retry.leaseMs).toISOString(),
});

/** The chief and communicator of each account on a card Teams refused hear instead, one card each. */
async function escalateUnreachable(deps: DeliverDeps, message: NudgeMessage, card: readonly Addressed[], known: ReadonlyMap<string, Known>): Promise<void> {
  const addressed = card.flatMap(({ nudge }) => {
    const found = known.get(nudge.assignmentId);
    return found ? [{ nudge, people: nudgeRecipients(nudge, found.state, found.approvers, message.person) }] : [];
  });
  for (const bundle of bundlesOf(addressed)) {
    await deps.queue.send({ person: bundle.person, nudges: bundle.nudges, reach: message.reach, attempt: 1, unreachable: message.person } satisfies NudgeMessage);
  }
  for (const { nudge } of addressed.filter((a) => a.people.size === 0)) {
    await deps.ledger.bury({ nudge, aadObjectId: message.person, reason: 'unreachable, and nobody to tell instead (no chief or communicator in the directory)', attempts: 1, at: deps.clock().toISOString() });
  }
}
