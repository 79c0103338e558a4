import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { ConversationReferences, userKey, type UserReference } from '../../bot/store/conversations';
import { connectTables } from '../../bot/store/tables';

const tables = connectTables(loadConfig().storage);

describe('where a user is reached (conversation references)', () => {
  beforeAll(() => tables.ensureCreated());

  it('P1: a turn writes the reference only when it changed, or when this process wrote it more than ten minutes ago; an unreachable mark is cleared by the next turn', async () => {
    const references = new ConversationReferences(tables);
    const aadObjectId = randomUUID();
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 9, minutes)).toISOString();
    const reference = (minutes: number, locale = 'sv-SE'): UserReference => ({
      kind: 'user', tenantId: 't1', serviceUrl: 'https://smba.example/', channelId: 'msteams', bot: { id: 'b' }, updatedAt: at(minutes),
      aadObjectId, userId: `29:${aadObjectId}`, name: 'Elin Ek', locale, personalConversationId: `a:${aadObjectId}`,
    });
    const key = userKey('t1', aadObjectId);
    const etag = async () => (await tables.client('conversations').getEntity(key.partitionKey, key.rowKey)).etag;

    await references.rememberUser(reference(0));
    const first = await etag();
    await references.rememberUser(reference(1));
    expect(await etag()).toBe(first);
    await references.rememberUser(reference(2, 'en-US'));
    const changed = await etag();
    expect(changed).not.toBe(first);
    expect((await references.user('t1', aadObjectId))?.locale).toBe('en-US');
    await references.rememberUser(reference(13, 'en-US'));
    expect(await etag()).not.toBe(changed);
    expect((await references.user('t1', aadObjectId))?.updatedAt).toBe(at(13));

    await references.markUnreachable({ tenantId: 't1', serviceUrl: 'https://smba.example/' }, aadObjectId, 'blocked', at(14));
    expect((await references.user('t1', aadObjectId))?.unreachable).toBeDefined();
    await references.rememberUser(reference(15, 'en-US'));
    expect((await references.user('t1', aadObjectId))?.unreachable).toBeUndefined();
  });
});
