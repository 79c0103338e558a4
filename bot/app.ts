// Longer than most files: the composition root wires every store, sender, flow and trigger once, and that wiring is its one reason to change.
import { systemClock } from './clock';
import { loadConfig, type Config } from './config';
import { checkStorage, healthOf, storageDown, type Health } from './health';
import { cachedProbe, checkSettings, notReadyReasons, type SettingsReport } from './settings';
import { connectGraphProbe } from './graph/probe';
import { consoleLog, type Log } from './log';
import { randomUUID } from 'node:crypto';
import { effectHandlers } from './flows/commands/effectHandlers';
import { drainOutbox, strayOutboxes } from './flows/commands/outbox';
import { runCommand, type Outcome, type RunOptions } from './flows/commands/runner';
import type { FlowDeps } from './flows/deps';
import { followDirectory } from './flows/organisation/followDirectory';
import { tellAboutNewDepartments } from './flows/organisation/departments';
import { syncDirectory, type SyncReport } from './flows/organisation/sync';
import { connectMail } from './graph/mail';
import { connectTeamsApps } from './graph/teamsApps';
import { connectPeople } from './graph/users';
import type { Command } from './domain/assignment';
import type { PageFilters } from './flows/register/page';
import { publishStatement, RegisterPublisher, type Published, type RegisterFormat } from './flows/register/publish';
import { deliverNudge } from './flows/duties/deliver';
import { sendDigests } from './flows/duties/digest';
import { sweep, type NudgeMessage, type SweepReport } from './flows/duties/schedule';
import { ProactiveSender } from './notify/proactive';
import { Throttle } from './notify/throttle';
import { SharedSendBudget } from './store/sendBudget';
import { ArchiveStore } from './store/archive';
import { SealedAudit } from './store/sealedAudit';
import { Blobs } from './store/blobs';
import { Exports } from './store/exports';
import { sendChiefUpdates } from './flows/report/chiefUpdates';
import { HeldUploads } from './store/heldUploads';
import { remindRegistrar } from './flows/report/registrar';
import { sweepRetention, type RetentionReport } from './flows/retention/sweep';
import { DutySchedule } from './store/duties';
import { NudgeLedger } from './store/nudges';
import { connectQueues, type Queues } from './store/queues';
import { RegisterStore } from './store/register';
import { ReportStore } from './store/reports';
import { FigureStore } from './store/figures';
import { countFiguresOnceADay } from './flows/shared/countFigures';
import { AssignmentStore } from './store/assignments';
import { AuditRecords } from './store/auditRecords';
import { Outbox } from './store/outbox';
import { ConversationReferences } from './store/conversations';
import { DirectoryStore } from './store/directory';
import { connectTables, type Tables } from './store/tables';
import { createAdapter } from './teams/adapter';
import { KanalkollBot } from './teams/bot';
import { unservedReason } from './teams/front';
import { serveActivity, type PlainRequest, type PlainResponse } from './teams/httpBridge';
import { routes } from './teams/routing';
import { tenantFilter } from './teams/tenantFilter';

