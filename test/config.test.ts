import { loadConfig } from '../bot/config';
import { ConfigError } from '../bot/errors';

const storage = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('R11, R15: the duty intervals and sending limits have the DESIGN.md defaults, and each can be set', () => {
    const config = loadConfig({ ...storage, KANALKOLL_INACTIVE_DAYS: '90', KANALKOLL_SEND_PER_APP: '25' });
    expect(config.duties).toMatchObject({ inactiveDays: 90, archiveReminderDays: 14, archiveEscalationDays: 30, approvalReminderWorkingDays: 2, approvalEscalationWorkingDays: 5 });
    expect(config.sending).toMatchObject({ perConversation: 7, perApp: 25, attempts: 8 });
  });

  it('R8: the platforms, each with the addresses its accounts are on where known', () => {
    expect(loadConfig(storage)).toMatchObject({ platforms: ['Facebook', 'Instagram', 'X', 'LinkedIn', 'YouTube', 'TikTok', 'Blogg', 'Annan'], platformHosts: { Instagram: ['instagram.com'], X: ['x.com', 'twitter.com'] } });
    const config = loadConfig({ ...storage, KANALKOLL_PLATFORMS: 'Instagram = instagram.com | instagr.am, Podd' });
    expect(config.platforms).toEqual(['Instagram', 'Podd']);
    expect(config.platformHosts).toEqual({ Instagram: ['instagram.com', 'instagr.am'] });
  });

  it('R4: public records are kept unless the municipality\'s gallring decision is named with its periods; half a decision, or the old report days, stop the app', () => {
    expect(loadConfig(storage).gallring).toBeUndefined();
    expect(loadConfig({ ...storage, KANALKOLL_GALLRING_DECISION: 'KS 2025/123, dokumenthanteringsplan 4.2', KANALKOLL_GALLRING_DAYS: 'bullying=730, negative = 1095' }).gallring).toEqual({
      reference: 'KS 2025/123, dokumenthanteringsplan 4.2',
      days: { bullying: 730, negative: 1095 },
    });
    expect(problemsOf({ ...storage, KANALKOLL_GALLRING_DAYS: 'bullying=730' })).toContain('KANALKOLL_GALLRING_DAYS is set without KANALKOLL_GALLRING_DECISION');
    expect(problemsOf({ ...storage, KANALKOLL_GALLRING_DECISION: 'KS 2025/123' })).toContain('KANALKOLL_GALLRING_DECISION is set without KANALKOLL_GALLRING_DAYS');
    expect(problemsOf({ ...storage, KANALKOLL_GALLRING_DECISION: 'KS 2025/123', KANALKOLL_GALLRING_DAYS: 'criticism=30, bullying=ett år' })).toContain('KANALKOLL_GALLRING_DAYS has "criticism=30"');
    expect(problemsOf({ ...storage, KANALKOLL_RETAIN_REPORT_DAYS: '730' })).toContain('KANALKOLL_RETAIN_REPORT_DAYS is no longer read: reports are public records');
  });

  it('R1: the app is installed for people through Graph only with its catalog id and Graph set; without, as before', () => {
    const graph = { KANALKOLL_GRAPH_URL: 'https://graph.microsoft.com' };
    expect(loadConfig({ ...storage, ...graph }).teamsAppCatalogId).toBeUndefined();
    expect(loadConfig({ ...storage, ...graph, KANALKOLL_TEAMS_APP_CATALOG_ID: '3C9E5A17-2B4D-4F60-9A8B-7C6D5E4F3A21' }).teamsAppCatalogId).toBe('3c9e5a17-2b4d-4f60-9a8b-7c6d5e4f3a21');
    expect(problemsOf({ ...storage, KANALKOLL_TEAMS_APP_CATALOG_ID: '3c9e5a17-2b4d-4f60-9a8b-7c6d5e4f3a21' })).toContain('KANALKOLL_TEAMS_APP_CATALOG_ID needs KANALKOLL_GRAPH_URL');
    expect(problemsOf({ ...storage, ...graph, KANALKOLL_TEAMS_APP_CATALOG_ID: 'com.botkyrka.kanalkoll' })).toContain('KANALKOLL_TEAMS_APP_CATALOG_ID must be Kanalkoll\'s id in your tenant\'s Teams app catalog');
  });

  it('names a duty interval that is not a whole number of days', () => {
    expect(problemsOf({ ...storage, KANALKOLL_ARCHIVE_REMINDER_DAYS: 'två veckor', KANALKOLL_SEND_TIMEOUT_MS: '-1' })).toBe(
      'KANALKOLL_ARCHIVE_REMINDER_DAYS must be a whole number above 0 (default 14)\nKANALKOLL_SEND_TIMEOUT_MS must be a whole number above 0 (default 15000)',
    );
  });

  it('a file sent in the chat is downloaded from SharePoint and the hosts set; the tests\' stand-in only on this machine and never with a bot identity', () => {
    expect(loadConfig(storage).fileHosts).toEqual({ hosts: ['sharepoint.com'] });
    expect(loadConfig({ ...storage, KANALKOLL_FILE_HOSTS: 'Filer.Botkyrka.se' }).fileHosts).toEqual({ hosts: ['sharepoint.com', 'filer.botkyrka.se'] });
    expect(loadConfig({ ...storage, KANALKOLL_TEST_FILE_ORIGIN: 'http://127.0.0.1:8123/x' }).fileHosts).toEqual({ hosts: ['sharepoint.com'], testOrigin: 'http://127.0.0.1:8123' });
    expect(problemsOf({ ...storage, KANALKOLL_TEST_FILE_ORIGIN: 'http://files.example:8123' })).toContain('KANALKOLL_TEST_FILE_ORIGIN must be on this machine');
    const identity = { MicrosoftAppId: '11111111-1111-1111-1111-111111111111', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222' };
    expect(problemsOf({ ...storage, ...identity, KANALKOLL_TEST_FILE_ORIGIN: 'http://127.0.0.1:8123' })).toBe(
      'KANALKOLL_TEST_FILE_ORIGIN is for the local tests only and cannot be set with MicrosoftAppId: in Teams, files come from SharePoint',
    );
  });

  it('runs unauthenticated for local use when no app id is set', () => {
    const config = loadConfig({ ...storage, MicrosoftAppId: '  ' });

    expect(config.bot).toEqual({ kind: 'unauthenticated' });
    expect(config.hosting).toBe('local');
    expect(config.allowedTenantIds).toBe('any');
    expect(config.publicBaseUrl).toBe('http://localhost:7071');
    expect(config.forcedLocale).toBeUndefined();
  });

  it('reads a single-tenant identity, the allowed tenants and the public address', () => {
    const config = loadConfig({
      ...storage,
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: '8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30',
      KANALKOLL_ALLOWED_TENANT_IDS: '8F3C2A61-5D4E-4B7A-9C1F-2E6D8B4A7C30, 0c6f2a1e-3b4d-4e5f-8a9b-1c2d3e4f5a01',
      KANALKOLL_PUBLIC_BASE_URL: 'https://kanalkoll.example/',
    });

    expect(config.bot).toMatchObject({ kind: 'SingleTenant', appId: '11111111-2222-4333-8444-555555555555', password: 'secret' });
    expect(config.allowedTenantIds).toEqual(['8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30', '0c6f2a1e-3b4d-4e5f-8a9b-1c2d3e4f5a01']);
    expect(config.publicBaseUrl).toBe('https://kanalkoll.example');
  });

  it('R4: with a bot identity and no tenants set, serves only the bot\'s own tenant; a multi-tenant bot must name them', () => {
    const identity = { ...storage, MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'secret' };
    expect(loadConfig({ ...identity, MicrosoftAppTenantId: '8F3C2A61-5D4E-4B7A-9C1F-2E6D8B4A7C30' }).allowedTenantIds).toEqual(['8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30']);
    expect(loadConfig({ ...identity, MicrosoftAppType: 'MultiTenant', KANALKOLL_TENANT_ID: '0c6f2a1e-3b4d-4e5f-8a9b-1c2d3e4f5a01' }).allowedTenantIds).toEqual(['0c6f2a1e-3b4d-4e5f-8a9b-1c2d3e4f5a01']);
    expect(problemsOf({ ...identity, MicrosoftAppType: 'MultiTenant' })).toMatch(/KANALKOLL_ALLOWED_TENANT_IDS is missing: a MultiTenant bot without MicrosoftAppTenantId must name the tenants it serves/);
  });

  it('knows Azure by the variables its Functions host sets, not by those a local host sets too', () => {
    for (const marker of ['WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME', 'WEBSITE_SKU', 'WEBSITE_POD_NAME', 'LEGION_SERVICE_HOST']) {
      expect(loadConfig({ ...storage, [marker]: 'set by Azure' }).hosting).toBe('azure');
    }
    expect(loadConfig({ ...storage, FUNCTIONS_WORKER_RUNTIME: 'node', CONTAINER_NAME: 'ci-runner', WEBSITE_HOSTNAME: 'localhost:7071', WEBSITE_INSTANCE_ID: ' ' }).hosting).toBe('local');
  });

  it('reads a managed identity without a password', () => {
    const config = loadConfig({
      ...storage,
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30',
    });

    expect(config.bot).toMatchObject({ kind: 'UserAssignedMSI', tenantId: '8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30' });
  });

  it('names the missing storage setting and how to fix it', () => {
    expect(problemsOf({})).toMatch(/AzureWebJobsStorage is missing: set it to a storage connection string/);
  });

  it('reads identity-based storage, as the Functions host does', () => {
    const config = loadConfig({ AzureWebJobsStorage__accountName: 'kanalkollprod', AzureWebJobsStorage__clientId: '11111111-2222-4333-8444-555555555555' });

    expect(config.storage).toEqual({ accountName: 'kanalkollprod', clientId: '11111111-2222-4333-8444-555555555555' });
    expect(problemsOf({ AzureWebJobsStorage__accountName: 'Kanalkoll_Prod' })).toMatch(/AzureWebJobsStorage__accountName must be a storage account name/);
  });

  it('names every wrong setting at once', () => {
    const problems = problemsOf({
      ...storage,
      MicrosoftAppId: 'not-a-guid',
      MicrosoftAppType: 'Whatever',
      KANALKOLL_PUBLIC_BASE_URL: 'ftp://x',
    });

    expect(problems).toMatch(/MicrosoftAppId must be the bot app registration's client id/);
    expect(problems).toMatch(/MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI/);
    expect(problems).toMatch(/KANALKOLL_PUBLIC_BASE_URL must be the public http\(s\) address/);
    expect(problemsOf({ ...storage, KANALKOLL_LOCALE: 'fi' })).toMatch(/KANALKOLL_LOCALE must be sv or en/);
  });

  it('asks for the secret and tenant of a single-tenant bot', () => {
    const problems = problemsOf({ ...storage, MicrosoftAppId: '11111111-2222-4333-8444-555555555555' });

    expect(problems).toMatch(/MicrosoftAppTenantId is missing/);
    expect(problems).toMatch(/MicrosoftAppPassword is missing/);
  });

  it('refuses a password with a managed identity, and a tenant list entry that is not a GUID', () => {
    const problems = problemsOf({
      ...storage,
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '8f3c2a61-5d4e-4b7a-9c1f-2e6d8b4a7c30',
      MicrosoftAppPassword: 'secret',
      KANALKOLL_ALLOWED_TENANT_IDS: 'botkyrka',
    });

    expect(problems).toMatch(/MicrosoftAppPassword must be empty with MicrosoftAppType=UserAssignedMSI/);
    expect(problems).toMatch(/KANALKOLL_ALLOWED_TENANT_IDS has "botkyrka"/);
  });
});
