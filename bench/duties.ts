import { odata } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { fork } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import { evolve, type Assignment, type Event } from '../bot/domain/assignment';
import { zone } from '../bot/domain/calendar';
import { defaultDutySettings, nudgesBetween } from '../bot/domain/duties';
import { sweep, type NudgeMessage } from '../bot/flows/duties/schedule';
import { eachLimited } from '../bot/eachLimited';
import { consoleLog, type Log } from '../bot/log';
import { AssignmentStore } from '../bot/store/assignments';
import { ConversationReferences } from '../bot/store/conversations';
import { DirectoryStore } from '../bot/store/directory';
import { DutySchedule } from '../bot/store/duties';
import { NudgeLedger } from '../bot/store/nudges';
import { connectQueues } from '../bot/store/queues';
import { connectTables } from '../bot/store/tables';
import { startAzuriteProcess } from '../dev/azuriteProcess';
import { directory, tenantId } from '../dev/roles';
import { accountPlan, eventsTo } from '../test/support/seed';
import { startConnector } from '../test/support/connector';
import { count, times, yesNo, type Part } from './report';
import { countStorage, storagePorts, type StorageCounts } from './storageCount';

/**
 * The duty engine's figures in `npm run bench`, each against a floor measured in the same run.
 * 1. The sweep over N active assignments with 1 % due: entities read against due wake-ups (goal
 *    ≤ 2×), and its time against its I/O floor: a raw query of the due rows, then enqueueing the
 *    same messages with the same client (goal ≤ 1.5×).
 * 2. The send rate of M nudges through the real queue function, in a process of its own
 *    (bench/sendWorker.ts), to a connector enforcing Teams' limits (7/s per conversation, 50/s per
 *    app): achieved against allowed (goal ≥ 90 %), sends answered 429, lost and duplicated, and
 *    the storage transactions per delivered nudge (goal ≤ 5).
 * 3. The same through several such processes on one queue, sharing Teams' budget
 *    (bot/store/sendBudget.ts): together ≥ 90 % of 50/s, ≤ 1 % answered 429.
 */
const quiet: Log = { info: () => undefined, warn: () => undefined, error: consoleLog.error };
const now = DateTime.fromISO('2027-01-04T08:05', { zone });
const reach = { tenantId, serviceUrl: 'http://localhost/' };

const activeAt = (id: string, owner: string, at: string): Assignment => {
  const events: Event[] = eventsTo(id, accountPlan({ platform: 'Instagram', accountName: id }), 'active', at).map((e) =>
    e.type === 'PlanStarted' ? { ...e, applicant: { aadObjectId: owner, name: owner } } : e,
  );
  return events.reduce<Assignment | undefined>(evolve, undefined) as Assignment;
};

