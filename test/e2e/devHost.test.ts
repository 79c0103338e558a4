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
