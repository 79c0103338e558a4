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

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
