import { startConnector } from '../support/connector';
import { startDevHost } from '../support/devHost';
import { sendPlan } from '../support/samplePlan';
import { actionsOf, textOf, TeamsClient, type Card } from '../support/teamsClient';

const answers = (url: string) => fetch(url).then((r) => r.status, () => 'refused');

describe('npm start (the dev host)', () => {
  it('brings up storage, the functions and a Playground per role, and Ctrl-C stops them all', async () => {
    const host = startDevHost(['--as', 'employee,chief']);
    try {
      const functions = await host.ready();
      const playgrounds = [...host.output().matchAll(/Playground as (\w+)\s+(http:\/\/localhost:\d+)/g)].map((m) => [m[1], m[2]]);
      for (const name of ['health', 'messages', 'register', 'registerJson', 'registerCsv', 'accessibilityStatement']) expect(host.output()).toContain(`${name} (httpTrigger)`);
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
  });

  it('R10: ready means ready: from the moment health first answers 200, the whole plan goes through (before it, a turn gets "Kanalkoll startar", never a refusal)', async () => {
    const connector = await startConnector();
    const host = startDevHost(['--no-playground']);
    try {
      // Served from here, before the first directory sync: not ready yet.
      const functions = await new Promise<string>((resolve, reject) => {
        const seen = () => /Functions on (http:\/\/[^,\s]+), starting/.exec(host.output())?.[1];
        const look = setInterval(() => {
          const url = seen();
          if (url) resolve(url);
          if (url || host.child.exitCode !== null) clearInterval(look);
          if (!url && host.child.exitCode !== null) reject(new Error(host.output()));
        }, 5);
      });
      const client = (role: 'employee' | 'chief') => new TeamsClient(`${functions}/api/messages`, connector, role);
      const [elin, karim] = [client('employee'), client('chief')];
      // A turn before health is ready: "Kanalkoll startar", or (the sync already done) the answer itself; never a refusal.
      const early = await elin.reply('hej');
      if (early.text !== undefined) expect(early.text).toBe('Kanalkoll startar, försök igen om en stund.');
      const statuses: number[] = [];
      while (statuses.at(-1) !== 200) {
        const status = await answers(`${functions}/api/health`);
        if (typeof status === 'number') statuses.push(status);
      }
      // Every answer before the first 200 said "not yet" (503), never ready too early.
      expect(statuses.slice(0, -1).every((s) => s === 503)).toBe(true);

      // The moment health first answers: the whole plan, with the admin step's valid admins.
      await karim.say('hej');
      const sent = await sendPlan(elin, 'account');
      const id = String(actionsOf(sent).find((a) => a.data.assignmentId)?.data.assignmentId);
      expect(textOf(sent)).not.toContain('Välj en person som finns i listan');
      expect(id).not.toBe('undefined');
      await connector.cardArriving('personal-chief', (card) => textOf(card).includes(id) && actionsOf(card).some((a) => a.title === 'Godkänn'));
    } finally {
      host.child.kill('SIGINT');
      await host.exited;
      await connector.close();
    }
  });

  it('R1: the press answers at once; after Karim presses "Godkänn", Sara\'s card comes from the effects queue within the polling interval', async () => {
    const connector = await startConnector();
    const host = startDevHost(['--no-playground']);
    try {
      const functions = await host.ready();
      // Clients of the dev host itself: their turns return with the answer, as in Teams; what the turn left runs from the queue.
      const client = (role: 'employee' | 'chief' | 'communicator') => new TeamsClient(`${functions}/api/messages`, connector, role);
      const [elin, karim, sara] = [client('employee'), client('chief'), client('communicator')];
      for (const someone of [elin, karim, sara]) await someone.say('hej');
      const sent = await sendPlan(elin, 'account');
      const id = String(actionsOf(sent).find((a) => a.data.assignmentId)?.data.assignmentId);
      const about = (button: string) => (card: Card) => textOf(card).includes(id) && actionsOf(card).some((a) => a.title === button);
      const { card: karimsCard } = await connector.cardArriving('personal-chief', about('Godkänn'));

      const pressed = performance.now();
      const answer = await karim.press(karimsCard, 'Godkänn');
      const answered = performance.now();
      const sentWhenAnswered = connector.cardsTo('personal-communicator').some(about('Godkänn'));
      expect(textOf(answer)).toContain('Du har godkänt. Nu går ansökan till Sara Lind.');
      const { seenAt } = await connector.cardArriving('personal-communicator', about('Godkänn'));
      console.info(`Karim's "Godkänn" answered in ${(answered - pressed).toFixed(0)} ms; Sara's card came ${(seenAt - pressed).toFixed(0)} ms after the press (host.json maxPollingInterval 2 s)`);
      // The press did not wait for the next approver's card: it comes from the queue, after the answer.
      expect(sentWhenAnswered).toBe(false);
      expect(seenAt).toBeGreaterThanOrEqual(answered);
    } finally {
      host.child.kill('SIGINT');
      await host.exited;
      await connector.close();
    }
  });
});
