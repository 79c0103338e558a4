import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { audiences, dutyKinds, nudgeKey, type Nudge } from '../domain/duties';
import type { Addressed } from '../domain/nudgeBundles';
import { nudgeRoles } from '../domain/nudgeRecipients';
import { ETagConflict } from '../errors';
import { encodeKey } from './repository';
import { createdOnce, orConflict, unlessMissing } from './statuses';
import type { Tables } from './tables';

/**
 * What happened to one nudge for one person (table `nudges`). Written before the send
 * (`sending`, with a lease) and after it, so a nudge is never sent twice to someone who got it:
 * - sent: delivered; nothing more is ever sent for this key;
 * - sending: a send is under way until `leaseUntil`; after that, nobody knows whether it arrived,
 *   so it is not sent again but kept as a dead letter (`uncertain`);
 * - failed: the last try failed in a known way and may be tried again;
 * - closed: sent, and the card since updated to say the duty is done or ended;
 * - skipped: the duty ended before the nudge went out; unreachable: Teams refused the person;
 *   dead: given up after the last try (see the dead-letter table).
 * A person's nudges of one sweep go out as one card: each nudge's record names the same card
 * (`activityId`) and lists everything on it (`card`), so the card can be drawn again.
 */
export const deliveryStates = ['sending', 'sent', 'closed', 'failed', 'skipped', 'unreachable', 'uncertain', 'dead'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface DeliveryRecord {
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly updatedAt: string;
  readonly leaseUntil?: string;
  readonly activityId?: string;
  /** Where the card went, so it can be updated in place once the duty is done. */
  readonly conversationId?: string;
  readonly serviceUrl?: string;
  /** Everything on the card this nudge went out on, in the card's order. */
  readonly card?: readonly Addressed[];
  readonly lastError?: string;
}

/** A nudge card someone got, as it can be updated. */
export interface SentNudge {
  readonly nudge: Nudge;
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
  readonly card: readonly Addressed[];
  readonly etag: string;
}

export interface StoredRecord {
  readonly record: DeliveryRecord;
  readonly etag: string;
}

const nudgeSchema = z.object({
  assignmentId: z.string(),
  duty: z.enum(dutyKinds),
  period: z.string(),
  level: z.number().int().nonnegative(),
  at: z.string(),
  due: z.string(),
  audience: z.enum(audiences),
});
export const parseNudge = (value: unknown): Nudge => nudgeSchema.parse(value);
const cardSchema = z.array(z.object({ nudge: nudgeSchema, role: z.enum(nudgeRoles), unreachable: z.string().optional() }));
const parseJson = (value: unknown): unknown => {
  try {
    return typeof value === 'string' && value ? JSON.parse(value) : undefined;
  } catch {
    return undefined;
  }
};
const parseCard = (value: unknown): Addressed[] | undefined => {
  const parsed = cardSchema.safeParse(parseJson(value));
  return parsed.success ? parsed.data : undefined;
};

const recordKey = (nudge: Nudge, aadObjectId: string) => ({
  partitionKey: encodeKey(nudge.assignmentId),
  rowKey: [nudge.duty, encodeKey(nudge.period), nudge.level, encodeKey(aadObjectId)].join('_'),
});

/** A nudge given up on, kept with the reason until someone looks at it (table `deadletters`). */
export interface DeadLetter {
  readonly nudge: Nudge;
  readonly aadObjectId: string;
  readonly reason: string;
  readonly attempts: number;
  readonly at: string;
}


export class NudgeLedger {
  private readonly records: TableClient;
  private readonly dead: TableClient;

  constructor(tables: Tables) {
    this.records = tables.client('nudges');
    this.dead = tables.client('deadletters');
  }

  async get(nudge: Nudge, aadObjectId: string): Promise<StoredRecord | undefined> {
    const key = recordKey(nudge, aadObjectId);
    const e = await unlessMissing(this.records.getEntity<Record<string, unknown>>(key.partitionKey, key.rowKey));
    if (!e) return undefined;
    {
      const card = parseCard(e.card);
      const record: DeliveryRecord = {
        state: z.enum(deliveryStates).parse(e.state),
        attempts: Number(e.attempts ?? 0),
        updatedAt: String(e.updatedAt ?? ''),
        ...(typeof e.leaseUntil === 'string' && e.leaseUntil ? { leaseUntil: e.leaseUntil } : {}),
        ...(typeof e.activityId === 'string' && e.activityId ? { activityId: e.activityId } : {}),
        ...(typeof e.conversationId === 'string' && e.conversationId ? { conversationId: e.conversationId } : {}),
        ...(typeof e.serviceUrl === 'string' && e.serviceUrl ? { serviceUrl: e.serviceUrl } : {}),
        ...(card ? { card } : {}),
        ...(typeof e.lastError === 'string' && e.lastError ? { lastError: e.lastError } : {}),
      };
      return { record, etag: e.etag };
    }
  }

  /**
   * Writes the record if the stored one still has `etag` (create when undefined); whoever lost
   * the race gets an ETagConflict, so two deliveries of one message never both send.
   */
  async write(nudge: Nudge, aadObjectId: string, record: DeliveryRecord, etag: string | undefined): Promise<string> {
    const entity = { ...recordKey(nudge, aadObjectId), ...record, card: record.card ? JSON.stringify(record.card) : undefined, key: nudgeKey(nudge), nudge: JSON.stringify(nudge), aadObjectId };
    const write = etag === undefined ? this.records.createEntity(entity) : this.records.updateEntity(entity, 'Replace', { etag });
    return (await orConflict(write, 'nudges', `${entity.partitionKey}/${entity.rowKey}`)).etag ?? '';
  }

  /**
   * Writes the record if it is still as read (`etag`, or absent when undefined), so of two
   * deliveries of one message only one goes on; the new ETag, or undefined for the one that lost.
   */
  async take(nudge: Nudge, aadObjectId: string, record: DeliveryRecord, etag: string | undefined): Promise<string | undefined> {
    try {
      return await this.write(nudge, aadObjectId, record, etag);
    } catch (error) {
      if (error instanceof ETagConflict) return undefined;
      throw error;
    }
  }

  /** The nudge cards about an assignment that are out and not yet updated to say the duty is done or ended. */
  async openCards(assignmentId: string): Promise<SentNudge[]> {
    const filter = odata`PartitionKey eq ${encodeKey(assignmentId)} and state eq ${'sent'}`;
    const sent: SentNudge[] = [];
    for await (const e of this.records.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const { activityId, conversationId, serviceUrl, aadObjectId, etag } = e;
      const card = parseCard(e.card);
      const nudge = nudgeSchema.safeParse(parseJson(e.nudge));
      if (!nudge.success || !card || typeof activityId !== 'string' || typeof conversationId !== 'string' || typeof serviceUrl !== 'string' || typeof aadObjectId !== 'string') continue;
      sent.push({ nudge: nudge.data, aadObjectId, activityId, conversationId, serviceUrl, card, etag: String(etag) });
    }
    return sent;
  }

  /** Notes that the card sent for this nudge now says it is done; a record changed since is left as it is. */
  async close(sent: SentNudge, at: string): Promise<void> {
    const key = recordKey(sent.nudge, sent.aadObjectId);
    try {
      await orConflict(this.records.updateEntity({ ...key, state: 'closed', updatedAt: at }, 'Merge', { etag: sent.etag }), 'nudges', `${key.partitionKey}/${key.rowKey}`);
    } catch (error) {
      if (!(error instanceof ETagConflict)) throw error;
    }
  }

  /** Keeps a nudge given up on; keeping it twice keeps the first. */
  async bury(letter: DeadLetter): Promise<void> {
    const key = recordKey(letter.nudge, letter.aadObjectId);
    await createdOnce(
      this.dead.createEntity({
        partitionKey: letter.at.slice(0, 7),
        rowKey: `${key.partitionKey}_${key.rowKey}`,
        nudge: JSON.stringify(letter.nudge),
        aadObjectId: letter.aadObjectId,
        reason: letter.reason,
        attempts: letter.attempts,
        at: letter.at,
      }),
    );
  }

  /** The dead letters of a month (`2027-01`). */
  async deadLetters(month: string): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for await (const e of this.dead.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${month}` } })) {
      letters.push({ nudge: parseNudge(JSON.parse(String(e.nudge))), aadObjectId: String(e.aadObjectId), reason: String(e.reason), attempts: Number(e.attempts), at: String(e.at) });
    }
    return letters;
  }

  /** Every delivery record of an assignment's nudges (for tests and the digest). */
  async recordsOf(assignmentId: string): Promise<(DeliveryRecord & { key: string; aadObjectId: string })[]> {
    const found: (DeliveryRecord & { key: string; aadObjectId: string })[] = [];
    for await (const e of this.records.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(assignmentId)}` } })) {
      found.push({ key: String(e.key), aadObjectId: String(e.aadObjectId), state: e.state as DeliveryState, attempts: Number(e.attempts), updatedAt: String(e.updatedAt), activityId: e.activityId as string | undefined });
    }
    return found;
  }
}
