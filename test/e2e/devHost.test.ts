import { startDevHost } from '../support/devHost';

const answers = (url: string) => fetch(url).then((r) => r.status, () => 'refused');

describe('npm start (the dev host)', () => {
  it('brings up storage, the functions and a Playground per role, and Ctrl-C stops them all', async () => {
    const host = startDevHost(['--as', 'employee,chief']);
    try {
      const functions = await host.ready();
      const playgrounds = [...host.output().matchAll(/Playground as (\w+)\s+(http:\/\/localhost:\d+)/g)].map((m) => [m[1], m[2]]);
      for (const name of ['health', 'messages', 'register', 'registerJson', 'registerCsv']) expect(host.output()).toContain(`${name} (httpTrigger)`);
      expect(await answers(`${functions}/api/health`)).toBe(200);
      // Its own links follow the address it is served on (here a free port, not 7071).
      expect(((await (await fetch(`${functions}/api/register.json`)).json()) as { documentation: string }).documentation).toBe(`${functions}/api/register#om-registret`);
      expect(playgrounds.map(([role]) => role)).toEqual(['employee', 'chief']);
      for (const [, url] of playgrounds) expect(await answers(url!)).toBe(200);

      host.child.kill('SIGINT');
      expect(await host.exited).toBe(0);
      expect(await answers(`${functions}/api/health`)).toBe('refused');
      for (const [, url] of playgrounds) expect(await answers(url!)).toBe('refused');
    } finally {
      if (host.child.exitCode === null) host.child.kill('SIGKILL');
    }
  }, 90_000);
});
