import { TableClient } from '@azure/data-tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import type { FunctionServer } from '../../dev/functionHost';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { botId, directory, tenantId, users } from '../../dev/roles';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';
import { startFunctionApp } from '../support/functionApp';

const secret = 'a-client-secret-that-must-not-show';

/** Everything Kanalkoll needs, set: a bot identity, the tenant, Graph, the people, the public address. */
const complete = (graph: GraphStandIn): Record<string, string> => ({
  MicrosoftAppId: botId,
  MicrosoftAppPassword: secret,
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: tenantId,
  KANALKOLL_TENANT_ID: tenantId,
  KANALKOLL_ALLOWED_TENANT_IDS: '',
  KANALKOLL_GRAPH_URL: graph.url,
  KANALKOLL_COMMUNICATIONS_CHIEF_AAD_OBJECT_ID: users.commschief.aadObjectId,
  KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.colleague.aadObjectId,
  KANALKOLL_ARCHIVE_AAD_OBJECT_ID: users.admin.aadObjectId,
  KANALKOLL_PUBLIC_BASE_URL: 'https://kanalkoll.botkyrka.se',
  KANALKOLL_TEST_FILE_ORIGIN: '',
});

/** As the Functions host in Azure sets it (App Service or Premium). */
const inAzure = { WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6', WEBSITE_SITE_NAME: 'kanalkoll-prod' };

interface Case {
  readonly setting: string;
  readonly missing: Record<string, string>;
  readonly storage?: (azurite: Azurite) => Promise<void>;
}

/** Each setting missing in turn: what it takes away (a tenant-less bot must be multi-tenant and name its tenants). */
const cases: readonly Case[] = [
  { setting: 'botIdentity', missing: { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' } },
  { setting: 'tenant', missing: { MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '', KANALKOLL_TENANT_ID: '', KANALKOLL_ALLOWED_TENANT_IDS: tenantId } },
  { setting: 'graph', missing: { KANALKOLL_GRAPH_URL: '' } },
  // The communications chief is the stored one (the setting names only the first): none stored, none set.
  {
    setting: 'communicationsChief',
    missing: { KANALKOLL_COMMUNICATIONS_CHIEF_AAD_OBJECT_ID: '' },
    storage: async (azurite) => void (await TableClient.fromConnectionString(azurite.connectionString, 'directory', { allowInsecureConnection: true }).deleteEntity('organisation', 'roles')),
  },
  { setting: 'registrar', missing: { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: '' } },
  { setting: 'archive', missing: { KANALKOLL_ARCHIVE_AAD_OBJECT_ID: '' } },
];

describe('GET /api/health: every setting Kanalkoll needs, checked and shown without its value', () => {
  let graph: GraphStandIn;
  let azurite: Azurite;
  let app: FunctionServer | undefined;
  beforeAll(async () => {
    graph = await startGraph(asGraphUsers(directory));
  });
  afterAll(() => graph.close());
  beforeEach(async () => {
    // Each case on an Azurite of its own, with the directory in place (loaded whole).
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    await new DirectoryStore(tables).load(directory);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await azurite.stop();
  });

  const health = async (env: Record<string, string>) => {
    app = await startFunctionApp({ ...env, AzureWebJobsStorage: azurite.connectionString });
    const response = await fetch(`${app.url}/api/health`);
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { status: string; reason?: string; settings: Record<string, string>; directory: string } };
  };

  it('control: everything set and working, locally and in Azure: 200, every setting ok, and no value shown', async () => {
    for (const where of [{}, inAzure]) {
      const { status, body, text } = await health({ ...complete(graph), ...where });
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ok',
        directory: 'in place',
        settings: { botIdentity: 'ok', tenant: 'ok', graph: 'ok', communicationsChief: 'ok', registrar: 'ok', archive: 'ok', publicBaseUrl: 'ok' },
      });
      for (const value of [secret, botId, tenantId, users.colleague.aadObjectId, users.admin.aadObjectId, users.commschief.aadObjectId, graph.url]) expect(text).not.toContain(value);
      await app?.close();
      app = undefined;
    }
    // Graph was really asked, through the project's client.
    expect(graph.requests.some((r) => r.path.startsWith('/v1.0/users?') && r.status === 200)).toBe(true);
  });

  it.each(cases)('locally, $setting missing is shown as missing and the app stays ready', async ({ setting, missing, storage }) => {
    await storage?.(azurite);
    const { status, body } = await health({ ...complete(graph), ...missing });
    expect(body.settings[setting]).toBe('missing');
    expect(Object.entries(body.settings).filter(([, state]) => state !== 'ok')).toEqual([[setting, 'missing']]);
    expect(status).toBe(200);
  });

  it('a setting that is set but does not work is failing: Graph refusing (403), a registrar who is not in the directory', async () => {
    graph.fail(1, { status: 403 });
    const { body } = await health({ ...complete(graph), KANALKOLL_REGISTRAR_AAD_OBJECT_ID: '00000000-0000-4000-8000-000000000001' });
    expect(body.settings).toMatchObject({ graph: 'failing', registrar: 'failing' });
  });

  it('R13: in production a missing registrar makes health "not ready" (503), saying which setting, and the start-up log line says so too', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { status, body, text } = await health({ ...complete(graph), ...inAzure, KANALKOLL_REGISTRAR_AAD_OBJECT_ID: '' });
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not ready', reason: expect.stringContaining('KANALKOLL_REGISTRAR_AAD_OBJECT_ID is not set'), settings: { registrar: 'missing' } });
      expect(text).not.toContain(secret);
      const line = logged.mock.calls.map(([entry]) => String(entry)).find((entry) => entry.includes('"event":"settings"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ hosting: 'azure', registrar: 'missing', notReady: expect.stringContaining('KANALKOLL_REGISTRAR_AAD_OBJECT_ID') });
    } finally {
      logged.mockRestore();
    }
  });

  it('R15: in production a missing archive recipient, or the public address left at its default, makes health "not ready" (503)', async () => {
    const archive = await health({ ...complete(graph), ...inAzure, KANALKOLL_ARCHIVE_AAD_OBJECT_ID: '' });
    expect(archive.status).toBe(503);
    expect(archive.body).toMatchObject({ status: 'not ready', reason: expect.stringContaining('KANALKOLL_ARCHIVE_AAD_OBJECT_ID is not set'), settings: { archive: 'missing' } });
    await app?.close();
    const address = await health({ ...complete(graph), ...inAzure, KANALKOLL_PUBLIC_BASE_URL: '' });
    expect(address.status).toBe(503);
    expect(address.body).toMatchObject({ status: 'not ready', reason: expect.stringContaining('KANALKOLL_PUBLIC_BASE_URL'), settings: { publicBaseUrl: 'missing' } });
  });
});
