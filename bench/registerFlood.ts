import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evolve, type Assignment } from '../bot/domain/assignment';
import { eachLimited } from '../bot/eachLimited';
import { RegisterStore } from '../bot/store/register';
import { directory } from '../dev/roles';
import { startDevHost } from '../test/support/devHost';
import { tablesOf } from '../test/support/devHostStorage';
import { accountPlan, eventsTo } from '../test/support/seed';
import { count, times, yesNo, type Part, type Row } from './report';

/**
 * P6, the public register under a flood: requests per second of the register's page, JSON and CSV from
 * the dev host (the app as Azure runs it, with its Azurite), by many clients at once, against a static
 * file server (bench/staticServer.ts, a process of its own) serving files of the same bytes: the floor.
 * Plain requests (200, the whole body) and conditional ones (If-None-Match with the current ETag: 304).
 * The load comes from this process, a fixed number of requests in flight, for a fixed time each; the
 * app and the floor take turns.
 */
export const floodFormats = ['html', 'json', 'csv'] as const;
type Format = (typeof floodFormats)[number];
const routes: Record<Format, string> = { html: 'register', json: 'register.json', csv: 'register.csv' };
/** Requests in flight at once. */
const connections = 16;
/** The ratio to the static file the app keeps to: within ten times its rate, however large the register. */
const goal = 0.1;

export interface Throughput {
  readonly requests: number;
  readonly perSecond: number;
}

export interface FormatFigures {
  readonly bytes: number;
  readonly app: Throughput;
  readonly floor: Throughput;
  readonly appNotModified: Throughput;
  readonly floorNotModified: Throughput;
}

export interface FloodFigures {
  readonly accounts: number;
  readonly seconds: number;
  readonly connections: number;
  readonly formats: Record<Format, FormatFigures>;
}

/** `url` asked `connections` at a time for `seconds`; every answer must have `status`. */
async function flood(url: string, headers: Record<string, string>, status: number, seconds: number): Promise<Throughput> {
  let requests = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const response = await fetch(url, { headers }).catch((error: unknown) => {
          throw new Error(`${url}: ${error instanceof Error ? `${error.message} (${String(error.cause)})` : String(error)}`);
        });
        await response.arrayBuffer();
        if (response.status !== status) throw new Error(`${url} answered ${response.status}, not ${status}`);
        requests++;
      }
    }),
  );
  return { requests, perSecond: requests / ((performance.now() - started) / 1000) };
}

/** The register's accounts, as approvals list them: spread over the local departments, owned by the local people. */
async function seedRegister(register: RegisterStore, accounts: number): Promise<void> {
  const departments = directory.departments.map((d) => d.id);
  const platforms = ['Facebook', 'Instagram', 'LinkedIn', 'YouTube', 'TikTok'];
  await eachLimited(
    Array.from({ length: accounts }, (_, i) => i),
    4,
    async (i) => {
      const plan = accountPlan(
        { platform: platforms[i % platforms.length]!, accountName: `Botkyrka konto ${i + 1}`, accountUrl: `https://example.org/botkyrka-${i + 1}` },
        'Berätta om verksamheten, svara på frågor och visa vad som händer i kommunen för dem som bor och arbetar här.',
        'Invånare i Botkyrka, föräldrar och unga',
        departments[i % departments.length],
      );
      const state = eventsTo(`flood-${i}`, plan, 'active').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
      await register.sync(state);
    },
  );
}

/** The floor: bench/staticServer.ts over `folder`, in a process of its own; its URL and how to stop it. */
async function staticServer(folder: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = fork(path.join(__dirname, 'staticServer.js'), [folder], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve(Number(message)));
    child.once('exit', () => reject(new Error('the static file server stopped')));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}

