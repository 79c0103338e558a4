import { DateTime } from 'luxon';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Assignment } from '../../domain/assignment';
import { escalationAfter, overdue, stillDue, type DutySettings } from '../../domain/duties';
import { nudgeRecipients } from '../../domain/nudgeRecipients';
import { localeOf, type Locale } from '../../domain/locale';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { ConversationReferences } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { DeliveryRecord, NudgeLedger } from '../../store/nudges';
import type { JsonQueue } from '../../store/queues';
import { approversFor, currentApprover } from '../approval/approvers';
import type { Messenger } from '../messenger';
import { adminNames, factsFor, type NudgeMessage } from './schedule';
import { nudgeCard } from './view';

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

type Outcome = { readonly done: true } | { readonly done: false; readonly retryInMs: number };
const done: Outcome = { done: true };

/**
 * The queue function's work: sends one nudge to each of its recipients, once. Each person's
 * delivery is recorded in the ledger before and after the send; those Teams throttles or fails
 * transiently are tried again (inline for short waits, otherwise back on the queue, hidden for
 * the wait); those Teams refuses for good are marked unreachable and their chief and
 * communicator are told instead; after the last try the nudge is kept as a dead letter.
 */
export async function deliverNudge(deps: DeliverDeps, message: NudgeMessage): Promise<void> {
  const { nudge, reach } = message;
  const stored = await deps.assignments.get(nudge.assignmentId);
  if (!stored) {
    deps.log.warn('nudge_without_assignment', { assignmentId: nudge.assignmentId, duty: nudge.duty });
    return;
  }
  const state = stored.value;
  const facts = await factsFor(deps.directory, state);
  if (!stillDue(state, nudge, deps.settings, facts)) {
    deps.log.info('nudge_no_longer_due', { assignmentId: nudge.assignmentId, duty: nudge.duty, period: nudge.period, nudgeLevel: nudge.level });
    return;
  }
  const approvers = await approversFor(deps.directory, state);
  const people = nudgeRecipients(nudge, state, approvers, message.unreachable);
  const now = () => deps.clock().toISOString();
  if (people.size === 0) {
    await deps.ledger.bury({ nudge, aadObjectId: '-', reason: 'nobody to send it to (no chief, communicator or approver in the directory)', attempts: 0, at: now() });
    return;
  }
  const names = {
    owner: state.applicant.name,
    approver: await nameOf(deps, currentApprover(state, approvers), state, reach.tenantId),
    nextLevel: await nameOf(deps, [...people].find(([, role]) => role === 'nextLevel')?.[0], state, reach.tenantId),
    unreachable: message.unreachable && (await nameOf(deps, message.unreachable, state, reach.tenantId)),
    ...(nudge.duty === 'admins' ? { admins: await adminNames(deps.directory, state) } : {}),
  };
  const escalatesAt = escalationAfter(state, nudge, deps.settings, facts);
  // Only escalations list what is overdue; working it out reads the assignment's whole history.
  const overdueNow = [...people.values()].includes('escalation') ? overdue(state, DateTime.fromJSDate(deps.clock()), deps.settings, facts) : [];

  const later: string[] = [];
  let wait = 0;
  for (const [aad, role] of people) {
    if (message.to && !message.to.includes(aad)) continue;
    const locale = localeOf((await deps.conversations.user(reach.tenantId, aad))?.locale, deps.forcedLocale);
    const card = nudgeCard({ nudge, state, role, names, overdue: overdueNow, locale, escalatesAt });
    const outcome = await deliverTo(deps, message, aad, card);
    if (!outcome.done) {
      later.push(aad);
      wait = Math.max(wait, outcome.retryInMs);
    }
  }
  if (later.length > 0) {
    await deps.queue.send({ ...message, attempt: message.attempt + 1, to: later }, wait / 1000);
  }
}

