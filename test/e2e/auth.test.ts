import type { FunctionServer } from '../../dev/functionHost';
import { activityFrom, post } from '../support/activities';
import { startConnector, type TestConnector } from '../support/connector';
import { startFunctionApp } from '../support/functionApp';
import { channelToken, rsaKeyPair, startOpenIdServer, type OpenIdServer } from '../support/openId';

const appId = '11111111-2222-4333-8444-555555555555';

describe('with a bot identity configured, every request needs a valid channel token', () => {
  let app: FunctionServer;
  let connector: TestConnector;
  let openId: OpenIdServer;
  const channelKeys = rsaKeyPair();

  beforeAll(async () => {
    connector = await startConnector();
    openId = await startOpenIdServer(channelKeys.publicKey, 'channel-key');
    app = await startFunctionApp({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30',
      MicrosoftAppType: 'SingleTenant',
      ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
    });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    await openId.close();
  });
  beforeEach(() => connector.calls.splice(0));

  const message = () => activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' });

  it('refuses a request with no token with 401 and answers nothing', async () => {
    const response = await post(`${app.url}/api/messages`, message());

    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a token signed with another key (forged) with 401', async () => {
    const activity = message();
    const forged = channelToken(rsaKeyPair().privateKey, 'channel-key', { aud: appId, serviceurl: activity.serviceUrl });
    const response = await post(`${app.url}/api/messages`, activity, { authorization: `Bearer ${forged}` });

    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a genuine token issued for another bot with 401', async () => {
    const activity = message();
    const other = channelToken(channelKeys.privateKey, 'channel-key', {
      aud: '99999999-2222-4333-8444-555555555555',
      serviceurl: activity.serviceUrl,
    });
    const response = await post(`${app.url}/api/messages`, activity, { authorization: `Bearer ${other}` });

    expect(response.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });
});