/** The composed application: what the Functions triggers call. */
export interface Kanalkoll {
  readonly config: Config;
  readonly tables: Tables;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly assignments: AssignmentStore;
  readonly audit: AuditRecords;
  readonly queues: Queues;
  readonly schedule: DutySchedule;
  readonly ledger: NudgeLedger;
  /** The half-year snapshots (R15), served to the archive by their unguessable name. */
  readonly archive: ArchiveStore;
  /** Resolves once storage is prepared; a failed attempt is retried by the next caller. */
  ready(): Promise<void>;
  handleActivity(request: PlainRequest, invocationId: string): Promise<PlainResponse>;
  /** The public register of official accounts in a format, honouring If-None-Match. */
  publishRegister(format: RegisterFormat, ifNoneMatch: string | null, filters?: PageFilters): Promise<Published>;
  /** The public register's accessibility statement (lag 2018:1937), honouring If-None-Match. */
  publishStatement(ifNoneMatch: string | null): Published;
  health(): Promise<Health>;
  /** The duty timer: puts the nudges due now on the queue. */
  sweepDuties(options?: { isPastDue?: boolean }): Promise<SweepReport>;
  /** The nudge queue's function: sends one nudge. */
  deliverNudge(message: NudgeMessage): Promise<void>;
  /** The weekly digest's timer (R16): sends this week's digests if it is time and they have not gone. */
  sendDigests(): Promise<{ sent: number }>;
  /** The overview's counting timer (R16): each department's figures of the week, kept as small rows, once a Stockholm day (0 departments: counted today already). */
  countFigures(): Promise<{ departments: number }>;
  /** The retention timer (GDPR): removes or anonymises the personal data whose time is up. */
  sweepRetention(): Promise<RetentionReport>;
  /** The registrar's timer (R13): criticism waiting for its diary number for 2 working days is sent again. */
  remindRegistrar(): Promise<{ reminded: number }>;
  /** The chiefs' timer (R16): once a month, each chief whose department had criticism or negative material reported hears how much. */
  sendChiefUpdates(): Promise<{ sent: number }>;
  /** Carries out a command on an assignment, as a card button does (the seam below HTTP). */
  run(command: Command, options: RunOptions): Promise<Outcome>;
  /** The effects queue's function: carries out what waits in an assignment's outbox; how many are left. */
  runEffects(assignmentId: string): Promise<{ left: number }>;
  /** The outbox timer: puts every assignment whose outbox nobody finished on the effects queue. */
  sweepEffects(): Promise<{ queued: number }>;
  /** The directory timer: one round of the users delta query from Graph; undefined when no Graph is configured. */
  syncDirectory(): Promise<SyncReport | undefined>;
}

/** What a test or another host may put in place of what `compose` would build from the configuration. */
export interface Parts {
  readonly log?: Log;
  readonly clock?: () => Date;
  readonly tables?: Tables;
  readonly queues?: Queues;
}

/** A message on the `effects` queue: an assignment whose outbox has work left. */
export interface EffectsMessage {
  readonly assignmentId: string;
}

