import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A part of `npm run bench`: it measures, its figures go under `key` in bench/results/`file`, and
 * they make rows of the combined table (from an earlier run when the part is not run now).
 */
export interface Part<Figures> {
  /** What --only calls it. */
  readonly name: string;
  readonly file: string;
  readonly key: string;
  run(options: BenchOptions): Promise<Figures>;
  rows(figures: Figures): Row[];
}

/** The sizes of `npm run bench -- --turns … --starts … --assignments … --nudges … --people … --accounts … --org-turns …`. */
export interface BenchOptions {
  readonly turns: number;
  readonly warmup: number;
  readonly starts: number;
  readonly assignments: number;
  readonly nudges: number;
  /** Queue-function processes of the instances part. */
  readonly instances: number;
  /** People from the organisation generator in the organisation part (besides the six local ones). */
  readonly people: number;
  /** Active accounts with two years of history in the organisation part (its floor has 10). */
  readonly accounts: number;
  /** Timed turns of each kind at each size in the organisation part. */
  readonly orgTurns: number;
  /** Seconds of each load in the register part (the app's requests, and the static file's). */
  readonly floodSeconds: number;
  /** The echo bot's built app folder (bench/echoApp.ts), the floor of turns and cold starts. */
  readonly echoApp: () => Promise<string>;
}

/** One line of the combined table: a figure against its floor, and the goal for their ratio. */
export interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly floor: string;
  readonly ratio: string;
  readonly goal: string;
  /** yes, no, or — where there is no goal. */
  readonly met: string;
}

/** What ran the figures: they mean little without it. */
export const machine = () => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model.trim(),
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
});

/** Said beside the turn and cold-start figures: the client and the server are not alone. */
export const cpuNote = () =>
  `${os.cpus().length} CPUs shared by the bench process (load generator and test connector) and the dev host child (the app and its Azurite)`;

/** The value at quantile q (0–1) of ascending samples, by nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (samples: readonly number[]) => quantile([...samples].sort((a, b) => a - b), 0.5);

export const times = (ratio: number) => `${ratio.toFixed(ratio >= 10 ? 0 : 2)}×`;
export const count = (n: number) => n.toLocaleString('en-US');
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const yesNo = (met: boolean) => (met ? 'yes' : 'no');

/** A results file: `{ at, machine, <part>: figures… }`; parts not run now keep their earlier figures. */
export function readResults(file: string): Record<string, unknown> {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

export function writeResults(file: string, parts: Record<string, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...readResults(file), at: new Date().toISOString(), machine: machine(), ...parts }, null, 2)}\n`);
}

/** The rows as a Markdown table, padded to line up in a terminal too. */
export function markdownTable(rows: readonly Record<string, string>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width(columns[i] ?? ''))).join(' | ')} |`;
  return [line(columns), line(columns.map((c) => '-'.repeat(width(c)))), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