async function sweepBench(count: number) {
  const azurite = await startAzuriteProcess({ ports: { table: 0, queue: 0, blob: 0 } });
  try {
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    const queues = connectQueues(azurite.connectionString);
    await queues.ensureCreated();
    const directoryStore = new DirectoryStore(tables);
    await directoryStore.load(directory);
    const assignments = new AssignmentStore(tables);
    const schedule = new DutySchedule(tables);
    const due = Math.round(count / 100);
    // 1 % wake up now (their archive snapshot and activity check fall due this morning); the rest
    // later this month and over the year, so the sweep's partition holds far more than is due.
    // Every one has its wake-up row and schedule; only the due ones' assignment entities are
    // written, since the sweep reads no other (it is what is measured), and Azurite writes ~1,500/s.
    const states = Array.from({ length: count }, (_, i) => activeAt(`a${i}`, `owner-${i}`, '2026-11-02T10:00:00+01:00'));
    const started = performance.now();
    process.stdout.write(`Seeding ${count} schedules in Azurite…\n`);
    await eachLimited(states.slice(0, due), 32, async (s) => void (await assignments.create(s)));
    const from = now.minus({ days: 1 }).toUTC().toISO() ?? '';
    await schedule.addMany(
      states.map((s, i) => ({
        assignmentId: s.id,
        wakeAt: (i < due ? now.minus({ minutes: 5 }) : now.plus({ hours: 1 + (i % 700) * 12 })).toUTC().toISO() ?? '',
        from,
        revision: s.revision,
        reach,
      })),
    );
    const seedMs = performance.now() - started;

    // The floor: the raw range queries of the due rows, nothing else.
    const table = tables.client('duties');
    const month = now.toUTC().toFormat('yyyy-MM');
    let rawRows = 0;
    const rawStart = performance.now();
    for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${`due_${month}`} and RowKey le ${`${now.toUTC().toISO()}~`}` } })) rawRows += row ? 1 : 0;
    const rawMs = performance.now() - rawStart;

    await schedule.markSwept(from);
    let cards = 0;
    const sent: NudgeMessage[] = [];
    const nudges = queues.queue<NudgeMessage>('nudges');
    const queue = { send: async (message: NudgeMessage) => void (await nudges.send(message), sent.push(message), cards++) };
    const storage = countStorage(storagePorts(azurite.connectionString));
    const sweepStart = performance.now();
    const report = await sweep({ assignments, directory: directoryStore, schedule, queue, ledger: new NudgeLedger(tables), settings: defaultDutySettings, clock: () => now.toJSDate(), log: quiet });
    const sweepMs = performance.now() - sweepStart;
    const sweepStorage = storage.snapshot();
    storage.stop();

    // The rest of the floor: the same messages enqueued again with the same client, as many at once as the sweep sends.
    const enqueueStart = performance.now();
    await eachLimited(sent, 16, (message) => nudges.send(message));
    const enqueueMs = performance.now() - enqueueStart;
    const floorMs = rawMs + enqueueMs;
    const expectedNudges = states.slice(0, due).reduce((n, s) => n + nudgesBetween(s, DateTime.fromISO(from), now).length, 0);
    return {
      assignments: count, due: report.due, rawRows, read: report.read, readPerDue: report.read / report.due, enqueued: report.enqueued, cards, expectedNudges,
      rawMs, enqueueMs, floorMs, sweepMs, sweepPerFloor: sweepMs / floorMs, seedMs,
      storage: { reads: sweepStorage.reads, writes: sweepStorage.writes, byOperation: sweepStorage.byOperation },
    };
  } finally {
    await azurite.stop();
  }
}

/** One queue-function process of bench/sendWorker.ts, started on the given environment. */
function startWorker(env: NodeJS.ProcessEnv) {
  const child = fork(path.join(__dirname, 'sendWorker.js'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`a send worker stopped (${code}) before it was ready`)));
  });
  const stopped = new Promise<{ handled: number; storage: StorageCounts }>((resolve, reject) => {
    child.on('message', (message) => {
      if (typeof message === 'object' && message) resolve(message as { handled: number; storage: StorageCounts });
    });
    child.once('exit', (code) => reject(new Error(`a send worker stopped (${code}) without its figures`)));
  });
  return { ready, stop: () => (child.send('stop'), stopped) };
}

/**
 * The queue alone, as full as the send part's: `count` messages of the same size on a queue of their
 * own, then the first `sample` of them received and deleted as the host does (batches of 16, up to
 * 24 in hand), with no work in between: the most any sender could get through this storage. Azurite
 * finds a message by scanning its queue, so this floor falls as the queue grows (Azure's does not).
 */
async function queueFloor(connectionString: string, messages: readonly NudgeMessage[], sample: number): Promise<{ perSecond: number; queued: number; sample: number }> {
  const floor = new QueueClient(connectionString, 'floor');
  await floor.createIfNotExists();
  try {
    await eachLimited(messages, 64, (m) => floor.sendMessage(Buffer.from(JSON.stringify(m), 'utf8').toString('base64')));
    let taken = 0;
    const inHand = new Set<Promise<unknown>>();
    const started = performance.now();
    while (taken < sample) {
      if (inHand.size > 8) {
        await Promise.race(inHand);
        continue;
      }
      const { receivedMessageItems: batch } = await floor.receiveMessages({ numberOfMessages: Math.min(16, sample - taken), visibilityTimeout: 30 });
      if (batch.length === 0) break;
      taken += batch.length;
      for (const m of batch) {
        const deleting: Promise<unknown> = floor.deleteMessage(m.messageId, m.popReceipt).finally(() => inHand.delete(deleting));
        inHand.add(deleting);
      }
    }
    await Promise.all(inHand);
    return { perSecond: taken / ((performance.now() - started) / 1000), queued: messages.length, sample: taken };
  } finally {
    await floor.delete();
  }
}

/**
 * `count` nudges (five cards for each owner, one nudge a card) through `instances` queue-function
 * processes on one queue, to a connector enforcing Teams' limits; the rate is taken from the
 * first send to the last one.
 */
async function sendBench(count: number, instances: number) {
  const azurite = await startAzuriteProcess({ ports: { table: 0, queue: 0, blob: 0 } });
  const connector = await startConnector();
  try {
    const limits = { perConversation: 7, perApp: 50, windowMs: 1000, retryAfterSeconds: 1 };
    connector.limit(limits);
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    const queues = connectQueues(azurite.connectionString);
    await queues.ensureCreated();
    await new DirectoryStore(tables).load(directory);
    const assignments = new AssignmentStore(tables);
    const conversations = new ConversationReferences(tables);
    // Owners with 5 nudges each: the per-conversation limit matters as well as the app's.
    const people = Math.ceil(count / 5);
    const states = Array.from({ length: people }, (_, i) => activeAt(`s${i}`, `person-${i}`, '2026-11-02T10:00:00+01:00'));
    await eachLimited(states, 64, async (s) => {
      await assignments.create(s);
      await conversations.rememberUser({
        kind: 'user', tenantId, serviceUrl: connector.serviceUrl, channelId: 'msteams', bot: { id: '', name: 'Kanalkoll' }, updatedAt: now.toISO() ?? '',
        aadObjectId: s.applicant.aadObjectId, userId: `29:${s.applicant.aadObjectId}`, name: s.applicant.name, personalConversationId: `personal-${s.applicant.aadObjectId}`,
      });
    });
    // Every level of a year of archive snapshots and evaluations for each owner: real nudges, each still due.
    const messages: NudgeMessage[] = states.flatMap((s) =>
      nudgesBetween(s, DateTime.fromISO('2026-11-02'), now.plus({ days: 400 }))
        .filter((n) => n.audience === 'owner')
        .slice(0, 5)
        // One nudge a card, as if each fell due at its own sweep: five cards per owner.
        .map((nudge) => ({ person: s.applicant.aadObjectId, nudges: [nudge], reach: { tenantId, serviceUrl: connector.serviceUrl }, attempt: 1 })),
    ).slice(0, count);
    const queue = queues.queue<NudgeMessage>('nudges');
    const queueAlone = await queueFloor(azurite.connectionString, messages, Math.min(2000, messages.length));
    await eachLimited(messages, 64, (m) => queue.send(m));

    const env = { AzureWebJobsStorage: azurite.connectionString, KANALKOLL_LOCALE: 'sv', KANALKOLL_CLOCK_OFFSET_MS: String(now.plus({ days: 400 }).toMillis() - Date.now()) };
    const workers = Array.from({ length: instances }, () => startWorker(env));
    await Promise.all(workers.map((w) => w.ready));
    // Done when every message has been sent once and the queue has been empty for a while (nothing put back for a retry).
    const queueClient = new QueueClient(azurite.connectionString, 'nudges');
    let first = 0;
    let last = 0;
    let seen = 0;
    let quietSince = performance.now();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const delivered = connector.sent().length;
      if (delivered > seen) {
        if (seen === 0) first = performance.now();
        last = performance.now();
        seen = delivered;
        quietSince = last;
      }
      if (performance.now() - quietSince < 5000) continue;
      if ((await queueClient.getProperties()).approximateMessagesCount === 0) break;
      quietSince = performance.now();
    }
    const figures = await Promise.all(workers.map((w) => w.stop()));
    const storage = figures.map((f) => f.storage);
    const byOperation: Record<string, number> = {};
    for (const s of storage) for (const [operation, n] of Object.entries(s.byOperation)) byOperation[operation] = (byOperation[operation] ?? 0) + n;
    const seconds = (last - first) / 1000;
    const ledger = new NudgeLedger(tables);
    const records = (await Promise.all(states.map((s) => ledger.recordsOf(s.id)))).flat();
    const delivered = connector.sent().length;
    const sent = records.filter((r) => r.state === 'sent').length;
    const transactions = storage.reduce((n, s) => n + s.total, 0);
    return {
      nudges: messages.length,
      people,
      instances,
      seconds,
      ratePerSecond: delivered / seconds,
      allowedPerSecond: limits.perApp,
      rateOfAllowed: delivered / seconds / limits.perApp,
      delivered,
      lost: messages.length - sent,
      duplicated: delivered - sent,
      refusedOverLimit: connector.trouble.overLimit,
      sendsRefused: connector.trouble.overLimit / (delivered + connector.trouble.overLimit),
      storagePerNudge: transactions / delivered,
      queueAlone,
      storageByOperationPerNudge: Object.fromEntries(Object.entries(byOperation).map(([operation, n]) => [operation, Number((n / delivered).toFixed(3))])),
    };
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

type SweepFigures = Awaited<ReturnType<typeof sweepBench>>;
type SendFigures = Awaited<ReturnType<typeof sendBench>>;

export const sweepPart: Part<SweepFigures> = {
  name: 'sweep',
  file: 'duties.json',
  key: 'sweep',
  run: (options) => sweepBench(options.assignments),
  rows: (f) => [
    { measure: `sweep over ${count(f.assignments)} active assignments: entities read per due wake-up`, figure: count(f.read), floor: `${count(f.due)} due`, ratio: times(f.readPerDue), goal: '≤ 2×', met: yesNo(f.readPerDue <= 2) },
    { measure: 'sweep: nudges queued / expected', figure: count(f.enqueued), floor: `${count(f.expectedNudges)} expected`, ratio: times(f.enqueued / f.expectedNudges), goal: 'all (1×)', met: yesNo(f.enqueued === f.expectedNudges) },
    ...(f.storage
      ? [
          {
            measure: `sweep: all storage requests per due wake-up (${Object.entries(f.storage.byOperation).map(([operation, n]) => `${operation} ${(n / f.due).toFixed(2)}`).join(', ')})`,
            figure: `${(f.storage.reads / f.due).toFixed(2)} reads, ${(f.storage.writes / f.due).toFixed(2)} writes`,
            floor: `${count(f.due)} due`,
            ratio: '—',
            goal: '(a profile)',
            met: '—',
          },
        ]
      : []),
    {
      measure: `sweep time ÷ its I/O floor (raw range query of the due rows, then the same ${count(f.cards)} messages enqueued)`,
      figure: `${(f.sweepMs / 1000).toFixed(1)} s`,
      floor: `${(f.floorMs / 1000).toFixed(2)} s (${(f.rawMs / 1000).toFixed(2)} + ${(f.enqueueMs / 1000).toFixed(2)})`,
      ratio: times(f.sweepPerFloor),
      goal: '≤ 1.5×',
      met: yesNo(f.sweepPerFloor <= 1.5),
    },
  ],
};

const sendRows = (f: SendFigures, label: string) => [
  {
    measure: `${count(f.nudges)} nudges to ${count(f.people)} people, ${label}, under Teams' limits: rate`,
    figure: `${f.ratePerSecond.toFixed(1)}/s`,
    floor: `${f.allowedPerSecond}/s allowed`,
    ratio: `${(f.rateOfAllowed * 100).toFixed(0)} %`,
    goal: '≥ 90 %',
    met: yesNo(f.rateOfAllowed >= 0.9),
  },
  { measure: `send, ${label}: sends answered 429`, figure: count(f.refusedOverLimit), floor: `${count(f.delivered)} delivered`, ratio: `${(f.sendsRefused * 100).toFixed(1)} %`, goal: '≤ 1 %', met: yesNo(f.sendsRefused <= 0.01) },
  { measure: `send, ${label}: lost / duplicated`, figure: `${f.lost} / ${f.duplicated}`, floor: '—', ratio: '—', goal: '0 / 0', met: yesNo(f.lost === 0 && f.duplicated === 0) },
  ...(f.queueAlone
    ? [
        {
          measure: `send, ${label}: rate ÷ the queue alone (receive and delete only, ${count(f.queueAlone.sample)} of ${count(f.queueAlone.queued)} queued, as the host feeds)`,
          figure: `${f.ratePerSecond.toFixed(1)}/s`,
          floor: `${f.queueAlone.perSecond.toFixed(1)}/s`,
          ratio: times(f.ratePerSecond / f.queueAlone.perSecond),
          goal: '(a profile)',
          met: '—',
        },
      ]
    : []),
];

export const sendPart: Part<SendFigures> = {
  name: 'send',
  file: 'duties.json',
  key: 'send',
  run: (options) => sendBench(options.nudges, 1),
  rows: (f) => [
    ...sendRows(f, 'one instance'),
    {
      measure: 'send: storage transactions per delivered nudge (queue, ledger, assignment, directory, conversation, budget)',
      figure: f.storagePerNudge.toFixed(2),
      floor: '5 (receive, delete, 2 ledger writes, 1 read)',
      ratio: times(f.storagePerNudge / 5),
      goal: '≤ 5',
      met: yesNo(f.storagePerNudge <= 5),
    },
  ],
};

export const instancesPart: Part<SendFigures> = {
  name: 'instances',
  file: 'duties.json',
  key: 'instances',
  run: (options) => sendBench(options.nudges, options.instances),
  rows: (f) => sendRows(f, `${f.instances} instances`),
};
