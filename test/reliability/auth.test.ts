import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { ConversationReferences } from '../../bot/store/conversations';
import { connectTables } from '../../bot/store/tables';
import type { FunctionServer } from '../../dev/functionHost';
import { tenantId, users } from '../../dev/roles';
import { activityFrom, post } from '../support/activities';
import { startConnector, type TestConnector } from '../support/connector';
import { startFunctionApp } from '../support/functionApp';
import { channelToken, rsaKeyPair, startOpenIdServer, type OpenIdServer } from '../support/openId';

const appId = '11111111-2222-4333-8444-555555555555';
const foreignTenant = '00000000-1111-4222-8333-444444444444';
const references = new ConversationReferences(connectTables(loadConfig().storage));

/**
 * The app as it runs in Azure: a bot identity configured (every request needs a channel token the
 * Bot Connector signed, validated for real against keys served here), and only the municipality's
 * tenant served. A card button (an invoke) is answered in the HTTP response, so the genuine case
 * needs no outgoing token and shows that the refusals are not all the app can say.
 */
describe('reliability: only the Bot Connector, for our tenant, is served (production settings)', () => {
  let app: FunctionServer;
  let connector: TestConnector;
  let openId: OpenIdServer;
  const channelKeys = rsaKeyPair();
  const outcomes: string[] = [];

  beforeAll(async () => {
    connector = await startConnector();
    openId = await startOpenIdServer(channelKeys.publicKey, 'channel-key');
    app = await startFunctionApp({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppType: 'SingleTenant',
      ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
      KANALKOLL_ALLOWED_TENANT_IDS: tenantId,
    });
  });
  afterAll(async () => {
    console.log(`requests refused and served with a bot identity and one tenant configured:\n${outcomes.join('\n')}`);
    await app.close();
    await connector.close();
    await openId.close();
  });
  beforeEach(() => connector.calls.splice(0));

  /** A card button pressed by someone who has never written to the bot, so any stored trace is theirs. */
  const press = (fields: Record<string, unknown> = {}) => {
    const aadObjectId = randomUUID();
    const activity = activityFrom('employee', connector.serviceUrl, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'help.topics', data: {} } },
      from: { id: `29:${aadObjectId}`, name: 'Ny Person', aadObjectId },
      ...fields,
    });
    return { activity, aadObjectId };
  };
  const genuine = (activity: Record<string, unknown>, claims: Record<string, unknown> = {}) =>
    channelToken(channelKeys.privateKey, 'channel-key', { aud: appId, serviceurl: activity.serviceUrl, ...claims });

  async function send(name: string, activity: Record<string, unknown>, aadObjectId: string, token?: string, url = app.url) {
    const response = await post(`${url}/api/messages`, activity, token ? { authorization: `Bearer ${token}` } : {});
    const body = await response.text();
    const tenant = ((activity.channelData as { tenant?: { id?: string } }).tenant?.id ?? tenantId) as string;
    const stored = (await references.user(tenant, aadObjectId)) !== undefined;
    outcomes.push(`  ${name.padEnd(44)} HTTP ${response.status}, ${connector.calls.length} sent, ${stored ? 'reference stored' : 'nothing stored'}`);
    return { status: response.status, body, stored, sent: connector.calls.length };
  }

  it('R4: a request with no token gets 401, and nothing is answered or stored', async () => {
    const { activity, aadObjectId } = press();
    expect(await send('no token', activity, aadObjectId)).toMatchObject({ status: 401, sent: 0, stored: false });
  });

  it('R4: a token signed with another key (forged) gets 401', async () => {
    const { activity, aadObjectId } = press();
    const forged = channelToken(rsaKeyPair().privateKey, 'channel-key', { aud: appId, serviceurl: activity.serviceUrl });
    expect(await send('forged token (another key)', activity, aadObjectId, forged)).toMatchObject({ status: 401, sent: 0, stored: false });
  });

  it('R4: a genuine token issued for another bot, or expired, gets 401', async () => {
    const other = press();
    expect(await send('genuine token for another bot', other.activity, other.aadObjectId, genuine(other.activity, { aud: '99999999-2222-4333-8444-555555555555' }))).toMatchObject({
      status: 401,
      stored: false,
    });
    const late = press();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(await send('genuine token, expired', late.activity, late.aadObjectId, genuine(late.activity, { nbf: hourAgo - 3600, exp: hourAgo }))).toMatchObject({ status: 401, stored: false });
  });

  it('R4: an activity from a tenant other than ours is refused, even with a genuine token', async () => {
    const foreign = { channelData: { tenant: { id: foreignTenant } }, conversation: { id: 'personal-foreign', conversationType: 'personal', tenantId: foreignTenant } };
    const button = press(foreign);
    const answer = await send('genuine token, foreign tenant, card button', button.activity, button.aadObjectId, genuine(button.activity));
    expect(answer).toMatchObject({ status: 403, sent: 0, stored: false });
    expect(answer.body).not.toContain('AdaptiveCard');
    const message = press({ ...foreign, type: 'message', text: 'hej', name: undefined, value: undefined });
    expect(await send('genuine token, foreign tenant, message', message.activity, message.aadObjectId, genuine(message.activity))).toMatchObject({ sent: 0, stored: false });
  });

  it('R4: without a bearer token the request is refused (401) before its body is read: not JSON, too large, or other credentials', async () => {
    const messages = `${app.url}/api/messages`;
    const { activity } = press();
    const huge = JSON.stringify({ ...activity, channelData: { tenant: { id: tenantId }, padding: 'x'.repeat(300 * 1024) } });
    const refusals = [
      await fetch(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' }),
      await fetch(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }),
      await post(messages, activity, { authorization: 'Basic a2FuYWxrb2xsOmhlbWxpZ3Q=' }),
      await post(messages, activity, { authorization: 'Bearer ' }),
    ];
    outcomes.push(`  ${'no bearer: not JSON, 300 KB, Basic, empty'.padEnd(44)} HTTP ${refusals.map((r) => r.status).join(', ')}`);
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(refusals[0]?.headers.get('www-authenticate')).toBe('Bearer');
    expect(connector.calls).toHaveLength(0);
  });

  it('a genuine token does not carry a body over 256 KB: 413, nothing answered or stored', async () => {
    const { activity, aadObjectId } = press({ channelData: { tenant: { id: tenantId }, padding: 'x'.repeat(300 * 1024) } });
    expect(await send('genuine token, 300 KB body', activity, aadObjectId, genuine(activity))).toMatchObject({ status: 413, sent: 0, stored: false });
  });

  it('control: a genuine token for our bot from our tenant is served: the card comes back and the user is remembered', async () => {
    const { activity, aadObjectId } = press();
    const answer = await send('genuine token, our tenant', activity, aadObjectId, genuine(activity));
    expect(answer).toMatchObject({ status: 200, stored: true });
    expect(answer.body).toContain('AdaptiveCard');
    expect(users.employee.aadObjectId).not.toBe(aadObjectId);
  });

  describe('with no allowed tenants set (KANALKOLL_ALLOWED_TENANT_IDS unset), only the bot\'s own tenant is served', () => {
    let ownTenantOnly: FunctionServer;
    beforeAll(async () => {
      ownTenantOnly = await startFunctionApp({
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: tenantId,
        MicrosoftAppType: 'SingleTenant',
        ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
        KANALKOLL_ALLOWED_TENANT_IDS: '',
      });
    });
    afterAll(() => ownTenantOnly.close());

    it('R4: another tenant\'s activity is refused, even with a genuine token', async () => {
      const foreign = { channelData: { tenant: { id: foreignTenant } }, conversation: { id: 'personal-foreign', conversationType: 'personal', tenantId: foreignTenant } };
      const button = press(foreign);
      expect(await send('no tenants set: foreign tenant, card button', button.activity, button.aadObjectId, genuine(button.activity), ownTenantOnly.url)).toMatchObject({
        status: 403,
        sent: 0,
        stored: false,
      });
      const message = press({ ...foreign, type: 'message', text: 'hej', name: undefined, value: undefined });
      expect(await send('no tenants set: foreign tenant, message', message.activity, message.aadObjectId, genuine(message.activity), ownTenantOnly.url)).toMatchObject({ sent: 0, stored: false });
    });

    it('control: the bot\'s own tenant is served', async () => {
      const { activity, aadObjectId } = press();
      const answer = await send('no tenants set: own tenant', activity, aadObjectId, genuine(activity), ownTenantOnly.url);
      expect(answer).toMatchObject({ status: 200, stored: true });
      expect(answer.body).toContain('AdaptiveCard');
    });
  });
});