export function compose(config: Config, parts: Parts = {}): Kanalkoll {
  const { log = consoleLog, clock = systemClock } = parts;
  const tables = parts.tables ?? connectTables(config.storage);
  const conversations = new ConversationReferences(tables);
  const directory = new DirectoryStore(tables);
  const adapter = createAdapter(config.bot, log, config.forcedLocale);
  adapter.use(tenantFilter(config.allowedTenantIds, log));
  // In Azure without a bot identity /api/messages refuses everyone (functions/messages.ts), and health says why.
  const unserved = unservedReason(config);
  if (unserved) log.error('bot_identity_missing', { message: unserved });
  const assignments = new AssignmentStore(tables);
  const blobs = new Blobs(config.storage);
  const auditTrail = new SealedAudit(blobs);
  const audit = new AuditRecords(tables, auditTrail);
  const outbox = new Outbox(tables);
  const botAppId = config.bot.kind === 'unauthenticated' ? '' : config.bot.appId;
  const { sending } = config;
  // Every instance of the app sends from one budget of Teams' limits, kept in Table storage.
  const throttle = new Throttle({ perConversation: sending.perConversation, perApp: sending.perApp, windowMs: 1000 }, new SharedSendBudget(tables));
  // Someone Kanalkoll has no chat with gets the app installed through Graph, when the catalog id is set.
  const installer = config.graph && config.teamsAppCatalogId ? connectTeamsApps(config.graph, config.teamsAppCatalogId) : undefined;
  const messenger = new ProactiveSender(adapter, botAppId, conversations, log, throttle, { installer });
  // Nudges retry on their own terms (deliver.ts), so their connector client does not retry too.
  const nudgeAdapter = createAdapter(config.bot, log, config.forcedLocale, { connectorRetries: false });
  const nudgeSender = new ProactiveSender(nudgeAdapter, botAppId, conversations, log, throttle, { timeoutMs: sending.timeoutMs, installer });
  const register = new RegisterStore(tables, clock);
  const queues = parts.queues ?? connectQueues(config.storage);
  const queue = queues.queue<NudgeMessage>('nudges');
  const schedule = new DutySchedule(tables);
  const ledger = new NudgeLedger(tables);
  const effectsQueue = queues.queue<EffectsMessage>('effects');
  const archive = new ArchiveStore(blobs);
  const reports = new ReportStore(tables);
  const figures = new FigureStore(tables);
  const dutyDeps = { assignments, directory, schedule, queue, ledger, settings: config.duties, clock, log };
  const deliverDeps = { ...dutyDeps, conversations, sender: nudgeSender, retry: sending, forcedLocale: config.forcedLocale };
  const cardDeps = { assignments, audit, outbox, directory, conversations, messenger, platforms: config.platforms, platformHosts: config.platformHosts, sourceHosts: config.sourceHosts, planningTemplateUrl: config.planningTemplateUrl, forcedLocale: config.forcedLocale, clock, dutySettings: config.duties };
  const recordDeps = { assignments, audit, directory, reports, archive, platforms: config.platforms, clock, log, registrarAadObjectId: config.registrarAadObjectId, archiveAadObjectId: config.archive.aadObjectId };
  const effects = effectHandlers({ cards: { ...cardDeps, ledger }, records: recordDeps, duties: dutyDeps, register, auditTrail });
  const outboxDeps = { assignments, outbox, effects, clock, log };
  /**
   * The press answers at once: its effects go to the effects queue (functions/runEffects.ts), and
   * reach people within the queue's polling interval (host.json). Should the message not be sent,
   * the outbox sweep finds the marker and queues it.
   */
  const queueEffects = async (assignmentId: string) => {
    await effectsQueue.send({ assignmentId }).catch((error: unknown) => log.warn('effects_not_queued', { assignmentId, error: error instanceof Error ? error.message : String(error) }));
  };
  const run = (command: Command, options: RunOptions) => runCommand({ assignments, outbox, queueEffects, log }, command, options);
  // One Graph client sends every mailbox's mail (the registry's, HR's).
  const mailer = config.graph ? connectMail(config.graph) : undefined;
  const flows: FlowDeps = {
    ...cardDeps,
    ledger,
    run,
    log,
    newId: randomUUID,
    register,
    reports,
    figures,
    archive,
    exports: new Exports(blobs),
    heldUploads: new HeldUploads(blobs),
    registrarAadObjectId: config.registrarAadObjectId,
    ...(config.registryMailbox && mailer ? { registry: { mailbox: config.registryMailbox, mailer } } : {}),
    ...(config.hrMailbox && mailer ? { hr: { mailbox: config.hrMailbox, mailer } } : {}),
    archiveAadObjectId: config.archive.aadObjectId,
    maxBytes: config.archive.maxBytes,
    fileHosts: config.fileHosts,
    publicBaseUrl: config.publicBaseUrl,
    registerResponsible: config.registerResponsible,
  };
  const people = config.graph && connectPeople(config.graph);
  const publisher = new RegisterPublisher({ register, directory, registerResponsible: config.registerResponsible, publicBaseUrl: config.publicBaseUrl, clock });
  /**
   * Turns rely on the directory (who is a chief, who works here now): until the first sync round is
   * stored and followed up (a stored fact, so also a fresh instance after a deployment knows it) they
   * are answered "Kanalkoll startar". Without Graph there is no sync: the directory is loaded by hand.
   * Once in place it stays so, and this process stops asking.
   */
  let inPlace = !people;
  const directoryInPlace = async () => (inPlace ||= await directory.inPlace());
  const bot = new KanalkollBot({ conversations, clock, forcedLocale: config.forcedLocale, routes: routes(flows), directoryInPlace });
  const graphProbe = config.graph && cachedProbe(connectGraphProbe(config.graph), clock);
  const settingsNow = async (): Promise<{ settings: SettingsReport; inPlace: boolean }> => {
    const ready = await directoryInPlace();
    return { settings: await checkSettings({ config, directory, log, ...(graphProbe ? { graphProbe } : {}) }, ready), inPlace: ready };
  };
  // Said once at start: each setting's state, and in production what keeps the app from being ready.
  const reportSettings = async () => {
    const { settings } = await settingsNow();
    const notReady = notReadyReasons(settings, config.hosting);
    const fields = { hosting: config.hosting, ...settings, ...(notReady.length > 0 ? { notReady: notReady.join('; ') } : {}) };
    if (notReady.length > 0) log.error('settings', fields);
    else if (Object.values(settings).some((state) => state !== 'ok')) log.warn('settings', fields);
    else log.info('settings', fields);
  };

  let prepared: Promise<void> | undefined;
  const ready = () => {
    prepared ??= Promise.all([tables.ensureCreated(), queues.ensureCreated()])
      // The first communications chief comes from the settings; after that, from "förvaltningar" in Teams.
      .then(() => (config.firstCommunicationsChief ? directory.firstCommunicationsChief(config.firstCommunicationsChief) : undefined))
      // The register card's counts exist before any turn reads them.
      .then(() => register.prepare())
      .then(reportSettings)
      .catch((error: unknown) => {
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
    queues,
    schedule,
    ledger,
    archive,
    ready,
    sweepDuties: async (options) => {
      await ready();
      return sweep(dutyDeps, options);
    },
    deliverNudge: async (message) => {
      await ready();
      return deliverNudge(deliverDeps, message);
    },
    sendDigests: async () => {
      await ready();
      if (!config.home) {
        log.warn('digest_without_tenant', { message: 'Set KANALKOLL_TENANT_ID (or MicrosoftAppTenantId) for the weekly digest to be sent.' });
        return { sent: 0 };
      }
      return sendDigests({ ...deliverDeps, reports: flows.reports, figures, reach: config.home });
    },
    countFigures: async () => {
      await ready();
      return { departments: await countFiguresOnceADay({ assignments, directory, reports, figures, settings: config.duties, clock, log }) };
    },
    sweepRetention: async () => {
      await ready();
      return sweepRetention({ ...flows, retention: config.retention, ...(config.gallring ? { gallring: config.gallring } : {}), ...(config.home ? { home: config.home } : {}) });
    },
    remindRegistrar: async () => {
      await ready();
      if (!config.home) return { reminded: 0 };
      return remindRegistrar(flows, config.home);
    },
    sendChiefUpdates: async () => {
      await ready();
      if (!config.home) return { sent: 0 };
      return sendChiefUpdates({ ...deliverDeps, reports, reach: config.home });
    },
    run: async (command, options) => {
      await ready();
      return run(command, options);
    },
    runEffects: async (assignmentId) => {
      await ready();
      return drainOutbox(outboxDeps, assignmentId);
    },
    syncDirectory: async () => {
      if (!people) return undefined;
      await ready();
      // A "förvaltningar" save that stopped half-way is finished, whoever comes first: this timer or the next save.
      await directory.finishSaving();
      const follow = () => followDirectory({ assignments, directory, run, reach: config.home, clock, log });
      // Leavers an earlier round noted and did not finish are followed up first, whatever this round does.
      if ((await directory.pendingFollowUps()).length > 0) await follow();
      const report = await syncDirectory({ people, directory, clock, log });
      // What the round means for assignments: leavers' accounts and plans, approvals that move on.
      await follow();
      // The round is stored and followed up: from now on turns may rely on the directory.
      await directory.markInPlace(clock().toISOString(), 'sync');
      if (config.home) await tellAboutNewDepartments(flows, config.home, report.newDepartments);
      return report;
    },
    sweepEffects: async () => {
      await ready();
      const stray = await strayOutboxes(outboxDeps);
      for (const assignmentId of stray) await effectsQueue.send({ assignmentId });
      if (stray.length > 0) log.warn('effects_stray', { queued: stray.length });
      return { queued: stray.length };
    },
    health: async (): Promise<Health> => {
      if (unserved) return { status: 'unavailable', reason: unserved };
      if (!(await checkStorage(tables, log))) return storageDown;
      try {
        await ready();
        const { settings, inPlace: synced } = await settingsNow();
        return healthOf(settings, synced ? 'in place' : 'waiting for the first sync', notReadyReasons(settings, config.hosting));
      } catch (error) {
        log.warn('health_storage_unavailable', { error: error instanceof Error ? error.message : String(error) });
        return storageDown;
      }
    },
    publishRegister: async (format, ifNoneMatch, filters) => {
      await ready();
      return publisher.publish(format, ifNoneMatch, filters);
    },
    publishStatement,
    handleActivity: async (request, invocationId) => {
      await ready();
      return serveActivity(adapter, bot, log, request, invocationId);
    },
  };
}

let instance: Kanalkoll | undefined;

/** The application, built once per process from the environment, on first use. */
export const kanalkoll = (): Kanalkoll => (instance ??= compose(loadConfig()));
