import { DateTime } from 'luxon';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../bot/clock';
import type { Assignment, Command } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { defaultDutySettings, nudgeKey, nudgesBetween, type Nudge } from '../../bot/domain/duties';
import { reschedule } from '../../bot/flows/duties/schedule';
import { drainOutbox, type EffectHandlers } from '../../bot/flows/commands/outbox';
import { runCommand } from '../../bot/flows/commands/runner';
import { consoleLog } from '../../bot/log';
import { Outbox } from '../../bot/store/outbox';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { SealedAudit } from '../../bot/store/sealedAudit';
import { Blobs } from '../../bot/store/blobs';
import { ConversationReferences } from '../../bot/store/conversations';
import { DirectoryStore } from '../../bot/store/directory';
import { DutySchedule } from '../../bot/store/duties';
import { NudgeLedger } from '../../bot/store/nudges';
import { connectQueues } from '../../bot/store/queues';
import { RegisterStore } from '../../bot/store/register';
import { connectTables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { directory, tenantId, users } from '../../dev/roles';
import { startTriggers, type Triggers } from '../../dev/triggers';
import { startConnector, type TestConnector } from './connector';
import { startFunctionApp } from './functionApp';

/**
 * A world for the duty pipeline: its own Azurite (so no other test's assignments wake up here),
 * the function app from source with its timer and queue functions run by the dev host's trigger
 * runner, a test connector, and the clock moved through KANALKOLL_CLOCK_OFFSET_MS as `npm run
 * tick` does. Everything but the connector is the real thing.
 */
export interface DutyWorld {
  readonly connector: TestConnector;
  readonly stores: ReturnType<typeof storesOf>;
  readonly reach: { tenantId: string; serviceUrl: string };
  readonly triggers: Triggers;
  /** What the trigger runner logged (function failures, poison messages…). */
  readonly log: readonly string[];
  /** The bot's messaging endpoint, for a TeamsClient. */
  readonly messagesUrl: string;
  /** Stops and starts the storage emulator; with `persist` it comes back with its data. */
  readonly storage: { readonly connectionString: string; stop(): Promise<void>; start(): Promise<void> };
  /** Moves the clock to `iso` (Stockholm time unless it says otherwise). */
  setClock(iso: string): void;
  /** Runs the timer `runs` times at the current time, draining the queue after each. */
  tick(runs?: number): Promise<void>;
  /** Gives the person a personal chat with the bot at the test connector. */
  install(aadObjectId: string, name: string): Promise<void>;
  /** Stores an assignment as it is and plans its duties, as carryOut does after a change; an owner not in the directory is added, with Karim as manager. */
  seed(state: Assignment): Promise<Assignment>;
  /** Carries out a command on a stored assignment through the real lifecycle (no cards announced). */
  apply(id: string, command: (state: Assignment) => Command): Promise<Assignment>;
  close(): Promise<void>;
}

function storesOf(storage: string) {
  const tables = connectTables(storage);
  return {
    tables,
    queues: connectQueues(storage),
    assignments: new AssignmentStore(tables),
    register: new RegisterStore(tables),
    audit: new AuditRecords(tables),
    directory: new DirectoryStore(tables),
    schedule: new DutySchedule(tables),
    ledger: new NudgeLedger(tables),
    conversations: new ConversationReferences(tables),
  };
}

export async function startDutyWorld(env: Record<string, string> = {}, options: { persist?: boolean } = {}): Promise<DutyWorld> {
  const persistDir = options.persist ? mkdtempSync(path.join(os.tmpdir(), 'kanalkoll-azurite-')) : undefined;
  let azurite: Azurite | undefined = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 }, persistDir });
  const storage = azurite.connectionString;
  const port = (url: string) => Number(new URL(url).port);
  const ports = { table: port(azurite.endpoints.table), queue: port(azurite.endpoints.queue), blob: port(azurite.endpoints.blob) };
  const stores = storesOf(storage);
  await stores.tables.ensureCreated();
  await stores.queues.ensureCreated();
  await stores.directory.load(directory);
  const connector = await startConnector();
  const app = await startFunctionApp({
    AzureWebJobsStorage: storage,
    KANALKOLL_LOCALE: 'sv',
    KANALKOLL_SEND_BASE_DELAY_MS: '5',
    KANALKOLL_SEND_MAX_DELAY_MS: '40',
    KANALKOLL_SEND_TIMEOUT_MS: '1500',
    KANALKOLL_SEND_ATTEMPTS: '12',
    ...env,
  });
  const log: string[] = [];
  const triggers = startTriggers(app.registrations, storage, (line) => log.push(line), { schedule: false });
  const reach = { tenantId, serviceUrl: connector.serviceUrl };
  const scheduleDeps = { directory: stores.directory, schedule: stores.schedule, settings: defaultDutySettings, clock: systemClock };
  // The real command path; its cards are not announced here (the flow tests do that).
  const auditTrail = new SealedAudit(new Blobs(storage));
  const effects: EffectHandlers = {
    seal: async (_effect, current) => auditTrail.append(current.id, await stores.audit.history(current.id)),
    archiveRecord: async () => undefined,
    index: (effect, current) => stores.assignments.index(current.id, effect.aadObjectId, effect.as),
    indexDepartment: (effect, current) => stores.assignments.indexDepartment(current.id, effect.departmentId),
    waiting: async () => undefined,
    closeNudges: async () => undefined,
    register: (_effect, current) => stores.register.sync(current),
    schedule: (_effect, current) => reschedule(scheduleDeps, current, reach),
    refreshCopies: async () => undefined,
    announce: async () => undefined,
    remindOwner: async () => undefined,
  };
  const outboxDeps = { assignments: stores.assignments, outbox: new Outbox(stores.tables), effects, clock: systemClock, log: consoleLog };
  // The duty harness carries the effects out as the queue function would, at once, so a step of the simulated year is whole.
  const commandDeps = { assignments: stores.assignments, outbox: outboxDeps.outbox, log: consoleLog, queueEffects: async (id: string) => void (await drainOutbox(outboxDeps, id)) };
  const saved = process.env.KANALKOLL_CLOCK_OFFSET_MS;
  return {
    connector,
    stores,
    reach,
    triggers,
    log,
    messagesUrl: `${app.url}/api/messages`,
    storage: {
      connectionString: storage,
      stop: async () => {
        await azurite?.stop();
        azurite = undefined;
      },
      start: async () => {
        azurite ??= await startAzurite({ ports, persistDir });
      },
    },
    setClock: (iso) => {
      process.env.KANALKOLL_CLOCK_OFFSET_MS = String(DateTime.fromISO(iso, { zone }).toMillis() - Date.now());
    },
    tick: async (runs = 1) => {
      for (let i = 0; i < runs; i++) {
        await triggers.fireTimers();
        await triggers.drain();
      }
    },
    install: async (aadObjectId, name) => {
      await stores.conversations.rememberUser({
        kind: 'user',
        tenantId,
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        bot: { id: '', name: 'Kanalkoll' },
        updatedAt: systemClock().toISOString(),
        aadObjectId,
        userId: `29:${aadObjectId}`,
        name,
        locale: 'sv-SE',
        personalConversationId: `personal-${aadObjectId}`,
      });
    },
    seed: async (state) => {
      // Every owner is someone in Entra ID with a manager: whom their escalations go to, and who may close their account (R11).
      const { aadObjectId, name } = state.applicant;
      if (!(await stores.directory.person(aadObjectId))) await stores.directory.putPeople([{ aadObjectId, name, email: '', title: '', departmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId }]);
      await stores.assignments.create(state);
      await stores.register.sync(state);
      await reschedule(scheduleDeps, state, reach);
      return state;
    },
    apply: async (id, command) => {
      const stored = await stores.assignments.get(id);
      if (!stored) throw new Error(`no assignment ${id}`);
      const result = await runCommand(commandDeps, command(stored.value), { id, loaded: stored, reach });
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
      return result.state;
    },
    close: async () => {
      triggers.stop();
      await app.close();
      await connector.close();
      await azurite?.stop();
      if (persistDir) rmSync(persistDir, { recursive: true, force: true });
      if (saved === undefined) delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
      else process.env.KANALKOLL_CLOCK_OFFSET_MS = saved;
    },
  };
}

