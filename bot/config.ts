// Longer than most files: every setting is parsed here once, with its message; one schema, one reason to change.
import { z } from 'zod';
import { defaultDutySettings, type DutySettings } from './domain/duties';
import type { Locale } from './domain/locale';
import { defaultRetention, disposableReports, type DisposableReport, type GallringDecision, type RetentionSettings } from './domain/retention';
import type { ResponsibleShown } from './domain/register';
import { ConfigError } from './errors';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An unset or blank environment variable is the same as an absent one. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const raw = z.object({
  MicrosoftAppId: optional(z.string().regex(guid, 'must be the bot app registration\'s client id (a GUID)')),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppTenantId: optional(z.string().regex(guid, 'must be your Entra tenant id (a GUID)')),
  MicrosoftAppType: optional(z.string()).pipe(
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
      error: 'must be SingleTenant, MultiTenant or UserAssignedMSI',
    }).default('SingleTenant'),
  ),
  /** Only for sovereign clouds (and tests): where the channel's token signing keys are published. */
  ToBotFromChannelOpenIdMetadataUrl: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  KANALKOLL_ALLOWED_TENANT_IDS: optional(z.string()),
  KANALKOLL_PLATFORMS: optional(z.string()),
  KANALKOLL_PLANNING_TEMPLATE_URL: optional(z.url({ protocol: /^https$/, error: 'must be an https address' })),
  KANALKOLL_SOURCE_HOSTS: optional(z.string().regex(/^\s*[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*\s*$/i, 'must be host names separated by commas, such as botkyrka.se, botkyrkakonsthall.se')),
  KANALKOLL_COMMUNICATIONS_CHIEF_AAD_OBJECT_ID: optional(z.string().regex(guid, 'must be the Entra object id (a GUID) of the first communications chief')),
  KANALKOLL_REGISTRY_MAILBOX: optional(z.email({ error: 'must be the registry\'s functional mailbox, such as registrator@botkyrka.se' })),
  KANALKOLL_HR_MAILBOX: optional(z.email({ error: 'must be HR\'s functional mailbox, such as hr@botkyrka.se' })),
  KANALKOLL_GALLRING_DECISION: optional(z.string().max(200, 'must be the gallring decision\'s reference, at most 200 characters, such as KS 2025/123, dokumenthanteringsplan 4.2')),
  KANALKOLL_GALLRING_DAYS: optional(z.string()),
  KANALKOLL_REGISTRAR_AAD_OBJECT_ID: optional(z.string().regex(guid, 'must be the Entra object id (a GUID) of the registrar who receives criticism to register')),
  KANALKOLL_REGISTER_RESPONSIBLE: optional(z.string()).pipe(
    z.enum(['name', 'role'], { error: 'must be name (name and role) or role (role and functional mailbox only)' }).default('name'),
  ),
  KANALKOLL_ARCHIVE_AAD_OBJECT_ID: optional(z.string().regex(guid, 'must be the Entra object id (a GUID) of the archive\'s Teams user, who receives the half-year snapshots')),
  KANALKOLL_ARCHIVE_MAX_BYTES: optional(z.coerce.number().int().positive({ error: 'must be a whole number of bytes above 0' })),
  KANALKOLL_FILE_HOSTS: optional(z.string().regex(/^\s*[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*\s*$/i, 'must be host names separated by commas, such as botkyrka.sharepoint.com')),
  /** Tests only: the origin of the local stand-in for Teams' file storage (see loadConfig). */
  KANALKOLL_TEST_FILE_ORIGIN: optional(z.url({ protocol: /^https?$/, error: 'must be the http address of the local file stand-in, such as http://127.0.0.1:8123' })),
  KANALKOLL_TENANT_ID: optional(z.string().regex(guid, 'must be your Entra tenant id (a GUID)')),
  KANALKOLL_GRAPH_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be Microsoft Graph (https://graph.microsoft.com) or a local stand-in' }).refine((u) => !/\/(v1\.0|beta)\/?$/.test(u), { error: 'must not end in a version (v1.0 is added): https://graph.microsoft.com' }),
  ),
  KANALKOLL_TEAMS_APP_CATALOG_ID: optional(z.string().regex(guid, 'must be Kanalkoll\'s id in your tenant\'s Teams app catalog (a GUID: Teams admin center → Manage apps → Kanalkoll → App ID)')),
  KANALKOLL_TEAMS_SERVICE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be the Bot Connector service URL of your Teams region' })),
  KANALKOLL_LOCALE: optional(z.enum(['sv', 'en'], { error: 'must be sv or en, or unset to follow each Teams client' })),
  AzureWebJobsStorage: optional(z.string()),
  /** Identity-based storage, as the Functions host reads it: the account, and the user-assigned identity. */
  AzureWebJobsStorage__accountName: optional(z.string().regex(/^[a-z0-9]{3,24}$/, 'must be a storage account name (3–24 lower-case letters and digits)')),
  AzureWebJobsStorage__clientId: optional(z.string().regex(guid, 'must be the client id (a GUID) of the managed identity')),
  KANALKOLL_PUBLIC_BASE_URL: optional(z.string()).pipe(
    z.url({ protocol: /^https?$/, error: 'must be the public http(s) address the app is reached on' }).default('http://localhost:7071'),
  ),
});

