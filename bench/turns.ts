import { users } from '../dev/roles';
import { activityFrom, post } from '../test/support/activities';
import { startConnector, type TestConnector } from '../test/support/connector';
import { startDevHost, type DevHost } from '../test/support/devHost';
import { channel } from '../test/support/samplePlan';
import { actionsOf, inputsOf, TeamsClient, type Card } from '../test/support/teamsClient';
import { cpuNote, ms, quantile, times, yesNo, type Part } from './report';

/**
 * P1, turn latency: a message turn ("hej" → the welcome card, replied through the connector) and
 * a card-action turn ("Spara" on a draft's channel step: `plan.save`, which reads the directory
 * and the draft and writes the draft, answered in the invoke response) sent over HTTP to the dev
 * host, against the echo bot (bench/echo) on the same dev host code and the same storage.
 * Both hosts run at once and take turns, so drift hits both. Goal: median ≤ 1.5×, p99 ≤ 3×.
 */
type Kind = 'message' | 'action';
type Action = { readonly verb: string; readonly data: Record<string, unknown> };

interface Served {
  readonly name: 'kanalkoll' | 'echo';
  readonly host: DevHost;
  readonly messages: string;
  readonly samples: Record<Kind, number[]>;
}

export interface Stats {
  readonly median: number;
  readonly p99: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface TurnFigures {
  readonly turns: number;
  readonly warmup: number;
  readonly action: { readonly verb: string; readonly pressed: string };
  readonly kanalkoll: Record<Kind, Stats>;
  readonly echo: Record<Kind, Stats>;
  readonly note: string;
}

async function serve(name: Served['name'], args: readonly string[]): Promise<Served> {
  const host = startDevHost([...args, '--no-playground']);
  const url = await host.ready(120_000);
  return { name, host, messages: `${url}/api/messages`, samples: { message: [], action: [] } };
}

/** The card button as Teams presses it: the button's data over the card's inputs, with `inputs` typed in. */
function pressing(card: Card, title: string, inputs: Record<string, string>): Action {
  const action = actionsOf(card).find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}" on the card`);
  return { verb: action.verb, data: { ...inputsOf(card), ...inputs, ...action.data } };
}

/** One turn over HTTP, timed from the request to the whole answer; the reply it sent must have reached the connector. */
async function timedTurn(connector: TestConnector, url: string, activity: Record<string, unknown>, replies: number) {
  const before = connector.calls.length;
  const started = performance.now();
  const response = await post(url, activity);
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`);
  if (connector.calls.length !== before + replies) throw new Error(`${url}: ${connector.calls.length - before} replies reached the connector, not ${replies}`);
  return { elapsed, body: text ? (JSON.parse(text) as { type?: string; value?: Card }) : {} };
}

const stats = (samples: readonly number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
};

export async function turnsBench(turns: number, warmup: number, echoApp: string): Promise<TurnFigures> {
  const connector = await startConnector();
  const served: Served[] = [];
  try {
    served.push(await serve('kanalkoll', []), await serve('echo', ['--app', echoApp, '--no-seed']));
    const [kanalkoll, echo] = served as [Served, Served];
    // Elin's draft at its second step, the channel; every action turn saves it again ("Spara").
    const elin = new TeamsClient(kanalkoll.messages, connector, 'employee');
    const who = await elin.say('ny ansökan');
    let save = pressing(await elin.press(who, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId }), 'Spara', channel);

    const replies: Record<Served['name'], string> = { kanalkoll: 'Hej Elin! Jag är Kanalkoll.', echo: '"text":"hej"' };
    const messageTurn = async (app: Served) => {
      const { elapsed } = await timedTurn(connector, app.messages, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }), 1);
      // Once is enough to know each app answers what it should (the check costs the bench's CPU).
      const reply = app.samples.message.length === 0 ? JSON.stringify(connector.calls.at(-1)?.body) : replies[app.name];
      if (!reply.includes(replies[app.name])) throw new Error(`${app.name} answered "hej" with ${reply.slice(0, 300)}`);
      return elapsed;
    };
    const actionTurn = async (app: Served) => {
      const value = { action: { type: 'Action.Execute', ...save } };
      const { elapsed, body } = await timedTurn(connector, app.messages, activityFrom('employee', connector.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', value }), 0);
      if (body.type !== 'application/vnd.microsoft.card.adaptive' || !body.value) throw new Error(`${app.name} answered the card action with ${JSON.stringify(body)}`);
      if (app === kanalkoll) {
        // The next press is on the card just answered; a refused save would not move the revision on.
        const next = pressing(body.value, 'Spara', channel);
        if (Number(next.data.revision) !== Number(save.data.revision) + 1) throw new Error(`plan.save did not save: ${JSON.stringify(body.value).slice(0, 400)}`);
        save = next;
      }
      return elapsed;
    };

    for (let i = 0; i < warmup + turns; i++) {
      const order = i % 2 === 0 ? [kanalkoll, echo] : [echo, kanalkoll];
      for (const kind of ['message', 'action'] as const) {
        for (const app of order) {
          const elapsed = kind === 'message' ? await messageTurn(app) : await actionTurn(app);
          if (i >= warmup) app.samples[kind].push(elapsed);
        }
      }
    }
    const figures = (app: Served) => ({ message: stats(app.samples.message), action: stats(app.samples.action) });
    return { turns, warmup, action: { verb: save.verb, pressed: 'Spara on the channel step of a draft' }, kanalkoll: figures(kanalkoll), echo: figures(echo), note: cpuNote() };
  } finally {
    for (const { host } of served) host.child.kill('SIGINT');
    await Promise.all(served.map(({ host }) => host.exited));
    await connector.close();
  }
}

export const turnsPart: Part<TurnFigures> = {
  name: 'turns',
  file: 'turns.json',
  key: 'turns',
  run: async (options) => turnsBench(options.turns, options.warmup, await options.echoApp()),
  rows: (f) => {
    const row = (kind: Kind, what: string, quantity: 'median' | 'p99', goal: number) => {
      const ratio = f.kanalkoll[kind][quantity] / f.echo[kind][quantity];
      return {
        measure: `P1 ${what}, ${quantity} of ${f.turns}`,
        figure: ms(f.kanalkoll[kind][quantity]),
        floor: `${ms(f.echo[kind][quantity])} (echo bot)`,
        ratio: times(ratio),
        goal: `≤ ${goal}×`,
        met: yesNo(ratio <= goal),
      };
    };
    return [
      row('message', 'message turn "hej" → welcome card', 'median', 1.5),
      row('message', 'message turn "hej" → welcome card', 'p99', 3),
      row('action', `card action ${f.action.verb}`, 'median', 1.5),
      row('action', `card action ${f.action.verb}`, 'p99', 3),
    ];
  },
};