const next: Record<string, string | undefined> = { awaiting_chief: users.communicator.aadObjectId, awaiting_communicator: users.commschief.aadObjectId };
const approverOf: Record<string, string | undefined> = { awaiting_chief: users.chief.aadObjectId, awaiting_communicator: users.communicator.aadObjectId, awaiting_comms_chief: users.commschief.aadObjectId };

/** Who should get a nudge, worked out by hand for the seeded directory (Karim chief, Sara communicator, Johan communications chief). */
export function expectedRecipients(state: Assignment, nudge: Nudge): string[] {
  switch (nudge.audience) {
    case 'owner':
      return [state.applicant.aadObjectId];
    case 'approver':
      return [approverOf[state.status] ?? users.chief.aadObjectId];
    case 'escalation':
      return [users.chief.aadObjectId, users.communicator.aadObjectId];
    case 'commsChief':
      return [users.commschief.aadObjectId];
    case 'applicantAndNextLevel':
      return [state.applicant.aadObjectId, ...(next[state.status] ? [next[state.status] as string] : [])];
    default:
      return [];
  }
}

/** The (nudge, person) pairs due in (from, to] for these assignments as they are now: what the pipeline must deliver. */
export function expectedBetween(states: Iterable<Assignment>, from: string, to: string): string[] {
  const pairs: string[] = [];
  for (const state of states) {
    for (const nudge of nudgesBetween(state, DateTime.fromISO(from), DateTime.fromISO(to), defaultDutySettings, { communicatorAadObjectId: users.communicator.aadObjectId })) {
      for (const aad of expectedRecipients(state, nudge)) pairs.push(`${nudgeKey(nudge)}|${aad}`);
    }
  }
  return pairs;
}

/** The working days from `from` to `to` (ISO dates), each at the given local times. */
export function sweepTimes(from: string, to: string, times: readonly string[], isWorkingDay: (d: DateTime) => boolean): string[] {
  const instants: string[] = [];
  for (let d = DateTime.fromISO(from, { zone }); d <= DateTime.fromISO(to, { zone }); d = d.plus({ days: 1 })) {
    if (!isWorkingDay(d)) continue;
    for (const time of times) instants.push(DateTime.fromISO(`${d.toISODate()}T${time}`, { zone }).toISO() ?? '');
  }
  return instants;
}
