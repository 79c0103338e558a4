import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Runs the built dev host, as `npm start` does, on free ports so it cannot clash with one in use. */
function startDevHost(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [path.join(root, 'dist/dev/start.js'), '--as', 'employee,chief', '--free-ports'], {
    cwd: root,
    env: { ...process.env, AzureWebJobsStorage: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function until(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; output so far:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const answers = (url: string) => fetch(url).then((r) => r.status, () => 'refused');

describe('npm start (the dev host)', () => {
  it('brings up storage, the functions and a Playground per role, and Ctrl-C stops them all', async () => {
    const { child, output } = startDevHost();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await until(() => output().includes('Kanalkoll is running.') || child.exitCode !== null, 60_000, output);
      expect(output()).toContain('Kanalkoll is running.');

      const functions = /(http:\/\/localhost:\d+)\/api\/health/.exec(output())?.[1];
      const playgrounds = [...output().matchAll(/Playground as (\w+)\s+(http:\/\/localhost:\d+)/g)].map((m) => [m[1], m[2]]);
      for (const name of ['health', 'messages', 'register', 'registerJson', 'registerCsv']) expect(output()).toContain(`${name} (httpTrigger)`);
      expect(await answers(`${functions}/api/health`)).toBe(200);
      expect(playgrounds.map(([role]) => role)).toEqual(['employee', 'chief']);
      for (const [, url] of playgrounds) expect(await answers(url!)).toBe(200);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(await answers(`${functions}/api/health`)).toBe('refused');
      for (const [, url] of playgrounds) expect(await answers(url!)).toBe('refused');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
