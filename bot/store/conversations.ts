import { z } from 'zod';
import { RecentReads } from './recentReads';
import { odata, type TableClient } from '@azure/data-tables';
import { encodeKey, fromColumns, TableRepository } from './repository';
import type { Tables } from './tables';
import { unlessMissing } from './statuses';

/**
 * Where and how the bot can reach a user or a chat later, without waiting for them to write:
 * enough to continue a conversation or create a personal one. Kept free of botbuilder types
 * so the store does not depend on the Bot Framework SDK.
 */
/** Where people are reached from outside their turn: their tenant and Teams service. */
export interface Reach {
  readonly tenantId: string;
  readonly serviceUrl: string;
}

const reachable = {
  tenantId: z.string(),
  serviceUrl: z.string(),
  channelId: z.string(),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  updatedAt: z.string(),
};

const userSchema = z.object({
  ...reachable,
  kind: z.literal('user'),
  aadObjectId: z.string(),
  /** The user's id on the channel (29:…), needed to create a conversation with them. */
  userId: z.string(),
  name: z.string().optional(),
  locale: z.string().optional(),
  /** Set once the user has a personal chat with the bot. */
  personalConversationId: z.string().optional(),
  /** Set when Teams refused to reach them (blocked, not installed); gone when they write to the bot (see rewriteAfterMs). */
  unreachable: z.object({ since: z.string(), reason: z.string() }).optional(),
});

const chatSchema = z.object({
  ...reachable,
  kind: z.literal('chat'),
  conversationId: z.string(),
  conversationType: z.string(),
});

export type UserReference = z.infer<typeof userSchema>;
export type ChatReference = z.infer<typeof chatSchema>;
export type StoredReference = UserReference | ChatReference;

const schema = z.discriminatedUnion('kind', [userSchema, chatSchema]);

export const userKey = (tenantId: string, aadObjectId: string) => ({
  partitionKey: encodeKey(tenantId),
  rowKey: `user_${encodeKey(aadObjectId)}`,
});

export const chatKey = (tenantId: string, conversationId: string) => ({
  partitionKey: encodeKey(tenantId),
  rowKey: `chat_${encodeKey(conversationId)}`,
});

/**
 * How long a reference this process wrote is trusted before the same one is written again: a turn
 * writes it only when it changed or is this old (P1: no write per turn for nothing). The cost: an
 * unreachable mark another instance set survives the user's next turns for up to this long (it only
 * feeds the weekly digest's list).
 */
const rewriteAfterMs = 10 * 60_000;

/**
 * How long a read of someone's reference serves this process (P3: the nudge sender reads it for the
 * card's language and for the send, and a sweep may queue several cards for one person). What this
 * process writes replaces it at once; another instance's change is seen within this time.
 */
const readCacheMs = 30_000;

export class ConversationReferences {
  private readonly repo: TableRepository<StoredReference>;
  /** What this process last wrote per user row, without its time, and when. */
  private readonly written = new Map<string, { readonly same: string; readonly at: number }>();
  /** Recent reads of user rows, by tenant and user. */
  private readonly recent = new RecentReads(readCacheMs);

  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('conversations');
    this.repo = new TableRepository(this.table, {
      key: (r) => (r.kind === 'user' ? userKey(r.tenantId, r.aadObjectId) : chatKey(r.tenantId, r.conversationId)),
      decode: (json) => schema.parse(json),
    });
  }

  async user(tenantId: string, aadObjectId: string): Promise<UserReference | undefined> {
    return this.recent.get(`${tenantId}|${aadObjectId}`, async () => {
      const stored = await this.repo.get(userKey(tenantId, aadObjectId));
      return stored?.value.kind === 'user' ? stored.value : undefined;
    });
  }

  /** GDPR: forgets where to reach someone (they left). */
  async forget(tenantId: string, aadObjectId: string): Promise<void> {
    this.written.delete(`${tenantId}|${aadObjectId}`);
    this.recent.forget(`${tenantId}|${aadObjectId}`);
    const key = userKey(tenantId, aadObjectId);
    await unlessMissing(this.table.deleteEntity(key.partitionKey, key.rowKey));
  }

  async chat(tenantId: string, conversationId: string): Promise<ChatReference | undefined> {
    const stored = await this.repo.get(chatKey(tenantId, conversationId));
    return stored?.value.kind === 'chat' ? stored.value : undefined;
  }

  /**
   * Records the latest way to reach a user. A message from a group chat does not carry the
   * personal conversation, so the one already known is kept.
   */
  async rememberUser(reference: UserReference): Promise<void> {
    const key = `${reference.tenantId}|${reference.aadObjectId}`;
    const { updatedAt, ...rest } = reference;
    const same = JSON.stringify(rest);
    const last = this.written.get(key);
    const now = Date.parse(updatedAt) || Date.now();
    if (last && last.same === same && now - last.at >= 0 && now - last.at < rewriteAfterMs) return;
    const personalConversationId =
      reference.personalConversationId ??
      (await this.user(reference.tenantId, reference.aadObjectId))?.personalConversationId;
    await this.repo.upsert({ ...reference, personalConversationId });
    this.recent.forget(key);
    this.written.set(key, { same, at: now });
  }

  /**
   * Notes that Teams refused to reach the user. Their next message stores a fresh reference
   * without the mark. Someone never seen gets a reference holding just the mark.
   */
  async markUnreachable(reach: Reach, aadObjectId: string, reason: string, at: string): Promise<void> {
    this.written.delete(`${reach.tenantId}|${aadObjectId}`);
    const known = await this.user(reach.tenantId, aadObjectId);
    const base: UserReference = known ?? {
      kind: 'user', tenantId: reach.tenantId, serviceUrl: reach.serviceUrl, channelId: 'msteams', bot: { id: '' }, updatedAt: at, aadObjectId, userId: aadObjectId,
    };
    await this.repo.upsert({ ...base, unreachable: { since: known?.unreachable?.since ?? at, reason } });
    this.recent.forget(`${reach.tenantId}|${aadObjectId}`);
  }

  /** Everyone of the tenant Teams refused to reach, AAD object id → name (for the weekly digest). */
  async unreachable(tenantId: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(tenantId)}` } })) {
      const parsed = schema.safeParse(fromColumns(entity));
      if (parsed.success && parsed.data.kind === 'user' && parsed.data.unreachable) found.set(parsed.data.aadObjectId, parsed.data.name ?? parsed.data.aadObjectId);
    }
    return found;
  }

  async rememberChat(reference: ChatReference): Promise<void> {
    await this.repo.upsert(reference);
  }
}
