import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../dev/projectRoot';
import { activityFrom, post } from '../test/support/activities';
import { startConnector, type TestConnector } from '../test/support/connector';
import { startDevHost } from '../test/support/devHost';
import { cpuNote, median, times, yesNo, type Part } from './report';

/**
 * P4, cold start: from spawning the dev host to the first "hej" answered (200, the reply at the
 * connector), for the deployment bundle (deploy/, `npm run build:deploy`) against the bundled echo
 * bot, both by the same dev host command in a fresh process, alternately; the median of several.
 * `--no-seed` keeps the dev host from loading Kanalkoll's own modules beside the bundle. Also the
 * child's peak memory (VmHWM) after that first turn. Goal: time ≤ 1.5× the echo bot's.
 */
interface Start {
  /** Spawn to the dev host's "Kanalkoll is running." (Azurite, the functions loaded, /api/health). */
  readonly runningMs: number;
  /** Spawn to the first turn answered. */
  readonly answeredMs: number;
  readonly peakRssMb?: number;
}

interface AppStarts {
  readonly runs: Start[];
  readonly runningMs: number;
  readonly answeredMs: number;
  readonly firstTurnMs: number;
  readonly peakRssMb?: number;
}

export interface ColdStartFigures {
  readonly starts: number;
  readonly kanalkoll: AppStarts;
  readonly echo: AppStarts;
  readonly note: string;
}

/** The most resident memory a process has had, from Linux's /proc (undefined elsewhere). */
function peakRssMb(pid: number | undefined): number | undefined {
  const status = pid && existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

async function startOnce(appDir: string, connector: TestConnector): Promise<Start> {
  const hej = activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' });
  const started = performance.now();
  const host = startDevHost(['--app', appDir, '--no-playground', '--no-seed']);
  try {
    const url = await host.ready(120_000);
    const runningMs = performance.now() - started;
    const before = connector.calls.length;
    const response = await post(`${url}/api/messages`, hej);
    const text = await response.text();
    const answeredMs = performance.now() - started;
    if (response.status !== 200 || connector.calls.length !== before + 1) throw new Error(`the first "hej" to ${appDir} answered ${response.status} ${text}`);
    return { runningMs, answeredMs, peakRssMb: peakRssMb(host.child.pid) };
  } finally {
    host.child.kill('SIGINT');
    await host.exited;
  }
}

const summary = (runs: Start[]): AppStarts => {
  const memory = runs.flatMap((r) => (r.peakRssMb === undefined ? [] : [r.peakRssMb]));
  return {
    runs,
    runningMs: median(runs.map((r) => r.runningMs)),
    answeredMs: median(runs.map((r) => r.answeredMs)),
    firstTurnMs: median(runs.map((r) => r.answeredMs - r.runningMs)),
    peakRssMb: memory.length > 0 ? median(memory) : undefined,
  };
};

export async function coldStartBench(starts: number, echoApp: string): Promise<ColdStartFigures> {
  const bundle = path.join(projectRoot(), 'deploy');
  if (!existsSync(path.join(bundle, 'dist', 'main.js'))) throw new Error('deploy/dist/main.js is missing: run npm run build:deploy first (npm run bench does).');
  const connector = await startConnector();
  const runs: Record<'kanalkoll' | 'echo', Start[]> = { kanalkoll: [], echo: [] };
  try {
    for (let i = 0; i < starts; i++) {
      const order = i % 2 === 0 ? (['kanalkoll', 'echo'] as const) : (['echo', 'kanalkoll'] as const);
      for (const app of order) runs[app].push(await startOnce(app === 'kanalkoll' ? bundle : echoApp, connector));
    }
  } finally {
    await connector.close();
  }
  return { starts, kanalkoll: summary(runs.kanalkoll), echo: summary(runs.echo), note: cpuNote() };
}

const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

export const coldStartPart: Part<ColdStartFigures> = {
  name: 'coldstart',
  file: 'coldStart.json',
  key: 'coldStart',
  run: async (options) => coldStartBench(options.starts, await options.echoApp()),
  rows: ({ starts, kanalkoll: k, echo: e }) => {
    const ratio = k.answeredMs / e.answeredMs;
    const memory = k.peakRssMb !== undefined && e.peakRssMb !== undefined ? { k: k.peakRssMb, e: e.peakRssMb } : undefined;
    return [
      { measure: `P4 cold start of the bundle: spawn to first "hej" answered, median of ${starts}`, figure: seconds(k.answeredMs), floor: `${seconds(e.answeredMs)} (echo bot)`, ratio: times(ratio), goal: '≤ 1.5×', met: yesNo(ratio <= 1.5) },
      { measure: 'P4 … of which the dev host up ("running")', figure: seconds(k.runningMs), floor: seconds(e.runningMs), ratio: times(k.runningMs / e.runningMs), goal: '—', met: '—' },
      { measure: 'P4 … of which the first turn', figure: seconds(k.firstTurnMs), floor: seconds(e.firstTurnMs), ratio: times(k.firstTurnMs / e.firstTurnMs), goal: '—', met: '—' },
      {
        measure: 'P4 peak memory of the process (VmHWM), median',
        figure: memory ? `${memory.k.toFixed(0)} MB` : 'n/a',
        floor: memory ? `${memory.e.toFixed(0)} MB` : 'n/a',
        ratio: memory ? times(memory.k / memory.e) : 'n/a',
        goal: '≤ 1.5×',
        met: memory ? yesNo(memory.k / memory.e <= 1.5) : '—',
      },
    ];
  },
};
