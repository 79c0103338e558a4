import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../dev/projectRoot';
import { coldStartPart } from './coldStart';
import { instancesPart, sendPart, sweepPart } from './duties';
import { buildEchoApp } from './echoApp';
import { organisationPart } from './organisation';
import { registerFloodPart } from './registerFlood';
import { cpuNote, machine, markdownTable, readResults, writeResults, type BenchOptions, type Part } from './report';
import { turnsPart } from './turns';

/**
 * `npm run bench`: every benchmark, each a ratio against a floor measured in the same run, in one
 * table; the figures go to bench/results/*.json. With --only, the parts not run keep their earlier
 * figures (shown with their date). The send parts run the app in processes of their own
 * (bench/sendWorker.ts), with their clock moved 400 days; nothing of it stays in this process.
 */
const usage = `Usage: npm run bench -- [options]
  --only <parts>      Comma-separated: turns, coldstart, sweep, send, instances, organisation, register (default: all, in that order);
                      --only none runs nothing and prints the table of the figures in --out
  --turns <n>         Timed turns of each kind against each app (default 500), after --warmup <n> (default 50)
  --starts <n>        Cold starts of each app (default 5)
  --assignments <n>   Active assignments the duty sweep runs over (default 100000; seeding takes ~12 minutes)
  --nudges <n>        Nudges sent under Teams' limits (default 10000), by one queue-function process and by several
  --instances <n>     Queue-function processes sharing Teams' budget in the instances part (default 4)
  --people <n>        People in the organisation part, from the generator (default 6000)
  --accounts <n>      Active accounts with two years of history in the organisation part (default 500; its floor has 10);
                      in the register part, the accounts on the register
  --org-turns <n>     Timed turns of each kind at each size in the organisation part (default 100)
  --flood-seconds <n> Seconds of each load in the register part (default 10; 12 loads, and a short warm-up of each)
  --out <dir>         Where the JSON goes (default bench/results); use another for trial runs`;

// Each part's rows take its own figures (methods are bivariant): the list holds them as objects.
const parts: readonly Part<object>[] = [turnsPart, coldStartPart, sweepPart, sendPart, instancesPart, organisationPart, registerFloodPart];

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      turns: { type: 'string', default: '500' },
      warmup: { type: 'string', default: '50' },
      starts: { type: 'string', default: '5' },
      assignments: { type: 'string', default: '100000' },
      nudges: { type: 'string', default: '10000' },
      instances: { type: 'string', default: '4' },
      people: { type: 'string', default: '6000' },
      accounts: { type: 'string', default: '500' },
      'org-turns': { type: 'string', default: '100' },
      'flood-seconds': { type: 'string', default: '10' },
      out: { type: 'string', default: path.join(projectRoot(), 'bench', 'results') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = values.only === 'none' ? [] : (values.only?.split(',').map((p) => p.trim()) ?? parts.map((p) => p.name));
  const unknown = only.filter((name) => !parts.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`Unknown part ${unknown.join(', ')}.\n${usage}`);
  let echoApp: Promise<string> | undefined;
  const sizes: BenchOptions = {
    turns: Number(values.turns),
    warmup: Number(values.warmup),
    starts: Number(values.starts),
    assignments: Number(values.assignments),
    nudges: Number(values.nudges),
    instances: Number(values.instances),
    people: Number(values.people),
    accounts: Number(values.accounts),
    orgTurns: Number(values['org-turns']),
    floodSeconds: Number(values['flood-seconds']),
    echoApp: () => (echoApp ??= buildEchoApp()),
  };
  return { only, out: path.resolve(values.out), sizes };
}

async function main() {
  const { only, out, sizes } = options();
  // The app logs a line per activity and nudge; thousands of them would bury the figures.
  console.info = () => undefined;
  const rows: Record<string, string>[] = [];
  for (const part of parts) {
    const file = path.join(out, part.file);
    let figures = readResults(file)[part.key] as ({ at?: string } & Record<string, unknown>) | undefined;
    if (only.includes(part.name)) {
      // Other work on the machine skews every figure: the load average says how much there was.
      const loadBefore = Number(os.loadavg()[0]?.toFixed(2));
      process.stdout.write(`Running ${part.name} (load average ${loadBefore})…\n`);
      figures = { ...(await part.run(sizes)), at: new Date().toISOString(), machine: machine(), loadBefore };
      writeResults(file, { [part.key]: figures });
    }
    if (!figures) continue;
    const measured = only.includes(part.name) ? 'now' : `earlier (${figures.at?.slice(0, 16).replace('T', ' ') ?? '?'} UTC)`;
    rows.push(...part.rows(figures).map((row) => ({ part: part.name, ...row, measured })));
  }
  console.log(`\n${markdownTable(rows)}\n\nTurns and cold starts: ${cpuNote()}.`);
  const written = [...new Set(parts.filter((p) => only.includes(p.name)).map((p) => path.join(out, p.file)))];
  console.log(`Written: ${written.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
