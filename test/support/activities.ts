import { randomUUID } from 'node:crypto';
import { tenantId, users, type Role } from '../../dev/roles';

/** A Bot Framework activity from Teams, as a mock role sends it in their personal chat. */
export function activityFrom(role: Role, serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  const user = users[role];
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'sv-SE',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:kanalkoll', name: 'Kanalkoll' },
    conversation: { id: `personal-${role}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    ...fields,
  };
}

/** A conversation others read, with Kanalkoll added: a team's channel or a group chat. */
export interface SharedConversation {
  readonly id: string;
  readonly conversationType: 'channel' | 'groupChat';
}

/** The channel Allmänt of the team Kommunikation, where Kanalkoll is added (the Playground's team, dev/roles.ts). */
export const teamChannel: SharedConversation = { id: '19:allmant@thread.tacv2', conversationType: 'channel' };
/** A group chat with Kanalkoll added. */
export const groupChat: SharedConversation = { id: '19:kultur-fritid@thread.v2', conversationType: 'groupChat' };

/** Where an activity in `shared` happens, as Teams says it: the conversation, and in a channel its team and channel. */
export function inConversation(shared: SharedConversation): Record<string, unknown> {
  const inTeam = shared.conversationType === 'channel' ? { team: { id: '19:kommunikation@thread.tacv2', name: 'Kommunikation' }, channel: { id: shared.id, name: 'Allmänt' } } : {};
  return {
    conversation: { id: shared.id, conversationType: shared.conversationType, isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, ...inTeam },
  };
}

/** A message to the bot where others read: Teams passes it on only when the bot is @mentioned, and says so. */
export function mentioning(text: string): Record<string, unknown> {
  const mention = '<at>Kanalkoll</at>';
  return { text: `${mention} ${text}`, entities: [{ type: 'mention', text: mention, mentioned: { id: '28:kanalkoll', name: 'Kanalkoll' } }] };
}

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
