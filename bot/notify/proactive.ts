import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards';
import type { Delivery, Messenger } from '../flows/messenger';
import type { AppInstaller } from '../graph/teamsApps';
import type { Log } from '../log';
import type { SentCard } from '../store/assignments';
import type { ConversationReferences, Reach, UserReference } from '../store/conversations';
import { Throttle } from './throttle';

export type { Delivery };

/** Statuses worth trying again (Teams' guidance), besides no answer at all. */
const transient = new Set([408, 412, 429, 500, 502, 503, 504]);

class SendTimeout extends Error {}

/** The HTTP status and Retry-After of a failed connector call, whatever shape the SDK gave it. */
function failureOf(error: unknown): { status?: number; retryAfterMs?: number } {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as { statusCode?: unknown; response?: { status?: unknown; headers?: { get?: (name: string) => string | undefined } } };
  const status = Number(e.statusCode ?? e.response?.status) || undefined;
  const header = e.response?.headers?.get?.('retry-after');
  if (!header) return { status };
  const seconds = Number(header);
  const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(header) - Date.now());
  return { status, retryAfterMs: Number.isFinite(retryAfterMs) ? retryAfterMs : undefined };
}

export interface SenderOptions {
  /** Gives up on a connector call that has not answered after this long (then it counts as transient). */
  readonly timeoutMs?: number;
  /**
   * Installs the app for someone Kanalkoll has no chat with (Graph), whose chat then takes the card;
   * unset: the chat is created with the Bot Connector, which Teams refuses unless the app is installed.
   */
  readonly installer?: AppInstaller;
}

/**
 * Sends cards to people outside a turn of theirs: in their personal chat with the bot, from the
 * stored conversation reference, or else in the chat Graph gives when it installs the app for them
 * (with an installer), or by creating that chat with their AAD object id. Every send
 * waits its turn under Teams' rate limits (the throttle is shared by all senders of the process, and its budget by every instance).
 */