interface Authenticated {
  readonly appId: string;
  /** Overrides the public cloud's OpenID metadata for validating incoming tokens. */
  readonly openIdMetadataUrl?: string;
}

export type BotIdentity =
  | { readonly kind: 'unauthenticated' }
  | (Authenticated & { readonly kind: 'SingleTenant' | 'MultiTenant'; readonly password: string; readonly tenantId?: string })
  | (Authenticated & { readonly kind: 'UserAssignedMSI'; readonly tenantId: string });

/** A connection string (Azurite, or keys), or an account reached with a managed identity (production). */
export type StorageConfig = string | { readonly accountName: string; readonly clientId?: string };

/**
 * Where the app runs. `azure`: under the Functions host in Azure, which sets some of
 * `azureMarkers`; `local`: the dev host, `func start` or a test, where it may run without a bot identity.
 */
export type Hosting = 'azure' | 'local';

/**
 * Variables Azure sets on every function app and a local host does not: App Service and Premium
 * (WEBSITE_INSTANCE_ID), every plan's site (WEBSITE_SITE_NAME, WEBSITE_SKU), Flex Consumption
 * (WEBSITE_POD_NAME, LEGION_SERVICE_HOST). FUNCTIONS_WORKER_RUNTIME is not one: local.settings.json
 * sets it too; nor is CONTAINER_NAME, which build containers set.
 */
export const azureMarkers = ['WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME', 'WEBSITE_SKU', 'WEBSITE_POD_NAME', 'LEGION_SERVICE_HOST'] as const;

export interface Config {
  readonly bot: BotIdentity;
  readonly hosting: Hosting;
  /**
   * The tenants served: those set, else the bot's own. `any` only without a bot identity (local
   * use; in Azure such an app serves nobody at all); an empty list serves nobody.
   */
  readonly allowedTenantIds: readonly string[] | 'any';
  readonly storage: StorageConfig;
  readonly publicBaseUrl: string;
  /**
   * Answer everyone in this language whatever their client reports. For the Agents Playground,
   * which reports en-US for every user; unset in Teams, where each user's language is followed.
   */
  readonly forcedLocale?: Locale;
  /** The platforms an account can be on (a list, not code: POLICY.md). */
  readonly platforms: readonly string[];
  /** Platform → the hosts its account addresses are on; a platform not here takes any https address. */
  readonly platformHosts: Readonly<Record<string, readonly string[]>>;
  /** R7: the hosts of the municipality's own web; a plan's source page must be on one of them (or a subdomain). */
  readonly sourceHosts: readonly string[];
  /** R6: the municipality's template for communication planning, linked from the plan's purpose step. */
  readonly planningTemplateUrl?: string;
  /** Who registers factual criticism (diarieföring, R13): a Teams user. */
  readonly registrarAadObjectId?: string;
  /** R13: the registry's functional mailbox, which gets factual criticism as a PDF by mail (Graph sendMail). */
  readonly registryMailbox?: string;
  /** R21: where a report of bullying goes by mail when the reporter has no manager (else to the communications chief). */
  readonly hrMailbox?: string;
  /** Who is communications chief until they name someone else in "förvaltningar". */
  readonly firstCommunicationsChief?: string;
  /** The registration series, as in "SOME 2026/0001". */
  /** How the public register names who is responsible for an account. */
  readonly registerResponsible: ResponsibleShown;
  /** The intervals of the duty rules (DESIGN.md table), each a KANALKOLL_ setting. */
  readonly duties: DutySettings;
  /** How nudges are sent: Teams' rate limits, tries and waits. */
  /** GDPR: how long personal data that is no public record is kept (KANALKOLL_RETAIN_*_DAYS). */
  readonly retention: RetentionSettings;
  /**
   * R4: the municipality's decision to dispose of public records (KANALKOLL_GALLRING_DECISION and
   * KANALKOLL_GALLRING_DAYS). Unset: no public record is ever disposed of.
   */
  readonly gallring?: GallringDecision;
  readonly sending: SendingConfig;
  /** The municipal archive's Teams user, who gets each half-year snapshot (R15), and the largest PDF taken. */
  readonly archive: { readonly aadObjectId?: string; readonly maxBytes: number };
  /** Where a file sent in the chat may be downloaded from. */
  readonly fileHosts: FileHosts;
  /** Where people are synced from (Microsoft Graph, or the local stand-in); unset: no sync, the directory is loaded by hand. */
  readonly graph?: { readonly baseUrl: string; readonly clientId?: string };
  /**
   * Kanalkoll's id in the tenant's Teams app catalog: someone it has no chat with gets the app
   * installed through Graph first (proactive installation). Unset: Teams refuses to reach them until they open it.
   */
  readonly teamsAppCatalogId?: string;
  /** Where to reach people nobody's turn points at (the weekly digest): the organisation's tenant and Teams service. */
  readonly home?: { readonly tenantId: string; readonly serviceUrl: string };
}

