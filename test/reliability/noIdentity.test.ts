import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { ConversationReferences } from '../../bot/store/conversations';
import { connectTables } from '../../bot/store/tables';
import type { FunctionServer } from '../../dev/functionHost';
import { tenantId } from '../../dev/roles';
import { activityFrom, post } from '../support/activities';
import { startConnector, type TestConnector } from '../support/connector';
import { startFunctionApp } from '../support/functionApp';

const references = new ConversationReferences(connectTables(loadConfig().storage));

/**
 * Without MicrosoftAppId no token can be checked. Only a local host may run so (the dev host, the
 * Playground and these tests do); under the Functions host in Azure, which sets WEBSITE_* variables
 * of its own, every request to /api/messages is refused and /api/health says why.
 */
describe('reliability: without a bot identity, only a local host serves /api/messages', () => {
  let connector: TestConnector;
  beforeAll(async () => {
    connector = await startConnector();
  });
  afterAll(() => connector.close());
  beforeEach(() => connector.calls.splice(0));

  /** "hej" from someone who never wrote before, so any stored trace is theirs. */
  const hej = () => {
    const aadObjectId = randomUUID();
    return { aadObjectId, activity: activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej', from: { id: `29:${aadObjectId}`, name: 'Ny Person', aadObjectId } }) };
  };

  describe.each([
    ['App Service or Premium', { WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6', WEBSITE_SITE_NAME: 'kanalkoll-prod' }],
    ['Flex Consumption', { WEBSITE_SKU: 'FlexConsumption', WEBSITE_POD_NAME: 'kanalkoll-prod-7d9f', LEGION_SERVICE_HOST: '10.0.0.4' }],
  ])('in Azure (%s)', (_plan, azure) => {
    let app: FunctionServer;
    beforeAll(async () => {
      app = await startFunctionApp({ ...azure, MicrosoftAppId: '', MicrosoftAppPassword: '' });
    });
    afterAll(() => app.close());

    it('R4: every request to /api/messages gets 401, with a token or without; nothing is answered or stored', async () => {
      const without = hej();
      const withToken = hej();
      const statuses = [
        (await post(`${app.url}/api/messages`, without.activity)).status,
        (await post(`${app.url}/api/messages`, withToken.activity, { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' })).status,
      ];

      expect(statuses).toEqual([401, 401]);
      expect(connector.calls).toHaveLength(0);
      expect(await references.user(tenantId, without.aadObjectId)).toBeUndefined();
      expect(await references.user(tenantId, withToken.aadObjectId)).toBeUndefined();
    });

    it('/api/health answers 503 and says the bot identity is missing', async () => {
      const response = await fetch(`${app.url}/api/health`);

      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: expect.stringContaining('MicrosoftAppId is not set') });
    });
  });

  it('control: locally (FUNCTIONS_WORKER_RUNTIME from local.settings.json, a build container\'s CONTAINER_NAME) it serves without a token', async () => {
    const app = await startFunctionApp({ FUNCTIONS_WORKER_RUNTIME: 'node', CONTAINER_NAME: 'ci-runner', MicrosoftAppId: '' });
    try {
      const { activity, aadObjectId } = hej();
      expect((await post(`${app.url}/api/messages`, activity)).status).toBe(200);
      expect(connector.sent()).toHaveLength(1);
      expect(await references.user(tenantId, aadObjectId)).toBeDefined();
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
