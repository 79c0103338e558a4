import { DateTime } from 'luxon';
import { systemClock } from '../../bot/clock';
import { eachLimited } from '../../bot/eachLimited';
import { evolve, type Assignment, type Event } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { texts } from '../../bot/i18n';
import { fromColumns } from '../../bot/store/repository';
import { maxActivityBytes } from '../../bot/teams/front';
import { verbs, type Verb } from '../../cards';
import { users } from '../../dev/roles';
import { activityFrom, post } from '../support/activities';
import { brokenSubmissions, takesInput, validSubmissions, type Actor, type Submission, type Targets } from '../support/cardSubmissions';
import { startDutyWorld, type DutyWorld } from '../support/duties';
import { refusalOn, refusalTexts } from '../support/refusals';
import { accountPlan, eventsTo, type Stage } from '../support/seed';
import { snapshotStorage, storageChanges, type StorageSnapshot, type StoredThing } from '../support/storageSnapshot';

const submissions = Number(process.env.FUZZ_N ?? 10_000);
const inFlight = 8;
const seed = Number(process.env.KANALKOLL_FUZZ_SEED ?? 20270104);
const cardType = 'application/vnd.microsoft.card.adaptive';
const known = refusalTexts('sv');
const { apology } = texts('sv').errors;

const ids = {
  draft: 'f0000000-0000-4000-8000-000000000001',
  awaiting: 'f0000000-0000-4000-8000-000000000002',
  active: 'f0000000-0000-4000-8000-000000000003',
  othersDraft: 'f0000000-0000-4000-8000-000000000004',
  othersActive: 'f0000000-0000-4000-8000-000000000005',
};

/**
 * The seeded assignments each sender has no part in, by their account names: no answer to them may
 * name one, whatever they pressed (a refusal says nothing about what is not theirs). The public
 * register is the one card that lists accounts in use to anyone. Elin is an admin of Nora's active
 * account and Aida of both active accounts (the sample plan's admins): those are theirs to see.
 */
const noPartIn: Partial<Record<Actor, readonly string[]>> = {
  colleague: ['Fritidsgårdarna i Botkyrka', 'Biblioteken i Botkyrka', 'Kulturhuset i Tumba'],
  admin: ['Fritidsgårdarna i Botkyrka', 'Biblioteken i Botkyrka', 'Konsthallen'],
  employee: ['Konsthallen'],
  anonymous: ['Fritidsgårdarna i Botkyrka', 'Biblioteken i Botkyrka', 'Kulturhuset i Tumba', 'Konsthallen', 'Botkyrka bibliotek'],
};
const namedToStranger = (s: Submission, card: unknown): string | undefined =>
  s.verb === 'register.show' ? undefined : (noPartIn[s.actor] ?? []).find((name) => JSON.stringify(card ?? null).includes(name));

/** An assignment brought to `stage` as the real flow records it, applied for by `applicant`. */
function stateOf(id: string, accountName: string, stage: Stage, applicant: 'employee' | 'colleague'): Assignment {
  const person = { aadObjectId: users[applicant].aadObjectId, name: users[applicant].name };
  const events: Event[] = eventsTo(id, accountPlan({ platform: 'Instagram', accountName }), stage).map((e) => (e.type === 'PlanStarted' ? { ...e, applicant: person } : e));
  return events.reduce<Assignment | undefined>(evolve, undefined) as Assignment;
}

/**
 * Every turn refreshes where the bot reaches its sender (bot/teams/references.ts), whatever the card
 * said: that row may get a new time and etag, nothing else.
 */
function withoutReachRefresh(key: string, thing: StoredThing): unknown {
  if (!key.startsWith('table:conversations/')) return thing;
  const without = (value: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
  return without(fromColumns(without(thing, 'etag', 'timestamp')) as Record<string, unknown>, 'updatedAt');
}

interface Answer {
  readonly status: number;
  readonly type?: unknown;
  readonly card?: unknown;
  readonly text: string;
  readonly bytes: number;
  /** The size of the activity sent. */
  readonly sentBytes: number;
  readonly ms: number;
}

/** Presses a card button as Teams does: an `adaptiveCard/action` invoke over HTTP, answered in the response. */
async function press(world: DutyWorld, s: Pick<Submission, 'verb' | 'actor' | 'data'>): Promise<Answer> {
  const action = { type: 'Action.Execute', verb: s.verb, ...(s.data === undefined ? {} : { data: s.data }) };
  const activity = activityFrom(s.actor === 'anonymous' ? 'employee' : s.actor, world.connector.serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale: 'sv-SE',
    value: { action },
    // Teams did not say who pressed: no AAD object id.
    ...(s.actor === 'anonymous' ? { from: { id: '29:anonymous', name: 'Okänd' }, conversation: { id: 'personal-anonymous', conversationType: 'personal' } } : {}),
  });
  const sentBytes = Buffer.byteLength(JSON.stringify(activity));
  const started = performance.now();
  const response = await post(world.messagesUrl, activity);
  const text = await response.text();
  const ms = performance.now() - started;
  const body = (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as { type?: unknown; value?: unknown }) : undefined;
  const card = body?.type === cardType ? body.value : undefined;
  return { status: response.status, type: body?.type, card, text: text.slice(0, 300), bytes: Buffer.byteLength(JSON.stringify(card ?? null)), sentBytes, ms };
}

