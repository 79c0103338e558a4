import type { TurnContext } from 'botbuilder';
import type { ChatReference, UserReference } from '../store/conversations';
import { tenantOf } from './tenantFilter';

/**
 * What to remember from an incoming activity so the bot can reach its sender (and, in a
 * group chat or team, the chat) later. Undefined parts: nothing usable to remember.
 */
export function referencesOf(context: TurnContext, now: Date): { user?: UserReference; chat?: ChatReference } {
  const { activity } = context;
  const tenantId = tenantOf(context);
  if (!tenantId || !activity.serviceUrl || !activity.conversation) return {};
  const common = {
    tenantId,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    bot: { id: activity.recipient.id, name: activity.recipient.name },
    updatedAt: now.toISOString(),
  };
  const personal = (activity.conversation.conversationType ?? 'personal') === 'personal';
  const aadObjectId = activity.from?.aadObjectId;
  const user: UserReference | undefined = aadObjectId
    ? {
        ...common,
        kind: 'user',
        aadObjectId,
        userId: activity.from.id,
        name: activity.from.name,
        locale: activity.locale,
        personalConversationId: personal ? activity.conversation.id : undefined,
      }
    : undefined;
  const chat: ChatReference | undefined = personal
    ? undefined
    : {
        ...common,
        kind: 'chat',
        conversationId: activity.conversation.id,
        conversationType: activity.conversation.conversationType ?? 'groupChat',
      };
  return { user, chat };
}
