import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards';
import type { Log } from '../log';
import type { SentCard } from '../store/assignments';
import type { ConversationReferences, UserReference } from '../store/conversations';


export type Delivery = { readonly ok: true; readonly sent: SentCard } | { readonly ok: false; readonly reason: string };

import type { Reach } from '../flows/lifecycle';

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'statusCode' in error ? Number((error as { statusCode: unknown }).statusCode) : undefined;

/**
 * Sends cards to people outside a turn of theirs: in their personal chat with the bot, from the
 * stored conversation reference, or by creating that chat with their AAD object id.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationReferences,
    private readonly log: Log,
  ) {}

  async sendCard(reach: Reach, aadObjectId: string, card: AdaptiveCard | string): Promise<Delivery> {
    const known = await this.conversations.user(reach.tenantId, aadObjectId);
    const activity = typeof card === 'string' ? { text: card } : { attachments: [CardFactory.adaptiveCard(card)] };
    try {
      let sent: SentCard | undefined;
      const send = async (context: TurnContext) => {
        const response = await context.sendActivity(activity);
        const conversationId = context.activity.conversation.id;
        sent = { aadObjectId, conversationId, activityId: response?.id ?? '', serviceUrl: context.activity.serviceUrl };
      };
      if (known?.personalConversationId) {
        await this.adapter.continueConversationAsync(this.botAppId, this.reference(known, known.personalConversationId), send);
      } else {
        await this.adapter.createConversationAsync(
          this.botAppId,
          'msteams',
          known?.serviceUrl ?? reach.serviceUrl,
          'https://api.botframework.com',
          {
            isGroup: false,
            bot: { id: known?.bot.id ?? this.botAppId, name: known?.bot.name ?? 'Kanalkoll' },
            members: [{ id: known?.userId ?? aadObjectId, name: known?.name ?? '' }],
            tenantId: reach.tenantId,
            channelData: { tenant: { id: reach.tenantId } },
          },
          send,
        );
        if (known && sent) await this.conversations.rememberUser({ ...known, personalConversationId: sent.conversationId });
      }
      return sent ? { ok: true, sent } : { ok: false, reason: 'nothing was sent' };
    } catch (error) {
      const status = statusOf(error);
      this.log.warn('proactive_send_failed', { aadObjectId, status, error: error instanceof Error ? error.message : String(error) });
      return { ok: false, reason: status === 403 || status === 404 ? 'unreachable' : `failed (${status ?? 'no answer'})` };
    }
  }

  /** Replaces a card sent earlier with `card`; a copy that cannot be updated is logged, not fatal. */
  async updateCard(tenantId: string, copy: SentCard, card: AdaptiveCard): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: copy.serviceUrl,
      conversation: { id: copy.conversationId, tenantId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: this.botAppId, name: 'Kanalkoll' },
    };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        await context.updateActivity({ id: copy.activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      });
    } catch (error) {
      this.log.warn('card_update_failed', { conversationId: copy.conversationId, activityId: copy.activityId, error: error instanceof Error ? error.message : String(error) });
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