/** Teams' limit for a message, a card included. */
const maxCardBytes = 40 * 1024;

/** An activity over Kanalkoll's size limit is refused before it is read (413; Teams shows its own error), and only such a one. */
const refusedAtFront = (a: Answer) => a.sentBytes > maxActivityBytes && a.status === 413;

const crashOf = (a: Answer): string | undefined =>
  a.sentBytes > maxActivityBytes
    ? refusedAtFront(a) ? undefined : `${a.sentBytes} bytes sent, over the limit, and HTTP ${a.status} instead of 413`
    : a.status !== 200
    ? `HTTP ${a.status}: ${a.text}`
    : a.type !== cardType
      ? a.text.includes(apology) ? `the apology: ${a.text}` : `not a card: ${a.text}`
      : a.bytes > maxCardBytes ? `a card of ${a.bytes} bytes, more than Teams shows` : undefined;


const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

describe('reliability: bad input on any card gets a clear error and loses nothing (R4, R9)', () => {
  let world: DutyWorld;
  let targets: Targets;
  let snapshot: () => Promise<StorageSnapshot>;

  beforeAll(async () => {
    // The app logs a line per turn: kept out of the output here (problems are collected in the test).
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    // Its own Azurite: the other suites' writes on the shared one would look like changes here.
    world = await startDutyWorld();
    world.setClock('2027-01-04T10:00');
    const seeded = [
      stateOf(ids.draft, 'Fritidsgårdarna i Botkyrka', 'draft', 'employee'),
      stateOf(ids.awaiting, 'Biblioteken i Botkyrka', 'awaiting_chief', 'employee'),
      stateOf(ids.active, 'Kulturhuset i Tumba', 'active', 'employee'),
      stateOf(ids.othersDraft, 'Konsthallen', 'draft', 'colleague'),
      stateOf(ids.othersActive, 'Botkyrka bibliotek', 'active', 'colleague'),
    ];
    for (const state of seeded) await world.seed(state);
    const [draft, awaiting] = seeded as [Assignment, Assignment];
    targets = {
      draft: { id: draft.id, revision: draft.revision },
      awaiting: { id: awaiting.id, version: awaiting.planVersion, revision: awaiting.revision },
      active: ids.active,
      othersDraft: ids.othersDraft,
      othersActive: ids.othersActive,
      today: DateTime.fromJSDate(systemClock()).setZone(zone).toISODate() ?? '',
    };
    // Everyone has talked to the bot once, so their turns only refresh where they are reached.
    for (const role of Object.keys(users) as (keyof typeof users)[]) expect(crashOf(await press(world, { verb: 'help.topics', actor: role, data: {} }))).toBeUndefined();
    snapshot = () => snapshotStorage(world.storage.connectionString);
  });
  afterAll(async () => {
    await world.close();
    jest.restoreAllMocks();
  });

  it(`R4, R9: ${submissions.toLocaleString('en')} broken card submissions over HTTP: 0 crashes, 0 stored changes, a clear error on every one that carries bad data, nothing named that the sender has no part in`, async () => {
    const generated = [...brokenSubmissions(submissions, seed, targets)];
    const before = await snapshot();
    const sentBefore = world.connector.calls.length;
    // The app logs a line per turn; the run keeps the problems and leaves the rest out of the output.
    const problems: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((line: unknown) => void problems.push(String(line)));
    const error = jest.spyOn(console, 'error').mockImplementation((line: unknown) => void problems.push(String(line)));
    const started = performance.now();
    const answers: Answer[] = new Array(generated.length);
    try {
      await eachLimited([...generated.keys()], inFlight, async (i) => void (answers[i] = await press(world, generated[i] as Submission)));
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await snapshot();

    const perVerb = new Map<Verb, { sent: number; broken: number; refused: number; crashes: number; ms: number[] }>(verbs.map((v) => [v, { sent: 0, broken: 0, refused: 0, crashes: 0, ms: [] }]));
    const crashes: string[] = [];
    const silent: string[] = [];
    const leaks: string[] = [];
    generated.forEach((s, i) => {
      const answer = answers[i] as Answer;
      const row = perVerb.get(s.verb)!;
      const crash = crashOf(answer);
      const refusal = answer.card === undefined ? undefined : refusalOn(answer.card, known);
      row.sent++;
      row.ms.push(answer.ms);
      if (s.refused) row.broken++;
      if (refusal || refusedAtFront(answer)) row.refused++;
      const what = `#${i} ${s.verb} by ${s.actor} [${s.mutations.join('; ')}]`;
      if (crash) {
        row.crashes++;
        crashes.push(`${what}: ${crash}`);
      } else if (s.refused && !refusal && !refusedAtFront(answer)) silent.push(`${what}: ${JSON.stringify(answer.card).slice(0, Number(process.env.FUZZ_CARD ?? 400))}`);
      const named = namedToStranger(s, answer.card);
      if (named) leaks.push(`${what}: names "${named}"`);
    });
    const changes = storageChanges(before, after, withoutReachRefresh);
    const all = answers.map((a) => a.ms);
    const table = [...perVerb].map(([verb, r]) => `  ${verb.padEnd(24)} ${String(r.sent).padStart(4)} sent, ${String(r.broken).padStart(4)} broken, ${String(r.refused).padStart(4)} refused, ${r.crashes} crashes, median ${percentile(r.ms, 0.5).toFixed(1)} ms`);
    console.log(
      [
        `card submissions, seed ${seed} (KANALKOLL_FUZZ_SEED=${seed} repeats this run): ${answers.length} invokes in ${seconds.toFixed(1)} s, ${inFlight} in flight, ` +
          `${(answers.length / seconds).toFixed(0)}/s; per invoke median ${percentile(all, 0.5).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms, max ${Math.max(...all).toFixed(0)} ms`,
        `crashes ${crashes.length}, stored changes ${changes.length}, clear errors shown ${silent.length === 0 ? 'on every broken one' : `missing on ${silent.length}`} ` +
          `(${generated.filter((s) => s.refused).length} broken, ${[...perVerb.values()].reduce((n, r) => n + r.refused, 0)} refused, ${answers.filter(refusedAtFront).length} of them over ${maxActivityBytes / 1024} KB with 413), ` +
          `cards sent to anyone ${world.connector.calls.length - sentBefore}, answers naming what the sender has no part in ${leaks.length}`,
        ...table,
        ...crashes.slice(0, 10).map((c) => `CRASH ${c}`),
        ...silent.slice(0, Number(process.env.FUZZ_SHOW ?? 10)).map((c) => `NO CLEAR ERROR ${c.slice(0, Number(process.env.FUZZ_WIDTH ?? 1000))}`),
        ...leaks.slice(0, 10).map((c) => `NAMES WHAT IS NOT THEIRS ${c}`),
        ...changes.slice(0, 10).map((c) => `CHANGE ${c}`),
        ...problems.slice(0, 10).map((p) => `LOG ${p.slice(0, 600)}`),
      ].join('\n'),
    );

    // Every verb was pressed, and every verb that takes input was pressed broken every time.
    for (const [verb, r] of perVerb) {
      expect([verb, r.sent >= Math.floor(submissions / verbs.length)]).toEqual([verb, true]);
      if (takesInput(verb)) expect([verb, r.broken]).toEqual([verb, r.sent]);
    }
    expect(crashes).toEqual([]);
    expect(silent).toEqual([]);
    expect(leaks).toEqual([]);
    expect(changes).toEqual([]);
    expect(world.connector.calls.length - sentBefore).toBe(0);
    // A "__proto__" in card data stays data.
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('control: the same submissions unbroken are accepted and do change what is stored, so the comparison sees changes', async () => {
    for (const valid of validSubmissions(targets)) {
      const before = await snapshot();
      const answer = await press(world, valid);
      const changes = storageChanges(before, await snapshot(), withoutReachRefresh);
      expect([valid.verb, crashOf(answer), refusalOn(answer.card, known), changes.length > 0]).toEqual([valid.verb, undefined, undefined, true]);
    }
  });
});