export async function registerFloodBench(options: { accounts: number; seconds: number }): Promise<FloodFigures> {
  const host = startDevHost(['--no-playground']);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kanalkoll-register-'));
  let floor: { stop: () => Promise<void> } | undefined;
  const say = (what: string) => process.stdout.write(`  ${what}\n`);
  try {
    const url = await host.ready(300_000);
    say(`seeding ${options.accounts} accounts on the register…`);
    await seedRegister(new RegisterStore(tablesOf(host).tables), options.accounts);
    // The same bytes as files: what the app answers now, served by the floor.
    const fileOf = (format: Format) => `register.${format}`;
    const tags = new Map<Format, string>();
    for (const format of floodFormats) {
      const response = await fetch(`${url}/api/${routes[format]}`);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || !body.includes('Botkyrka konto 1')) throw new Error(`${routes[format]} answered ${response.status}: ${body.subarray(0, 300).toString()}`);
      tags.set(format, response.headers.get('etag') ?? '');
      writeFileSync(path.join(folder, fileOf(format)), body);
    }
    const server = await staticServer(folder);
    floor = server;

    const figures = {} as Record<Format, FormatFigures>;
    for (const [i, format] of floodFormats.entries()) {
      say(`${routes[format]}: ${options.seconds} s of each load…`);
      const appUrl = `${url}/api/${routes[format]}`;
      const floorUrl = `${server.url}/${fileOf(format)}`;
      const floorTag = (await fetch(floorUrl)).headers.get('etag') ?? '';
      const loads: Record<keyof Omit<FormatFigures, 'bytes'>, (seconds: number) => Promise<Throughput>> = {
        app: (seconds) => flood(appUrl, {}, 200, seconds),
        floor: (seconds) => flood(floorUrl, {}, 200, seconds),
        appNotModified: (seconds) => flood(appUrl, { 'if-none-match': tags.get(format)! }, 304, seconds),
        floorNotModified: (seconds) => flood(floorUrl, { 'if-none-match': floorTag }, 304, seconds),
      };
      // A short round of each first (connections open, code warm), then the app and the floor in turns, who goes first changing.
      for (const load of Object.values(loads)) await load(Math.min(1, options.seconds / 4));
      const order = (i % 2 === 0 ? ['app', 'floor', 'appNotModified', 'floorNotModified'] : ['floor', 'app', 'floorNotModified', 'appNotModified']) as (keyof typeof loads)[];
      const measured: Partial<Record<keyof typeof loads, Throughput>> = {};
      for (const name of order) measured[name] = await loads[name](options.seconds);
      figures[format] = { bytes: (await (await fetch(floorUrl)).arrayBuffer()).byteLength, app: measured.app!, floor: measured.floor!, appNotModified: measured.appNotModified!, floorNotModified: measured.floorNotModified! };
    }
    return { accounts: options.accounts, seconds: options.seconds, connections, formats: figures };
  } catch (error) {
    process.stderr.write(`The dev host's last words:\n${host.output().slice(-3000)}\n`);
    throw error;
  } finally {
    await floor?.stop();
    host.child.kill('SIGINT');
    await host.exited;
    rmSync(folder, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const rate = (t: Throughput) => `${count(Math.round(t.perSecond))}/s`;

function rowsOf(f: FloodFigures): Row[] {
  const name: Record<Format, string> = { html: 'page', json: 'JSON', csv: 'CSV' };
  return floodFormats.flatMap((format) => {
    const figures = f.formats[format];
    const row = (what: string, app: Throughput, floor: Throughput): Row => ({
      measure: `P6 register ${name[format]} (${count(f.accounts)} accounts, ${kb(figures.bytes)}), ${what}, ${f.connections} in flight for ${f.seconds} s`,
      figure: rate(app),
      floor: `${rate(floor)} (static file, same bytes)`,
      ratio: times(app.perSecond / floor.perSecond),
      goal: `≥ ${times(goal)}`,
      met: yesNo(app.perSecond / floor.perSecond >= goal),
    });
    return [row('requests/s (200)', figures.app, figures.floor), row('conditional requests/s (304)', figures.appNotModified, figures.floorNotModified)];
  });
}

export const registerFloodPart: Part<FloodFigures> = {
  name: 'register',
  file: 'register.json',
  key: 'register',
  run: (options) => registerFloodBench({ accounts: options.accounts, seconds: options.floodSeconds }),
  rows: rowsOf,
};