/**
 * The hosts a file attached in the chat is downloaded from: Teams keeps it in the tenant's
 * SharePoint (`*.sharepoint.com`) and these hosts besides, each with its subdomains. `testOrigin`
 * is the local stand-in of the HTTP tests, allowed only on loopback and only without a bot identity.
 */
export interface FileHosts {
  readonly hosts: readonly string[];
  readonly testOrigin?: string;
}

export interface SendingConfig {
  readonly perConversation: number;
  readonly perApp: number;
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly inlineDelayMaxMs: number;
  readonly leaseMs: number;
  readonly timeoutMs: number;
}

export const defaultSending: SendingConfig = {
  perConversation: 7,
  perApp: 50,
  attempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 300_000,
  inlineDelayMaxMs: 5000,
  leaseMs: 120_000,
  timeoutMs: 15_000,
};

/** `inactiveDays` → KANALKOLL_INACTIVE_DAYS; with a prefix, `attempts` → KANALKOLL_SEND_ATTEMPTS. */
export const settingName = (key: string, prefix = '') => `KANALKOLL_${prefix}${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** Whole positive numbers from the environment, each with its default. */
function numbers<T extends { readonly [K in keyof T]: number }>(env: Record<string, string | undefined>, defaults: T, prefix: string, problems: string[]): T {
  const values: Record<string, number> = { ...defaults };
  for (const [key, fallback] of Object.entries<number>(defaults)) {
    const name = settingName(key, prefix);
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (Number.isInteger(value) && value > 0) values[key] = value;
    else problems.push(`${name} must be a whole number above 0 (default ${fallback})`);
  }
  return values as T;
}

// A platform with known addresses (`name=host|host`) has its account address checked against them; the others take any https address.
const defaultPlatforms =
  'Facebook=facebook.com|fb.com, Instagram=instagram.com, X=x.com|twitter.com, LinkedIn=linkedin.com, YouTube=youtube.com|youtu.be, TikTok=tiktok.com, Blogg, Annan';

/** `Instagram=instagram.com|instagr.am, Blogg` → the names, and the hosts of those that have them. */
function platformsOf(setting: string): { names: string[]; hosts: Record<string, string[]> } {
  const entries = setting.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [name = '', hosts = ''] = p.split('=').map((part) => part.trim());
    return { name, hosts: hosts.split('|').map((h) => h.trim().toLowerCase()).filter(Boolean) };
  });
  return { names: entries.map((e) => e.name), hosts: Object.fromEntries(entries.filter((e) => e.hosts.length > 0).map((e) => [e.name, e.hosts])) };
}

/** Parses the environment once; throws a ConfigError naming every wrong or missing setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = raw.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  const s = parsed.data;
  const problems: string[] = [];
  const tenants = (s.KANALKOLL_ALLOWED_TENANT_IDS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of tenants.filter((t) => !guid.test(t))) {
    problems.push(`KANALKOLL_ALLOWED_TENANT_IDS has "${t}", which is not a tenant id (GUID); separate ids with commas`);
  }
  const bot = identity(s, problems);
  const duties = numbers(env, defaultDutySettings, '', problems);
  const sending = numbers(env, defaultSending, 'SEND_', problems);
  const retention = numbers(env, defaultRetention, 'RETAIN_', problems);
  const gallring = gallringOf(s.KANALKOLL_GALLRING_DECISION, s.KANALKOLL_GALLRING_DAYS, problems);
  if (env.KANALKOLL_RETAIN_REPORT_DAYS?.trim()) {
    problems.push('KANALKOLL_RETAIN_REPORT_DAYS is no longer read: reports are public records. Name the municipality\'s gallring decision in KANALKOLL_GALLRING_DECISION and its periods in KANALKOLL_GALLRING_DAYS (bullying=730, negative=730), or remove the setting to keep them');
  }
  const accountName = s.AzureWebJobsStorage__accountName;
  if (!s.AzureWebJobsStorage && !accountName) {
    problems.push(
      'AzureWebJobsStorage is missing: set it to a storage connection string (UseDevelopmentStorage=true for Azurite), ' +
        'or set AzureWebJobsStorage__accountName (and __clientId) for a managed identity',
    );
  }
  const allowedTenantIds = tenantsServed(tenants.map((t) => t.toLowerCase()), bot, s.KANALKOLL_TENANT_ID, problems);
  if (s.KANALKOLL_HR_MAILBOX && !s.KANALKOLL_GRAPH_URL) problems.push('KANALKOLL_HR_MAILBOX needs KANALKOLL_GRAPH_URL (https://graph.microsoft.com): the mail goes through Microsoft Graph');
  if (s.KANALKOLL_TEAMS_APP_CATALOG_ID && !s.KANALKOLL_GRAPH_URL) problems.push('KANALKOLL_TEAMS_APP_CATALOG_ID needs KANALKOLL_GRAPH_URL (https://graph.microsoft.com): the app is installed through Microsoft Graph');
  if (s.KANALKOLL_REGISTRY_MAILBOX && !s.KANALKOLL_GRAPH_URL) problems.push('KANALKOLL_REGISTRY_MAILBOX needs KANALKOLL_GRAPH_URL (https://graph.microsoft.com): the mail goes through Microsoft Graph');
  const testOrigin = testFileOrigin(s.KANALKOLL_TEST_FILE_ORIGIN, bot, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    bot,
    hosting: azureMarkers.some((name) => env[name]?.trim()) ? 'azure' : 'local',
    allowedTenantIds,
    storage: s.AzureWebJobsStorage ?? { accountName: accountName ?? '', clientId: s.AzureWebJobsStorage__clientId },
    publicBaseUrl: s.KANALKOLL_PUBLIC_BASE_URL.replace(/\/$/, ''),
    forcedLocale: s.KANALKOLL_LOCALE,
    registerResponsible: s.KANALKOLL_REGISTER_RESPONSIBLE,
    registrarAadObjectId: s.KANALKOLL_REGISTRAR_AAD_OBJECT_ID,
    ...(s.KANALKOLL_REGISTRY_MAILBOX ? { registryMailbox: s.KANALKOLL_REGISTRY_MAILBOX } : {}),
    ...(s.KANALKOLL_HR_MAILBOX ? { hrMailbox: s.KANALKOLL_HR_MAILBOX } : {}),
    firstCommunicationsChief: s.KANALKOLL_COMMUNICATIONS_CHIEF_AAD_OBJECT_ID,
    platforms: platformsOf(s.KANALKOLL_PLATFORMS ?? defaultPlatforms).names,
    platformHosts: platformsOf(s.KANALKOLL_PLATFORMS ?? defaultPlatforms).hosts,
    ...(s.KANALKOLL_PLANNING_TEMPLATE_URL ? { planningTemplateUrl: s.KANALKOLL_PLANNING_TEMPLATE_URL } : {}),
    sourceHosts: (s.KANALKOLL_SOURCE_HOSTS ?? 'botkyrka.se').split(',').map((h) => h.trim().toLowerCase()),
    duties,
    sending,
    retention,
    ...(gallring ? { gallring } : {}),
    home: homeOf(s, bot),
    archive: { aadObjectId: s.KANALKOLL_ARCHIVE_AAD_OBJECT_ID, maxBytes: s.KANALKOLL_ARCHIVE_MAX_BYTES ?? 20 * 1024 * 1024 },
    fileHosts: {
      hosts: ['sharepoint.com', ...(s.KANALKOLL_FILE_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)],
      ...(testOrigin ? { testOrigin } : {}),
    },
    ...(s.KANALKOLL_GRAPH_URL ? { graph: { baseUrl: s.KANALKOLL_GRAPH_URL.replace(/\/$/, ''), clientId: s.AzureWebJobsStorage__clientId } } : {}),
    ...(s.KANALKOLL_TEAMS_APP_CATALOG_ID ? { teamsAppCatalogId: s.KANALKOLL_TEAMS_APP_CATALOG_ID.toLowerCase() } : {}),
  };
}

/**
 * R4: the gallring decision and its periods come together: a decision names what it lets go
 * (`bullying=730, negative=1095`: days after filing), and periods without a decision let nothing go.
 */
function gallringOf(reference: string | undefined, days: string | undefined, problems: string[]): GallringDecision | undefined {
  const decision = reference?.trim();
  if (!decision && !days) return undefined;
  if (!decision) {
    problems.push('KANALKOLL_GALLRING_DAYS is set without KANALKOLL_GALLRING_DECISION: name the municipality\'s gallring decision that allows it, or remove the periods');
    return undefined;
  }
  const periods: Partial<Record<DisposableReport, number>> = {};
  for (const part of (days ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind = '', value = ''] = part.split('=').map((x) => x.trim());
    const number = Number(value);
    if (!(disposableReports as readonly string[]).includes(kind) || !/^\d+$/.test(value) || number <= 0) {
      problems.push(`KANALKOLL_GALLRING_DAYS has "${part}": write ${disposableReports.map((k) => `${k}=<days>`).join(', ')}, whole days after the report was filed`);
      continue;
    }
    periods[kind as DisposableReport] = number;
  }
  if (Object.keys(periods).length === 0) problems.push('KANALKOLL_GALLRING_DECISION is set without KANALKOLL_GALLRING_DAYS: say what the decision lets go and when, such as bullying=730, negative=730');
  return { reference: decision, days: periods };
}

/**
 * With a bot identity the tenants not set fail closed: the bot's own tenant (MicrosoftAppTenantId,
 * else KANALKOLL_TENANT_ID) is served, and a multi-tenant bot with neither names its tenants.
 */
function tenantsServed(set: string[], bot: BotIdentity, homeTenant: string | undefined, problems: string[]): Config['allowedTenantIds'] {
  if (set.length > 0) return set;
  if (bot.kind === 'unauthenticated') return 'any';
  const own = bot.tenantId || homeTenant;
  if (own) return [own.toLowerCase()];
  problems.push('KANALKOLL_ALLOWED_TENANT_IDS is missing: a MultiTenant bot without MicrosoftAppTenantId must name the tenants it serves');
  return [];
}

/**
 * The HTTP tests' file stand-in: only on this machine (a loopback address), and only for a bot
 * without an identity, which no deployment runs (Bicep sets MicrosoftAppId): a setting copied to
 * Azure by mistake stops the app instead of opening the download to another host.
 */
function testFileOrigin(setting: string | undefined, bot: BotIdentity, problems: string[]): string | undefined {
  if (!setting) return undefined;
  const url = new URL(setting);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) problems.push('KANALKOLL_TEST_FILE_ORIGIN must be on this machine (127.0.0.1, localhost or [::1]): it is for the local tests only');
  if (bot.kind !== 'unauthenticated') problems.push('KANALKOLL_TEST_FILE_ORIGIN is for the local tests only and cannot be set with MicrosoftAppId: in Teams, files come from SharePoint');
  return url.origin;
}

function homeOf(s: z.infer<typeof raw>, bot: BotIdentity): Config['home'] {
  const tenantId = s.KANALKOLL_TENANT_ID ?? ('tenantId' in bot ? bot.tenantId : undefined);
  return tenantId ? { tenantId, serviceUrl: s.KANALKOLL_TEAMS_SERVICE_URL ?? 'https://smba.trafficmanager.net/teams/' } : undefined;
}

function identity(s: z.infer<typeof raw>, problems: string[]): BotIdentity {
  const { MicrosoftAppId: appId, MicrosoftAppPassword: password, MicrosoftAppTenantId: tenantId } = s;
  if (!appId) {
    if (password) problems.push('MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither for local use');
    return { kind: 'unauthenticated' };
  }
  const kind = s.MicrosoftAppType;
  const openIdMetadataUrl = s.ToBotFromChannelOpenIdMetadataUrl;
  if (kind !== 'MultiTenant' && !tenantId) {
    problems.push(`MicrosoftAppTenantId is missing: a ${kind} bot needs the tenant id of its app registration`);
  }
  if (kind === 'UserAssignedMSI') {
    if (password) problems.push('MicrosoftAppPassword must be empty with MicrosoftAppType=UserAssignedMSI: the managed identity signs in');
    return { kind, appId, openIdMetadataUrl, tenantId: tenantId ?? '' };
  }
  if (!password) problems.push(`MicrosoftAppPassword is missing: a ${kind} bot signs in with its client secret`);
  return { kind, appId, openIdMetadataUrl, password: password ?? '', tenantId };
}
