import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../dev/projectRoot';

// From test/support, or from dist/test/support when the bench runs it built.
const root = projectRoot();

export interface DevHost {
  readonly child: ChildProcess;
  output(): string;
  /**
   * Resolves with the functions' URL once the host says it is running; rejects if it stops first,
   * or after `timeoutMs` if given (the bench's bound; tests leave a hang to jest's timeout).
   */
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
  let up = false;
  const running = new Promise<string>((resolve, reject) => {
    const onOutput = (d: Buffer) => {
      output += d.toString();
      const url = up ? undefined : /(http:\/\/localhost:\d+)\/api\/health/.exec(output)?.[1];
      if (url && output.includes('Kanalkoll is running.')) {
        up = true;
        resolve(url);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', () => reject(new Error(`the dev host did not come up:\n${output}`)));
  });
  // A caller that never asks whether it is running must not see an unhandled rejection.
  running.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => output,
    exited,
    // Resolves as soon as the line is printed (no polling): the bench times cold starts with it.
    ready: async (timeoutMs?: number) => {
      if (timeoutMs === undefined) return running;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the dev host did not come up in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      });
      try {
        return await Promise.race([running, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
