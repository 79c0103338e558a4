import { odata } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { startAzurite } from '../dev/azurite';
import { useCoreStandIn } from '../dev/coreStandIn';
import { functionEntryFiles, loadFunctions } from '../dev/functionHost';
import { projectRoot } from '../dev/projectRoot';
import { directory, tenantId } from '../dev/roles';
import { startTriggers } from '../dev/triggers';
import { accountPlan, eventsTo } from '../test/support/seed';
import { startConnector } from '../test/support/connector';

/**
 * `npm run bench`: the duty engine's figures, each against a floor measured in the same run.
 * 1. The sweep over N active assignments with 1 % due: entities read against due wake-ups (goal
 *    ≤ 2×), and its time against a raw query of the due rows.
 * 2. The send rate of M nudges through the real queue function to a connector enforcing Teams'
 *    limits (7/s per conversation, 50/s per app): achieved against allowed (goal ≥ 90 %),
 *    with lost and duplicated counted.
 */
const { values } = parseArgs({
  options: { assignments: { type: 'string', default: '100000' }, nudges: { type: 'string', default: '10000' }, only: { type: 'string' } },
});
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
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
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
    let enqueued = 0;
    const queue = { send: async (message: NudgeMessage) => void (await queues.queue<NudgeMessage>('nudges').send(message), enqueued++) };
    const sweepStart = performance.now();
    const report = await sweep({ assignments, directory: directoryStore, schedule, queue, settings: defaultDutySettings, clock: () => now.toJSDate(), log: quiet });
    const sweepMs = performance.now() - sweepStart;
    const expectedNudges = states.slice(0, due).reduce((n, s) => n + nudgesBetween(s, DateTime.fromISO(from), now).length, 0);
    return { assignments: count, due: report.due, rawRows, read: report.read, readPerDue: report.read / report.due, enqueued, expectedNudges, rawMs, sweepMs, sweepPerRaw: sweepMs / rawMs, seedMs };
  } finally {
    await azurite.stop();
  }
}

async function sendBench(count: number) {
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  const connector = await startConnector();
  try {
    const limits = { perConversation: 7, perApp: 50, windowMs: 1000, retryAfterSeconds: 1 };
    connector.limit(limits);
    process.env.AzureWebJobsStorage = azurite.connectionString;
    process.env.KANALKOLL_LOCALE = 'sv';
    useCoreStandIn();
    const registrations = loadFunctions(functionEntryFiles(projectRoot()));
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
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(now.plus({ days: 400 }).toMillis() - Date.now());
    // Every level of a year of archive snapshots and evaluations for each owner: real nudges, each still due.
    const messages: NudgeMessage[] = states.flatMap((s) =>
      nudgesBetween(s, DateTime.fromISO('2026-11-02'), now.plus({ days: 400 }))
        .filter((n) => n.audience === 'owner')
        .slice(0, 5)
        .map((nudge) => ({ nudge, reach: { tenantId, serviceUrl: connector.serviceUrl }, attempt: 1 })),
    ).slice(0, count);
    const queue = queues.queue<NudgeMessage>('nudges');
    await eachLimited(messages, 64, (m) => queue.send(m));
    const triggers = startTriggers(registrations, azurite.connectionString, () => undefined, { schedule: false });
    const started = performance.now();
    let handled = 0;
    while (handled < messages.length) {
      handled += await triggers.drain();
      if (handled < messages.length) await new Promise((resolve) => setTimeout(resolve, 200));
      // A message put back for a 429 becomes visible again after its wait.
    }
    const seconds = (performance.now() - started) / 1000;
    triggers.stop();
    const ledger = new NudgeLedger(tables);
    const records = (await Promise.all(states.map((s) => ledger.recordsOf(s.id)))).flat();
    const delivered = connector.sent().length;
    const sent = records.filter((r) => r.state === 'sent').length;
    return {
      nudges: messages.length,
      people,
      seconds,
      ratePerSecond: delivered / seconds,
      allowedPerSecond: limits.perApp,
      rateOfAllowed: delivered / seconds / limits.perApp,
      delivered,
      lost: messages.length - sent,
      duplicated: delivered - sent,
      refusedOverLimit: connector.trouble.overLimit,
    };
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

async function main() {
  // The app logs a line per activity and nudge; thousands of them would bury the figures.
  console.info = () => undefined;
  const out = path.join(projectRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'duties.json');
  // With --only, the other part's last figures are kept.
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const sweepFigures = values.only === 'send' ? previous.sweep : await sweepBench(Number(values.assignments));
  console.log('\nDuty sweep');
  console.table([
    { measure: 'measured', value: values.only === 'send' ? `earlier (${previous.sweep?.at ?? previous.at})` : 'now' },
    { measure: 'assignments', value: sweepFigures.assignments },
    { measure: 'due wake-ups', value: sweepFigures.due },
    { measure: 'entities read by the sweep', value: sweepFigures.read },
    { measure: 'read per due (goal ≤ 2)', value: sweepFigures.readPerDue.toFixed(2) },
    { measure: 'nudges queued / expected', value: `${sweepFigures.enqueued} / ${sweepFigures.expectedNudges}` },
    { measure: 'raw query of the due rows (ms)', value: sweepFigures.rawMs.toFixed(0) },
    { measure: 'sweep (ms)', value: sweepFigures.sweepMs.toFixed(0) },
    { measure: 'sweep ÷ raw query', value: sweepFigures.sweepPerRaw.toFixed(1) },
  ]);
  const sendFigures = values.only === 'sweep' ? previous.send : await sendBench(Number(values.nudges));
  console.log('\nSending nudges under Teams\' limits');
  console.table([
    { measure: 'nudges', value: sendFigures.nudges },
    { measure: 'people', value: sendFigures.people },
    { measure: 'seconds', value: sendFigures.seconds.toFixed(1) },
    { measure: 'sent per second', value: sendFigures.ratePerSecond.toFixed(1) },
    { measure: 'share of the allowed 50/s (goal ≥ 90 %)', value: `${(sendFigures.rateOfAllowed * 100).toFixed(1)} %` },
    { measure: 'lost', value: sendFigures.lost },
    { measure: 'duplicated', value: sendFigures.duplicated },
    { measure: 'refused by Teams for the rate (429)', value: sendFigures.refusedOverLimit },
  ]);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const at = new Date().toISOString();
  const stamped = (figures: object, fresh: boolean, old: { at?: string } | undefined) => ({ ...figures, at: fresh ? at : (old?.at ?? previous.at) });
  writeFileSync(
    file,
    `${JSON.stringify({ at, machine, sweep: stamped(sweepFigures, values.only !== 'send', previous.sweep), send: stamped(sendFigures, values.only !== 'sweep', previous.send) }, null, 2)}\n`,
  );
  console.log(`\nWritten to ${path.relative(projectRoot(), file)}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

