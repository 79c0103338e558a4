import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleFunctions } from '../dev/bundle';
import { projectRoot } from '../dev/projectRoot';

/**
 * Builds the echo bot (bench/echo) as deploy/ holds Kanalkoll: its function files bundled into one
 * file with the same esbuild settings, beside a package.json whose `main` is that file, so the dev
 * host serves it with `--app` and both cold starts load one file each.
 */
export async function buildEchoApp(): Promise<string> {
  const root = projectRoot();
  const source = path.join(root, 'bench', 'echo', 'functions');
  const out = path.join(root, 'dist', 'bench', 'echo-app');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entries = readdirSync(source).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(source, f));
  await bundleFunctions(entries, path.join(out, 'main.js'));
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ name: 'kanalkoll-bench-echo', private: true, main: 'main.js' }, null, 2)}\n`);
  return out;
}