export class ProactiveSender implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationReferences,
    private readonly log: Log,
    private readonly throttle: Throttle = new Throttle(),
    private readonly options: SenderOptions = {},
  ) {}

  async sendCard(reach: Reach, aadObjectId: string, card: AdaptiveCard | string): Promise<Delivery> {
    const known = await this.conversations.user(reach.tenantId, aadObjectId);
    const activity = typeof card === 'string' ? { text: card } : { attachments: [CardFactory.adaptiveCard(card)] };
    try {
      let sent: SentCard | undefined;
      // Once the wait is over, a send not yet begun is dropped, so a retry cannot make it two.
      let abandoned = false;
      let begun = false;
      const send = async (context: TurnContext) => {
        if (abandoned) return;
        begun = true;
        const response = await context.sendActivity(activity);
        const conversationId = context.activity.conversation.id;
        sent = { aadObjectId, conversationId, activityId: response?.id ?? '', serviceUrl: context.activity.serviceUrl };
      };
      /** At the time limit: a send not begun is dropped (a retry is safe); one on its way is waited for (a retry could make it two). */
      const abandon = () => {
        abandoned = !begun;
        return begun;
      };
      const installer = this.options.installer;
      if (!known?.personalConversationId && installer) {
        const chat = await this.installedChat(installer, reach, aadObjectId, known);
        if (!chat.ok) return chat;
        await this.throttle.acquire(chat.reference.personalConversationId);
        await this.timed(this.adapter.continueConversationAsync(this.botAppId, this.reference(chat.reference, chat.reference.personalConversationId), send), abandon);
        if (sent) await this.conversations.rememberUser({ ...chat.reference, updatedAt: new Date().toISOString() });
        return sent ? { ok: true, sent } : { ok: false, reason: 'failed', detail: 'nothing was sent' };
      }
      // Waiting for a turn under the rate limits is not waiting for Teams: it comes before the timeout.
      await this.throttle.acquire(known?.personalConversationId ?? `create:${aadObjectId}`);
      if (known?.personalConversationId) {
        await this.timed(this.adapter.continueConversationAsync(this.botAppId, this.reference(known, known.personalConversationId), send), abandon);
      } else {
        await this.timed(
          this.adapter.createConversationAsync(
            this.botAppId,
            'msteams',
            known?.serviceUrl ?? reach.serviceUrl,
            'https://api.botframework.com',
            {
              isGroup: false,
              bot: { id: known?.bot.id || this.botAppId, name: known?.bot.name ?? 'Kanalkoll' },
              members: [{ id: known?.userId ?? aadObjectId, name: known?.name ?? '' }],
              tenantId: reach.tenantId,
              channelData: { tenant: { id: reach.tenantId } },
            },
            send,
          ),
          abandon,
        );
        if (known && sent) await this.conversations.rememberUser({ ...known, unreachable: undefined, personalConversationId: sent.conversationId });
      }
      return sent ? { ok: true, sent } : { ok: false, reason: 'failed', detail: 'nothing was sent' };
    } catch (error) {
      const { status, retryAfterMs } = error instanceof SendTimeout ? {} : failureOf(error);
      const detail = error instanceof Error ? error.message : String(error);
      this.log.warn('proactive_send_failed', { aadObjectId, status, retryAfterMs, error: detail });
      // Over Teams' limit: every instance holds back for the wait Teams asked for, not only this send.
      if (status === 429) await this.throttle.pause(retryAfterMs ?? 1000).catch((pauseError: unknown) => this.log.warn('throttle_pause_failed', { error: String(pauseError) }));
      if (status === 403 || status === 404) return { ok: false, reason: 'unreachable', status, detail };
      // No status: the connector did not answer (network error or timeout).
      if (status === undefined || transient.has(status)) return { ok: false, reason: 'retry', status, retryAfterMs, detail };
      return { ok: false, reason: 'failed', status, detail };
    }
  }

  /**
   * The person's chat with the app, installing it for them through Graph (proactive installation).
   * The install takes a slot of the send budget too. Installing is idempotent (409 when done), so a
   * call without an answer in time is simply given up; Graph's 429 is waited out by the SDK's retries.
   */
  private async installedChat(installer: AppInstaller, reach: Reach, aadObjectId: string, known: UserReference | undefined): Promise<{ ok: true; reference: UserReference & { personalConversationId: string } } | Extract<Delivery, { ok: false }>> {
    await this.throttle.acquire(`install:${aadObjectId}`);
    const chat = await this.timed(installer.chatWith(aadObjectId), () => false).catch((error: unknown): Extract<Delivery, { ok: false }> => {
      // Graph's own limits are not Teams': a 429 past the SDK's retries waits on this person only, not the send budget.
      const e = error as { statusCode?: unknown; headers?: { get?: (name: string) => string | null } };
      const status = error instanceof SendTimeout || typeof e.statusCode !== 'number' || e.statusCode < 0 ? undefined : e.statusCode;
      const seconds = Number(e.headers?.get?.('retry-after'));
      const detail = error instanceof Error ? error.message : String(error);
      this.log.warn('app_install_failed', { aadObjectId, status, error: detail });
      const again = status === undefined || transient.has(status);
      return { ok: false, reason: again ? 'retry' : 'failed', status, ...(again && Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}), detail };
    });
    if ('reason' in chat) return chat;
    if (!chat.ok) {
      this.log.warn('app_install_refused', { aadObjectId, status: chat.status, error: chat.detail });
      return { ok: false, reason: 'unreachable', status: chat.status, detail: chat.detail };
    }
    const base: UserReference = known ?? {
      kind: 'user', tenantId: reach.tenantId, serviceUrl: reach.serviceUrl, channelId: 'msteams', bot: { id: this.botAppId, name: 'Kanalkoll' }, updatedAt: new Date().toISOString(), aadObjectId, userId: aadObjectId,
    };
    return { ok: true, reference: { ...base, unreachable: undefined, personalConversationId: chat.chatId } };
  }

  /** Replaces a card sent earlier with `card`; how it went (a failure is logged). */
  async updateCard(tenantId: string, copy: SentCard, card: AdaptiveCard): Promise<'updated' | 'retry' | 'gone'> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: copy.serviceUrl,
      conversation: { id: copy.conversationId, tenantId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: this.botAppId, name: 'Kanalkoll' },
    };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        await this.throttle.acquire(copy.conversationId);
        await context.updateActivity({ id: copy.activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      });
      return 'updated';
    } catch (error) {
      const { status } = failureOf(error);
      this.log.warn('card_update_failed', { conversationId: copy.conversationId, activityId: copy.activityId, status, error: error instanceof Error ? error.message : String(error) });
      return status === undefined || transient.has(status) ? 'retry' : 'gone';
    }
  }

  /**
   * `work` within the time limit. At the limit `onTimeout` says whether the message is already on its
   * way to Teams: if not, the send is given up (a retry cannot make it two); if it is, its answer is
   * waited for twice as long again, since Teams may well have taken it (a retry would send it twice).
   * Only a send that still has no answer then counts as none.
   */
  private async timed<T>(work: Promise<T>, onTimeout: () => boolean): Promise<T> {
    const limit = this.options.timeoutMs;
    if (!limit) return work;
    const timers: NodeJS.Timeout[] = [];
    const after = (ms: number) => new Promise<void>((resolve) => timers.push(setTimeout(resolve, ms)));
    const timeout = after(limit).then(async () => {
      if (onTimeout()) await after(limit * 2);
      throw new SendTimeout(`no answer from Teams within ${limit} ms`);
    });
    work.catch(() => undefined);
    try {
      return await Promise.race([work, timeout]);
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  }

  private reference(known: UserReference, conversationId: string): Partial<ConversationReference> {
    return {
      channelId: known.channelId,
      serviceUrl: known.serviceUrl,
      conversation: { id: conversationId, tenantId: known.tenantId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: known.bot.id, name: known.bot.name ?? 'Kanalkoll' },
      user: { id: known.userId, name: known.name ?? '', aadObjectId: known.aadObjectId },
    };
  }
}