/** A person's name: the applicant's as in the plan, else the directory's, else the name Teams gave us. */
async function nameOf(deps: DeliverDeps, aad: string | undefined, state: Assignment, tenantId: string): Promise<string | undefined> {
  if (!aad) return undefined;
  if (aad === state.applicant.aadObjectId) return state.applicant.name;
  return (await deps.directory.person(aad))?.name ?? (await deps.conversations.user(tenantId, aad))?.name ?? aad;
}

/** One person's delivery of one nudge, guarded by the ledger. */
async function deliverTo(deps: DeliverDeps, message: NudgeMessage, aad: string, card: Parameters<Messenger['sendCard']>[2]): Promise<Outcome> {
  const { nudge, reach } = message;
  const now = () => deps.clock().toISOString();
  const record = (state: DeliveryRecord['state'], attempts: number, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({ state, attempts, updatedAt: now(), ...extra });
  const bury = (reason: string, attempts: number) => deps.ledger.bury({ nudge, aadObjectId: aad, reason, attempts, at: now() });

  const found = await deps.ledger.get(nudge, aad);
  let etag = found?.etag;
  let attempts = found?.record.attempts ?? 0;
  switch (found?.record.state) {
    case undefined:
    case 'failed':
      break;
    case 'sending': {
      const lease = Date.parse(found.record.leaseUntil ?? '');
      if (lease > deps.clock().getTime()) return { done: false, retryInMs: lease - deps.clock().getTime() };
      // A send was started and its outcome never recorded (the process stopped): it may have
      // arrived. Sending again could send it twice, so it is kept for a person to look at.
      if ((await deps.ledger.take(nudge, aad, record('uncertain', attempts), etag)) === undefined) return { done: false, retryInMs: 1000 };
      await bury('a send was started but never recorded; it may or may not have arrived', attempts);
      return done;
    }
    default:
      return done;
  }

  for (;;) {
    attempts++;
    etag = await deps.ledger.take(nudge, aad, record('sending', attempts, { leaseUntil: new Date(deps.clock().getTime() + deps.retry.leaseMs).toISOString() }), etag);
    // Another delivery of the same message got there first; it will finish the job.
    if (etag === undefined) return done;
    const delivery = await deps.sender.sendCard(reach, aad, card);
    if (delivery.ok) {
      const { activityId, conversationId, serviceUrl } = delivery.sent;
      await deps.ledger.write(nudge, aad, record('sent', attempts, { activityId, conversationId, serviceUrl }), etag);
      deps.log.info('nudge_sent', { assignmentId: nudge.assignmentId, duty: nudge.duty, period: nudge.period, nudgeLevel: nudge.level, aadObjectId: aad, attempts });
      return done;
    }
    const lastError = `${delivery.status ?? 'no answer'}: ${delivery.detail}`.slice(0, 500);
    if (delivery.reason === 'unreachable') {
      await deps.ledger.write(nudge, aad, record('unreachable', attempts, { lastError }), etag);
      await deps.conversations.markUnreachable(reach, aad, lastError, now());
      // Their chief and communicator hear instead, once; someone already escalated to is not escalated again.
      if (!message.unreachable) await deps.queue.send({ nudge, reach, attempt: 1, unreachable: aad } satisfies NudgeMessage);
      else await bury(`unreachable: ${lastError}`, attempts);
      return done;
    }
    if (delivery.reason === 'failed' || attempts >= deps.retry.attempts) {
      await deps.ledger.write(nudge, aad, record('dead', attempts, { lastError }), etag);
      await bury(delivery.reason === 'failed' ? `refused: ${lastError}` : `gave up after ${attempts} tries: ${lastError}`, attempts);
      return done;
    }
    const delay = delivery.retryAfterMs ?? backoff(attempts, deps.retry, deps.random);
    etag = await deps.ledger.write(nudge, aad, record('failed', attempts, { lastError }), etag);
    if (delay > deps.retry.inlineDelayMaxMs) return { done: false, retryInMs: delay };
    await sleep(delay);
  }
}
