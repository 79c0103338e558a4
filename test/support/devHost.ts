import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

export interface DevHost {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the functions' URL once the host says it is running; rejects if it stops first. */
  ready(timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** Runs the built dev host, as `npm start` does, on free ports so it cannot clash with one in use. */
export function startDevHost(args: readonly string[]): DevHost {
  const child = spawn(process.execPath, [path.join(root, 'dist/dev/start.js'), ...args, '--free-ports'], {
    cwd: root,
    env: { ...process.env, AzureWebJobsStorage: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => output,
    exited,
    ready: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes('Kanalkoll is running.')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the dev host did not come up:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return /(http:\/\/localhost:\d+)\/api\/health/.exec(output)![1]!;
    },
  };
}
