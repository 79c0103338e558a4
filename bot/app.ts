import type { TurnContext } from 'botbuilder';
import { loadConfig, type Config } from './config';
import { checkHealth, type Health } from './health';
import { consoleLog, type Log } from './log';
import { randomUUID } from 'node:crypto';
import { announcer } from './flows/approval/announce';
import type { PageFilters } from './flows/register/page';
import { publishRegister, type Published, type RegisterFormat } from './flows/register/publish';
import { ProactiveSender } from './notify/proactive';
import { RegisterStore } from './store/register';
import { ReportStore } from './store/reports';
import { AssignmentStore } from './store/assignments';
import { AuditLog } from './store/audit';
import { ConversationReferences } from './store/conversations';
import { DirectoryStore } from './store/directory';
import { connectTables, type Tables } from './store/tables';
import { createAdapter, invocationIdKey } from './teams/adapter';
import { KanalkollBot } from './teams/bot';
import { processActivity, type PlainRequest, type PlainResponse } from './teams/httpBridge';
import { routes } from './teams/routing';
import { tenantFilter } from './teams/tenantFilter';

/** The composed application: what the Functions triggers call. */
export interface Kanalkoll {
  readonly config: Config;
  readonly tables: Tables;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly assignments: AssignmentStore;
  readonly audit: AuditLog;
  /** Resolves once storage is prepared; a failed attempt is retried by the next caller. */
  ready(): Promise<void>;
  handleActivity(request: PlainRequest, invocationId: string): Promise<PlainResponse>;
  /** The public register of official accounts in a format, honouring If-None-Match. */
  publishRegister(format: RegisterFormat, ifNoneMatch: string | null, filters?: PageFilters): Promise<Published>;
  health(): Promise<Health>;
}

export function compose(config: Config, log: Log = consoleLog, clock: () => Date = () => new Date()): Kanalkoll {
  const tables = connectTables(config.storage);
  const conversations = new ConversationReferences(tables);
  const directory = new DirectoryStore(tables);
  const adapter = createAdapter(config.bot, log, config.forcedLocale);
  adapter.use(tenantFilter(config.allowedTenantIds, log));
  const assignments = new AssignmentStore(tables);
  const audit = new AuditLog(tables);
  const botAppId = config.bot.kind === 'unauthenticated' ? '' : config.bot.appId;
  const messenger = new ProactiveSender(adapter, botAppId, conversations, log);
  const register = new RegisterStore(tables);
  const shared = { assignments, audit, register, directory, conversations, messenger, platforms: config.platforms, forcedLocale: config.forcedLocale };
  const publishing = { register, directory, registerResponsible: config.registerResponsible, publicBaseUrl: config.publicBaseUrl };
  const reporting = { reports: new ReportStore(tables), registrarAadObjectId: config.registrarAadObjectId, diarySeries: config.diarySeries };
  const flows = { ...shared, ...publishing, ...reporting, clock, newId: randomUUID, announce: announcer(shared) };
  const bot = new KanalkollBot({ conversations, clock, forcedLocale: config.forcedLocale, routes: routes(flows) });

  let prepared: Promise<void> | undefined;
  const ready = () => {
    prepared ??= tables.ensureCreated().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  };

  return {
    config,
    tables,
    directory,
    conversations,
    assignments,
    audit,
    ready,
    health: () => checkHealth(tables),
    publishRegister: async (format, ifNoneMatch, filters) => {
      await ready();
      return publishRegister(publishing, format, ifNoneMatch, filters);
    },
    handleActivity: async (request, invocationId) => {
      await ready();
      return processActivity(adapter, request, (context: TurnContext) => {
        context.turnState.set(invocationIdKey, invocationId);
        // One line per activity, without what anyone wrote: enough to follow a turn in Application Insights.
        const { id, type, name, channelData } = context.activity;
        log.info('activity', { invocationId, activityId: id, activityType: type, name, tenantId: channelData?.tenant?.id });
        return bot.run(context);
      });
    },
  };
}

let instance: Kanalkoll | undefined;

/** The application, built once per process from the environment, on first use. */
export const kanalkoll = (): Kanalkoll => (instance ??= compose(loadConfig()));
