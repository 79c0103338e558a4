import { randomUUID } from 'node:crypto';
import { InvocationContext, type Timer } from '@azure/functions';
import { QueueClient } from '@azure/storage-queue';
import { DateTime } from 'luxon';
import { compose, type Kanalkoll } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { Command } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import type { Log } from '../../bot/log';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { ConversationReferences } from '../../bot/store/conversations';
import { DutySchedule } from '../../bot/store/duties';
import { Outbox } from '../../bot/store/outbox';
import { RegisterStore } from '../../bot/store/register';
import { connectQueues, type Queues } from '../../bot/store/queues';
import { connectTables, type Tables } from '../../bot/store/tables';
import { tenantId, users, type Role } from '../../dev/roles';
import { effectsSweepWith } from '../../functions/effectsSweep';
import { runEffectsWith } from '../../functions/runEffects';
import type { TestConnector } from './connector';
import { approvers, drainEffects, person, planChoices, planCommands, planDraft, startCrashStorage, type CrashStorage } from './crashWorld';
import { Crash, dyingTables, isCrash } from './dyingStorage';

/**
 * R4: nothing about an assignment may be lost. Each kind of command is run once uninterrupted (the
 * press, then the effects queue's function), and then once for every storage write the press makes
 * and once for every write its queue run makes, with the process "dying" right after that write
 * (every later storage call fails, as in a process that is gone): the crash between the press and
 * the queue run included. Then recovery runs as in Azure: the outbox timer and the effects queue
 * function, on a fresh app five minutes later; a command that had not been stored is pressed again by its user. Everything must then equal the
 * uninterrupted run: the assignment, its frozen versions, audit rows, register row, duty schedule,
 * and the cards sent and updated, with nothing missing and nothing twice.
 */

const start = DateTime.fromISO('2027-03-01T09:00', { zone }).toJSDate();
const later = new Date(start.getTime() + 5 * 60_000);
const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const meta = (role: Role) => ({ actor: person(role), now: start.toISOString() });
const decision = (role: Role, step: 'chief' | 'communicator' | 'commschief', version = 1) => ({ ...meta(role), version, step, approvers });
const draft = planDraft('Fritidsgårdarna i Botkyrka', '2027-03-01');
const choices = planChoices;

/** How to bring an assignment to where the command applies, and the command itself. */
interface Scenario {
  readonly name: string;
  readonly before: (id: string) => Command[];
  readonly command: (revision: number) => Command;
}

const started = (id: string): Command[] => planCommands(id, draft, start.toISOString()).started;
const submitted = (id: string): Command[] => planCommands(id, draft, start.toISOString()).submitted;
const active = (id: string): Command[] => planCommands(id, draft, start.toISOString()).active;

/** R6: the owner changes the approved plan's goals (version 2), to send or sent to the chief. */
const changing = (id: string): Command[] => [
  ...active(id),
  { type: 'StartChange', meta: meta('employee'), step: 'purpose' },
  { type: 'SaveStep', meta: { ...meta('employee'), revision: 6 }, step: 'purpose', answers: { ...draft.purpose, goals: ['400 följare inom ett år'] }, then: 'review' },
];
const changeSent = (id: string): Command[] => [...changing(id), { type: 'SubmitPlan', meta: { ...meta('employee'), revision: 7 }, choices }];

const scenarios = [
  { name: 'submit', before: started, command: (revision) => ({ type: 'SubmitPlan', meta: { ...meta('employee'), revision }, choices }) },
  { name: 'approve (the last step: active, registered, scheduled)', before: (id) => active(id).slice(0, -1), command: () => ({ type: 'ApprovePlan', meta: decision('commschief', 'commschief'), comment: 'Lycka till!' }) },
  { name: 'request changes', before: submitted, command: () => ({ type: 'RequestChanges', meta: decision('chief', 'chief'), comment: 'Lägg till ett mål om svarstider.' }) },
  {
    name: 'close',
    before: active,
    command: () => ({ type: 'CloseAccount', meta: { ...meta('employee'), communicator: approvers.communicator }, checklist: { finalSnapshot: { kind: 'reference', reference: 'KA 2026/99' }, closedOnPlatform: true, followersPointedToWebsite: true } }),
  },
  {
    name: 'owner change (approved by the chief)',
    before: (id) => [...active(id), { type: 'ProposeOwner', meta: meta('employee'), newOwner: person('colleague') }],
    command: () => ({ type: 'ApprovePlan', meta: decision('chief', 'chief') }),
  },
  { name: 'duty done', before: active, command: () => ({ type: 'CompleteDuty', meta: meta('employee'), duty: 'archive', period: '2027-H1', evidence: { kind: 'sentToArchive', reference: 'KA 2027/17' } }) },
  { name: 'absence', before: active, command: () => ({ type: 'RegisterAbsence', meta: meta('employee'), from: '2027-03-10', to: '2027-03-20', substitute: person('admin') }) },
  // A plan taken back (routing), the administration changed (indexes), the activity check paused (a duty).
  { name: 'withdraw', before: submitted, command: () => ({ type: 'WithdrawPlan', meta: { ...meta('employee'), version: 1 } }) },
  {
    name: 'administration changed',
    before: active,
    command: () => ({ type: 'ChangeAdministration', meta: meta('employee'), administration: { ...draft.administration, admins: [users.employee.aadObjectId, users.colleague.aadObjectId], substitute: users.colleague.aadObjectId } }),
  },
  { name: 'activity paused', before: active, command: () => ({ type: 'PauseActivity', meta: meta('employee'), until: '2027-04-15' }) },
  // R6: a change of the approved plan sent (a frozen version 2, the chief's card), and approved by the chief alone (in force, register, duties, the communicator told).
  { name: 'plan change sent', before: changing, command: (revision) => ({ type: 'SubmitPlan', meta: { ...meta('employee'), revision }, choices }) },
  { name: 'plan change approved', before: changeSent, command: () => ({ type: 'ApprovePlan', meta: decision('chief', 'chief', 2) }) },
] as const satisfies readonly Scenario[];

/** Storage that dies right after the `n`th table write once armed: that write is stored, nothing after it is, queues included. */
function dyingAfter(tables: Tables, queues: Queues, n: number) {
  let writes = 0;
  const { arm, died } = dyingTables(tables, (request) => request.method !== 'GET' && ++writes === n, { armed: false });
  const dyingQueues: Queues = {
    ensureCreated: () => queues.ensureCreated(),
    queue: <T>(name: Parameters<Queues['queue']>[0]) => {
      const queue = queues.queue<T>(name);
      return { send: (message: T, delaySeconds?: number) => (died() ? Promise.reject(new Crash('the process is gone')) : queue.send(message, delaySeconds)) };
    },
  };
  return { arm, died, queues: dyingQueues };
}

/** The scenarios by name: each test file takes some, so the slowest suite of npm test runs on two workers. */
export type ScenarioName = (typeof scenarios)[number]['name'];

/** The crash tests of the scenarios named: each as its own `R4:` test. */
export function describeCrashes(names: readonly ScenarioName[]): void {
  const chosen = scenarios.filter((s) => names.includes(s.name));
  if (chosen.length !== names.length) throw new Error(`unknown scenario among ${names.join(', ')}`);
describe('R4: a crash after any write of a command loses nothing and repeats nothing', () => {
  let world: CrashStorage;
  let connector: TestConnector;
  let storage: string;
  let stores: { assignments: AssignmentStore; audit: AuditRecords; register: RegisterStore; schedule: DutySchedule; outbox: Outbox };
  let effectsQueue: QueueClient;

  const app = (clock: Date, parts: { tables?: Tables; queues?: Queues } = {}): Kanalkoll =>
    compose({ ...loadConfig({ ...process.env, AzureWebJobsStorage: storage }), forcedLocale: 'sv' }, { log: quiet, clock: () => clock, ...parts });
  const reach = () => ({ tenantId, serviceUrl: connector.serviceUrl });

  beforeAll(async () => {
    world = await startCrashStorage();
    ({ storage, connector } = world);
    const { tables } = world;
    stores = { assignments: new AssignmentStore(tables), audit: new AuditRecords(tables), register: new RegisterStore(tables), schedule: new DutySchedule(tables), outbox: new Outbox(tables) };
    const conversations = new ConversationReferences(tables);
    for (const role of Object.keys(users) as Role[]) {
      const { aadObjectId, name } = users[role];
      await conversations.rememberUser({
        kind: 'user', tenantId, serviceUrl: connector.serviceUrl, channelId: 'msteams', bot: { id: '', name: 'Kanalkoll' }, updatedAt: start.toISOString(),
        aadObjectId, userId: `29:${aadObjectId}`, name, locale: 'sv-SE', personalConversationId: `personal-${role}`,
      });
    }
    effectsQueue = new QueueClient(storage, 'effects');
  });
  afterAll(() => world.close());

  /** The effects queue's function on `on`, until the queue is empty. */
  const settle = (on: Kanalkoll) => drainEffects(storage, on);

  /** The app that brings assignments to where a scenario starts: one for all, as it is not what is tested (a fresh one is made for each run that is). */
  let preparing: Kanalkoll | undefined;

  /** Brings a new assignment to where the scenario's command applies, its effects carried out; its revision then. */
  async function prepare(scenario: Scenario, id: string): Promise<number> {
    preparing ??= app(start);
    for (const command of scenario.before(id)) {
      const outcome = await preparing.run(command, { id, reach: reach() });
      if (!outcome.ok) throw new Error(`${scenario.name}: preparing ${command.type} was refused: ${JSON.stringify(outcome)}`);
      await settle(preparing);
    }
    return (await stores.assignments.get(id))!.value.revision;
  }

  /** Recovery as in Azure: the outbox timer, then the effects queue function until the queue is empty. How many were waiting then. */
  async function recover(): Promise<number> {
    const recovering = app(later);
    await effectsSweepWith(recovering)({ isPastDue: false } as Timer, new InvocationContext());
    const queued = (await effectsQueue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.length;
    await settle(recovering);
    return queued;
  }

  /** Everything stored and sent about the assignment since `from` (connector calls), with its id as `ID`. */
  async function snapshot(id: string, from: number) {
    const stored = (await stores.assignments.get(id))!.value;
    const cards = connector.calls.slice(from).map((c) => {
      const conversation = decodeURIComponent(c.path.split('/')[3] ?? '');
      return `${c.method} ${conversation} ${JSON.stringify(c.body.attachments)}`;
    });
    const copies = (await stores.assignments.copies(id)).map((c) => `${c.conversationId} ${c.shownRevision}`).sort();
    const text = JSON.stringify({
      stored,
      versions: await stores.assignments.versions(id),
      audit: await stores.audit.history(id),
      register: (await stores.register.all()).filter((r) => r.id === id),
      schedule: await stores.schedule.schedule(id),
      owners: (await stores.assignments.listFor(stored.applicant.aadObjectId)).some((a) => a.id === id),
      copies,
      cards: cards.sort(),
    });
    return { text: text.split(id).join('ID'), cards: cards.length, left: (await stores.outbox.pending(id)).length, markers: (await stores.outbox.markers(id)).length };
  }

  /** The effects queue's function on `app`, for the messages on the queue now (read, not taken: one that dies comes back, as after its visibility timeout). */
  async function runQueueOnce(on: Kanalkoll): Promise<void> {
    const run = runEffectsWith(on);
    const { peekedMessageItems } = await effectsQueue.peekMessages({ numberOfMessages: 32 });
    for (const message of peekedMessageItems) await run(JSON.parse(Buffer.from(message.messageText, 'base64').toString('utf8')), new InvocationContext());
  }

  /** A storage that dies after its `n`th table write, and an app on it, at `clock`. */
  async function dyingApp(n: number, clock: Date) {
    const tables = connectTables(storage);
    const dying = dyingAfter(tables, connectQueues(storage), n);
    const crashing = app(clock, { tables, queues: dying.queues });
    await crashing.ready();
    dying.arm();
    return { dying, crashing };
  }

  it.each(chosen)('R4: $name', async (scenario) => {
    const reference = randomUUID();
    const revision = await prepare(scenario, reference);
    let from = connector.calls.length;
    // The press stores the change and leaves its effects on the queue; the queue function carries them out.
    const clean = app(start);
    const uninterrupted = await clean.run(scenario.command(revision), { id: reference, reach: reach() });
    expect(uninterrupted.ok).toBe(true);
    expect((await stores.outbox.pending(reference)).length).toBeGreaterThan(0);
    await settle(clean);
    const expected = await snapshot(reference, from);
    expect(expected).toMatchObject({ left: 0, markers: 0 });

    // 1. The process dies in the press, after each of its writes: before the queue run, the message
    // may never have been sent (its process was gone), so the outbox timer alone finds the change.
    const crashes: string[] = [];
    for (let n = 1; ; n++) {
      const id = randomUUID();
      await prepare(scenario, id);
      from = connector.calls.length;
      const { dying, crashing } = await dyingApp(n, start);
      const outcome = await crashing.run(scenario.command(revision), { id, reach: reach() }).catch((error: unknown) => {
        if (!isCrash(error)) throw error;
        return undefined;
      });
      if (!dying.died()) {
        // The press made fewer than n writes: every write has had its crash.
        expect(outcome?.ok).toBe(true);
        await recover();
        break;
      }
      // Not stored before the crash: the user saw an error and presses again.
      if ((await stores.assignments.get(id))!.value.revision === revision) {
        expect((await app(later).run(scenario.command(revision), { id, reach: reach() })).ok).toBe(true);
      }
      const left = (await stores.outbox.pending(id)).length;
      const queued = await recover();
      if (left > 0) expect(queued).toBeGreaterThan(0);
      const after = await snapshot(id, from);
      crashes.push(`press ${n}:${after.cards}`);
      expect({ ...after, n }).toEqual({ ...expected, n });
    }
    // The press writes the outbox's marker and then its one transaction; the process may die after either.
    expect(crashes.length).toBe(2);

    // 2. The press is stored and its message queued; the queue function's process dies after each of its writes.
    for (let n = 1; ; n++) {
      const id = randomUUID();
      await prepare(scenario, id);
      from = connector.calls.length;
      expect((await app(start).run(scenario.command(revision), { id, reach: reach() })).ok).toBe(true);
      const { dying, crashing } = await dyingApp(n, start);
      // The queue function fails once its process is gone (the effects it could not finish stay in the outbox).
      await runQueueOnce(crashing).catch((error: unknown) => {
        if (!dying.died() && !isCrash(error)) throw error;
      });
      const died = dying.died();
      // The message comes back and the outbox timer finds what is left; both are carried out on a fresh app.
      await recover();
      const after = await snapshot(id, from);
      expect({ ...after, n }).toEqual({ ...expected, n });
      if (!died) break;
      crashes.push(`queue ${n}:${after.cards}`);
    }
    // Every change has effects that write: the register, the schedule, the cards' records.
    expect(crashes.length).toBeGreaterThanOrEqual(4);
    console.info(`${scenario.name}: ${crashes.length} crash points (the press and its queue run), each recovered to the uninterrupted run (${expected.cards} card calls)`);
  });
});
}
