import { QueueClient } from '@azure/storage-queue';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { ReportStore } from '../../bot/store/reports';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { evolve, type Assignment, type Event, type PersonRef } from '../../bot/domain/assignment';
import { isWorkingDay, zone } from '../../bot/domain/calendar';
import { defaultDutySettings, nudgeKey, overdue, type Nudge } from '../../bot/domain/duties';
import { sectionsPerCard } from '../../bot/domain/nudgeBundles';
import type { NudgeMessage } from '../../bot/flows/duties/schedule';
import { directory, tenantId, users } from '../../dev/roles';
import { expectedBetween, sweepTimes, startDutyWorld, type DutyWorld } from '../support/duties';
import { accountPlan, eventsTo, monitoringPlan } from '../support/seed';

type AccountPlan = Extract<ActivityPlan, { kind: 'account' }>;
const person = (role: keyof typeof users): PersonRef => ({ aadObjectId: users[role].aadObjectId, name: users[role].name });
const owner = (i: number): PersonRef => ({ aadObjectId: `7a000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Ägare ${i}` });
const local = (iso: string) => DateTime.fromISO(iso, { zone });
const plus = (iso: string, days: number) => local(iso).plus({ days }).toISO() ?? '';

/** An assignment of `who`, brought to `stage` at `at` by the events the real flow records. */
function stateOf(id: string, who: PersonRef, plan: ActivityPlan, stage: 'active' | 'awaiting_chief', at: string): Assignment {
  const events: Event[] = eventsTo(id, plan, stage, at).map((e) => (e.type === 'PlanStarted' ? { ...e, applicant: who } : e));
  return events.reduce<Assignment | undefined>(evolve, undefined) as Assignment;
}

/** The same, the owner having confirmed the communicator's login on the day (R10): a test of delivery, not of that duty. */
function loginDone(state: Assignment): Assignment {
  if (state.status !== 'active') return state;
  return evolve(state, { type: 'DutyCompleted', by: state.applicant, at: state.activatedAt, duty: 'login', period: local(state.activatedAt).toISODate() ?? '', evidence: { kind: 'confirmed' } });
}

/** All delivery records of these assignments, as "key|person" → state. */
async function ledgerOf(world: DutyWorld, ids: readonly string[]) {
  const records = (await Promise.all(ids.map((id) => world.stores.ledger.recordsOf(id)))).flat();
  return records.map((r) => ({ pair: `${r.key}|${r.aadObjectId}`, state: r.state, activityId: r.activityId, attempts: r.attempts }));
}

const staff = new Set([users.chief.aadObjectId, users.communicator.aadObjectId, users.commschief.aadObjectId]);

/**
 * The cards the pairs due at one sweep go out on, worked out by hand: one per person, with a section
 * per thing to do (an owner's duty period; for the chief and the communicator, a waiting plan, or
 * every escalation about one account), and a card per `sectionsPerCard` sections.
 */
function cardsFor(pairs: readonly string[]): number {
  const sections = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const [assignmentId, duty, period, level, person] = pair.split('|') as [string, string, string, string, string];
    const section = !staff.has(person) ? `${assignmentId}|${duty}|${period}` : duty === 'approval' ? `${assignmentId}|${period}|${level}` : `${assignmentId}|escalation`;
    sections.set(person, (sections.get(person) ?? new Set()).add(section));
  }
  return [...sections.values()].reduce((n, keys) => n + Math.ceil(keys.size / sectionsPerCard), 0);
}

/** The activity check's open period of an active account: 60 days after its last confirmed activity. */
function activityPeriod(state: Assignment): string {
  if (state.status !== 'active') throw new Error('not active');
  const last = [state.activatedAt, state.dutyLog?.lastActivityAt].filter((t): t is string => !!t).map((t) => local(t)).reduce((a, b) => (b > a ? b : a));
  return last.plus({ days: 60 }).startOf('day').toISODate() ?? '';
}

interface Step {
  readonly at: string;
  readonly run: () => Promise<void>;
}

describe('the duty pipeline: timer → queue → sender, against Azurite and a connector', () => {
  it('R1, R6, R10, R11, R15: a simulated year of 50 assignments sends the expected nudges, each exactly once, with every timer run three times', async () => {
    // Teams' per-conversation limit is kept to in the benchmark; here it would only make the chief's queue slow.
    const world = await startDutyWorld({ KANALKOLL_SEND_PER_CONVERSATION: '100', KANALKOLL_SEND_PER_APP: '200' });
    try {
      // The owners work under Karim, as the directory says: R1, their plans wait on him.
      await world.stores.directory.load({
        ...directory,
        people: [...directory.people, ...Array.from({ length: 50 }, (_, i) => ({ ...owner(i), email: '', title: 'Handläggare', departmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId }))],
      });
      const states = new Map<string, Assignment>();
      const keep = (state: Assignment) => void states.set(state.id, state);
      const steps: Step[] = [];
      for (const p of [person('chief'), person('communicator'), person('commschief')]) await world.install(p.aadObjectId, p.name);
      for (let i = 0; i < 50; i++) await world.install(owner(i).aadObjectId, owner(i).name);

      // 40 accounts approved over the autumn; some with too few admins, some archiving on time, some confirming activity.
      for (let i = 0; i < 40; i++) {
        const id = `konto-${i}`;
        const who = owner(i);
        const base = accountPlan({ platform: 'Instagram', accountName: `konto${i}` }) as AccountPlan;
        const good = { ...base.administration, admins: [who.aadObjectId, users.admin.aadObjectId] };
        const thin = i % 10 === 3;
        const plan: AccountPlan = { ...base, administration: thin ? { ...good, admins: [who.aadObjectId, users.communicator.aadObjectId] } : good };
        const activated = plus('2026-06-02T10:00', i * 4);
        steps.push({ at: activated, run: async () => keep(await world.seed(stateOf(id, who, plan, 'active', activated))) });
        if (thin) {
          const fixed = plus(activated, 20);
          steps.push({ at: fixed, run: async () => keep(await world.apply(id, () => ({ type: 'ChangeAdministration', meta: { actor: who, now: fixed }, administration: good }))) });
        }
        if (i % 5 === 1) {
          const archived = local('2027-01-07T10:00').toISO() ?? '';
          steps.push({ at: archived, run: async () => keep(await world.apply(id, () => ({ type: 'CompleteDuty', meta: { actor: who, now: archived }, duty: 'archive', period: '2026-H2' }))) });
        }
        if (i % 4 === 2) {
          // Answered when asked: two days after each check falls due (a check not yet due cannot be answered ahead).
          for (let k = 1; k <= 6; k++) {
            const confirmed = plus(activated, 62 * k);
            steps.push({ at: confirmed, run: async () => keep(await world.apply(id, (s) => ({ type: 'CompleteDuty', meta: { actor: who, now: confirmed }, duty: 'activity', period: activityPeriod(s) }))) });
          }
        }
      }
      // 5 plans waiting for the chief; two get approved after three days and then wait for the communicator.
      for (let i = 40; i < 45; i++) {
        const id = `plan-${i}`;
        const submitted = plus('2026-09-01T14:30', (i - 40) * 7);
        const plan = accountPlan({ platform: 'Facebook', accountName: `plan${i}` });
        steps.push({ at: submitted, run: async () => keep(await world.seed(stateOf(id, owner(i), plan, 'awaiting_chief', submitted))) });
        if (i < 42) {
          const approved = plus(submitted, 3);
          const approvers = { chief: users.chief.aadObjectId, communicator: users.communicator.aadObjectId, commsChief: users.commschief.aadObjectId };
          steps.push({ at: approved, run: async () => keep(await world.apply(id, () => ({ type: 'ApprovePlan', meta: { actor: person('chief'), now: approved, version: 1, approvers } }))) });
        }
      }
      // 5 monitoring-only assignments: no account duties.
      for (let i = 45; i < 50; i++) {
        const id = `bevakning-${i}`;
        steps.push({ at: local('2026-07-01T09:00').toISO() ?? '', run: async () => keep(await world.seed(stateOf(id, owner(i), monitoringPlan, 'active', '2026-07-01T09:00:00+02:00'))) });
      }

      const expected: string[] = [];
      let cards = 0;
      let previous = local('2026-06-01T00:00').toISO() ?? '';
      for (const at of sweepTimes('2026-06-01', '2027-06-30', ['08:05'], isWorkingDay)) {
        steps.push({
          at,
          run: async () => {
            const due = expectedBetween(states.values(), previous, at);
            expected.push(...due);
            cards += cardsFor(due);
            previous = at;
            await world.tick(3);
          },
        });
      }
      steps.sort((a, b) => local(a.at).toMillis() - local(b.at).toMillis());
      for (const step of steps) {
        world.setClock(step.at);
        await step.run();
      }

      const ledger = await ledgerOf(world, [...states.keys()]);
      const sent = world.connector.sent();
      const kinds = new Set(expected.map((pair) => pair.split('|')[1]));
      console.log(`duty year: ${states.size} assignments, ${expected.length} nudges to people, ${sent.length} sent, ${steps.length} steps`);

      expect(new Set(expected).size).toBe(expected.length);
      expect(kinds).toEqual(new Set(['archive', 'evaluation', 'activity', 'admins', 'login', 'approval']));
      expect(ledger.filter((r) => r.state !== 'sent')).toEqual([]);
      expect(ledger.map((r) => r.pair).sort()).toEqual([...expected].sort());
      // Each delivered exactly once, on one card per person per sweep: each recorded card is one the connector took.
      expect(cards).toBeLessThan(expected.length);
      expect(sent).toHaveLength(cards);
      expect(new Set(ledger.map((r) => r.activityId)).size).toBe(cards);
      // The first owner heard about the archive on the first working morning of 2027, in Swedish.
      const first = world.connector.cardsTo(`personal-${owner(0).aadObjectId}`).map((card) => JSON.stringify(card));
      expect(first.filter((card) => card.includes('Spara startsidan för konto0 (Instagram)'))).toHaveLength(2);
      expect(first.filter((card) => card.includes('Påminnelse: startsidan för konto0'))).toHaveLength(2);
      // The nudge says how (the PDF in the chat, or the archive's reference); a reminder says when the chief hears, by the settings.
      expect(first.filter((card) => card.includes('Spara startsidan för') && card.includes('bifoga filen här i chatten'))).toHaveLength(2);
      for (const reminder of first.filter((card) => card.includes('Påminnelse: startsidan'))) expect(reminder).toMatch(/Är det inte gjort den \d{1,2} \p{L}+ 20\d\d får din chef/u);
    } finally {
      await world.close();
    }
  });

  it('R15: a send Teams takes but answers late (past the time limit) is not sent again', async () => {
    const world = await startDutyWorld();
    try {
      // 30 % of sends are answered 2.5 s late, past the 1.5 s limit of the test's senders.
      world.connector.chaos({ seed: 3, throttled: 0, serverErrors: 0, timeouts: 0, slow: 0.3, slowMs: 2500 });
      const states: Assignment[] = [];
      world.setClock('2026-10-01T10:00');
      for (let i = 0; i < 10; i++) {
        await world.install(owner(i).aadObjectId, owner(i).name);
        states.push(await world.seed(loginDone(stateOf(`late-${i}`, owner(i), accountPlan({ platform: 'X', accountName: `late${i}` }), 'active', plus('2026-10-01T10:00', -i)))));
      }
      world.setClock('2027-01-04T08:05');
      await world.tick(2);

      const ledger = await ledgerOf(world, states.map((s) => s.id));
      const owners = ledger.filter((r) => r.pair.includes('|7a000000'));
      expect(world.connector.trouble.slow).toBeGreaterThan(0);
      expect(owners.length).toBeGreaterThan(0);
      expect(owners.filter((r) => r.state !== 'sent')).toEqual([]);
      // One card per owner, each posted once: a late answer is not a lost send.
      const posted = Array.from({ length: 10 }, (_, i) => world.connector.cardsTo(`personal-${owner(i).aadObjectId}`).length);
      expect(posted).toEqual(Array.from({ length: 10 }, () => 1));
      expect(new Set(owners.map((r) => r.activityId)).size).toBe(10);
    } finally {
      await world.close();
    }
  });

  it('with Teams answering 30 % 429/5xx and dropping 5 %, every nudge is delivered exactly once', async () => {
    const world = await startDutyWorld();
    try {
      world.connector.chaos({ seed: 7, throttled: 0.15, serverErrors: 0.15, timeouts: 0.05 });
      for (const p of [person('chief'), person('communicator')]) await world.install(p.aadObjectId, p.name);
      const states: Assignment[] = [];
      world.setClock('2026-10-01T10:00');
      for (let i = 0; i < 20; i++) {
        await world.install(owner(i).aadObjectId, owner(i).name);
        states.push(await world.seed(stateOf(`k-${i}`, owner(i), accountPlan({ platform: 'X', accountName: `k${i}` }), 'active', plus('2026-10-01T10:00', -i))));
      }
      // Every nudge of the turn of the year: activity checks, archive snapshots, reminders and escalations.
      for (const at of ['2027-01-04T08:05', '2027-01-15T08:05', '2027-02-01T08:05']) {
        world.setClock(at);
        await world.tick(2);
      }
      // A try put back on the queue for later is visible again after its wait: the queue runs until
      // nothing is left on it, visible or waiting, however long the tries take on this machine.
      const nudges = new QueueClient(world.storage.connectionString, 'nudges');
      while (((await nudges.getProperties()).approximateMessagesCount ?? 0) > 0) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await world.triggers.drain();
      }
      await world.tick(1);

      const expected = expectedBetween(states, '2026-09-01T00:00:00Z', local('2027-02-01T08:05').toISO() ?? '');
      const ledger = await ledgerOf(world, states.map((s) => s.id));
      const sent = world.connector.sent();
      const cards = new Set(ledger.map((r) => r.activityId)).size;
      console.log(`chaos: ${expected.length} nudges on ${cards} cards, trouble ${JSON.stringify(world.connector.trouble)}, tries ${ledger.reduce((n, r) => n + r.attempts, 0)}`);
      expect(world.connector.trouble.throttled + world.connector.trouble.serverError).toBeGreaterThan(cards * 0.2);
      expect(world.connector.trouble.timeout).toBeGreaterThan(0);
      expect(ledger.filter((r) => r.state !== 'sent')).toEqual([]);
      expect(ledger.map((r) => r.pair).sort()).toEqual([...expected].sort());
      expect(cards).toBeLessThan(expected.length);
      expect(sent).toHaveLength(cards);
    } finally {
      await world.close();
    }
  });

  it('R15: a 403 marks the owner unreachable and tells the chief and the communicator, without retrying', async () => {
    const world = await startDutyWorld();
    try {
      const who = owner(1);
      for (const p of [person('chief'), person('communicator'), who]) await world.install(p.aadObjectId, p.name);
      world.setClock('2026-11-02T10:00');
      await world.seed(loginDone(stateOf('blocked', who, accountPlan({ platform: 'Instagram', accountName: 'blockerat' }), 'active', '2026-11-02T10:00:00+01:00')));
      world.connector.refuse(new RegExp(`personal-${who.aadObjectId}`), 403);
      world.setClock('2027-01-04T08:05');
      await world.tick(3);

      // One refused try for the card with both nudges (archive snapshot, activity check), and none after.
      expect(world.connector.refusals.filter((c) => c.path.includes(`personal-${who.aadObjectId}`))).toHaveLength(1);
      const ledger = await ledgerOf(world, ['blocked']);
      expect(ledger.filter((r) => r.pair.endsWith(who.aadObjectId)).map((r) => [r.state, r.attempts])).toEqual([
        ['unreachable', 1],
        ['unreachable', 1],
      ]);
      const chief = world.connector.cardsTo(`personal-${users.chief.aadObjectId}`).map((c) => JSON.stringify(c));
      const communicator = world.connector.cardsTo(`personal-${users.communicator.aadObjectId}`).map((c) => JSON.stringify(c));
      // One card each for everything the owner missed (the archive snapshot and the activity check), listing what waits.
      for (const cards of [chief, communicator]) {
        expect(cards).toHaveLength(1);
        expect(cards[0]).toContain(`${who.name} kan inte nås i Teams`);
        expect(cards[0]).toContain('Arkivera startsidan för andra halvåret 2026');
        expect(cards[0]).toContain('Ange när kontot senast uppdaterades');
      }
      expect((await world.stores.conversations.user(world.reach.tenantId, who.aadObjectId))?.unreachable?.reason).toMatch(/^403/);
    } finally {
      await world.close();
    }
  });

  it('keeps a nudge in the dead-letter table after the last try; the connector client adds no tries of its own', async () => {
    const world = await startDutyWorld({ KANALKOLL_SEND_ATTEMPTS: '4' });
    try {
      const who = owner(2);
      await world.install(who.aadObjectId, who.name);
      world.setClock('2026-11-02T10:00');
      await world.seed(loginDone(stateOf('down', who, accountPlan({ platform: 'Instagram', accountName: 'nere' }), 'active', '2026-11-02T10:00:00+01:00')));
      world.connector.refuse(new RegExp(`personal-${who.aadObjectId}`), 503);
      world.setClock('2027-01-04T08:05');
      await world.tick(2);

      const ledger = await ledgerOf(world, ['down']);
      expect(ledger.map((r) => [r.state, r.attempts])).toEqual([
        ['dead', 4],
        ['dead', 4],
      ]);
      // One card with both nudges × 4 tries, each one request: botbuilder's own retries are switched off for nudges.
      expect(world.connector.refusals.filter((c) => c.path.includes(`personal-${who.aadObjectId}`))).toHaveLength(4);
      const letters = await world.stores.ledger.deadLetters('2027-01');
      expect(letters.map((l) => [l.nudge.duty, l.aadObjectId, l.attempts, l.reason.slice(0, 22)]).sort()).toEqual([
        ['activity', who.aadObjectId, 4, 'gave up after 4 tries:'],
        ['archive', who.aadObjectId, 4, 'gave up after 4 tries:'],
      ]);
    } finally {
      await world.close();
    }
  });

  it('honours Retry-After: a throttled send is tried again only after the wait Teams asked for', async () => {
    const world = await startDutyWorld();
    try {
      const who = owner(3);
      await world.install(who.aadObjectId, who.name);
      world.setClock('2026-11-02T10:00');
      await world.seed(stateOf('slow', who, accountPlan({ platform: 'Instagram', accountName: 'långsam' }), 'active', '2026-11-02T10:00:00+01:00'));
      world.connector.chaos({ seed: 1, throttled: 1, serverErrors: 0, timeouts: 0, retryAfterSeconds: 1 });
      world.setClock('2027-01-04T08:05');
      let swept = false;
      const sweep = world.tick(1).finally(() => (swept = true));
      // Until the first send is throttled, however long the sweep takes to get there.
      while (world.connector.trouble.throttled === 0 && !swept) await new Promise((resolve) => setTimeout(resolve, 5));
      const throttledAt = performance.now();
      world.connector.chaos(undefined);
      await sweep;
      expect(world.connector.trouble.throttled).toBeGreaterThan(0);
      expect(world.connector.cardsTo(`personal-${who.aadObjectId}`)).toHaveLength(1);
      expect(performance.now() - throttledAt).toBeGreaterThanOrEqual(1000);
    } finally {
      await world.close();
    }
  });

  it('R14: the substitute hears at the start of the absence, not before; without one, the chief and the communicator do', async () => {
    const world = await startDutyWorld();
    try {
      const who = owner(5);
      for (const p of [person('chief'), person('communicator'), person('admin'), who]) await world.install(p.aadObjectId, p.name);
      world.setClock('2027-03-01T10:00');
      await world.seed(stateOf('away', who, accountPlan({ platform: 'Instagram', accountName: 'semester' }), 'active', '2027-03-01T10:00:00+01:00'));
      world.setClock('2027-06-01T10:00');
      await world.apply('away', () => ({ type: 'RegisterAbsence', meta: { actor: who, now: '2027-06-01T10:00:00+02:00' }, from: '2027-07-12', to: '2027-07-30', substitute: person('admin') }));
      await world.apply('away', () => ({ type: 'RegisterAbsence', meta: { actor: who, now: '2027-06-01T10:00:00+02:00' }, from: '2027-08-16', to: '2027-08-20' }));
      world.setClock('2027-07-09T16:00');
      await world.tick(2);
      expect(world.connector.cardsTo(`personal-${users.admin.aadObjectId}`)).toHaveLength(0);
      world.setClock('2027-07-12T08:05');
      await world.tick(2);
      const toAida = world.connector.cardsTo(`personal-${users.admin.aadObjectId}`).map((c) => JSON.stringify(c));
      expect(toAida).toHaveLength(1);
      expect(toAida[0]).toContain(`Du är ersättare för ${who.name}`);
      world.setClock('2027-08-16T08:05');
      await world.tick(2);
      const toKarim = world.connector.cardsTo(`personal-${users.chief.aadObjectId}`).map((c) => JSON.stringify(c));
      expect(toKarim.filter((c) => c.includes(`${who.name} är borta utan ersättare`))).toHaveLength(1);
    } finally {
      await world.close();
    }
  });

  it('R16: the weekly digest reaches the communications chief and each department communicator once a week, with figures that add up', async () => {
    const world = await startDutyWorld({ KANALKOLL_TENANT_ID: tenantId });
    try {
      for (const p of [person('chief'), person('communicator'), person('commschief')]) await world.install(p.aadObjectId, p.name);
      world.setClock('2026-11-02T10:00');
      for (let i = 0; i < 3; i++) await world.seed(stateOf(`d-${i}`, owner(10 + i), accountPlan({ platform: 'Instagram', accountName: `digest${i}` }), 'active', '2026-11-02T10:00:00+01:00'));
      await world.seed(stateOf('d-wait', owner(13), accountPlan({ platform: 'X', accountName: 'väntar' }), 'awaiting_chief', '2027-01-05T10:00:00+01:00'));
      world.setClock('2027-01-07T10:00');
      await world.apply('d-0', () => ({ type: 'CompleteDuty', meta: { actor: owner(10), now: '2027-01-07T10:00:00+01:00' }, duty: 'archive', period: '2026-H2' }));
      // Week 1: two criticisms about Kultur och fritid, one negative article filed from Kommunledning (as the report flow notes them).
      const reports = new ReportStore(world.stores.tables);
      const filed = (kind: 'criticism' | 'negative', departmentId: string) =>
        reports.noteWeek({ id: randomUUID(), kind, reporter: person('chief'), filedAt: '2027-01-07T10:00:00.000Z', content: {} as never }, '2027-W01', departmentId);
      await filed('criticism', 'kultur-fritid');
      await filed('criticism', 'kultur-fritid');
      await filed('negative', 'kommunledning');
      // Sunday: no digest. Monday 11 January 09:00: the digest of week 2; again at 10:00: nothing new.
      world.setClock('2027-01-10T12:00');
      await world.tick(1);
      const digests = (role: 'commschief' | 'communicator') => world.connector.cardsTo(`personal-${users[role].aadObjectId}`).map((c) => JSON.stringify(c)).filter((c) => c.includes('Veckans läge'));
      expect(digests('commschief')).toHaveLength(0);
      world.setClock('2027-01-11T09:00');
      await world.tick(1);
      world.setClock('2027-01-11T10:00');
      await world.tick(1);
      const johan = digests('commschief');
      expect(johan).toHaveLength(1);
      expect(johan[0]).toContain('Veckans läge, vecka 2 2027');
      expect(johan[0]).toContain('Hela kommunen');
      const fact = (card: string, title: string) => new RegExp(`"title":"${title}","value":"([^"]*)"`).exec(card)?.[1];
      expect([fact(johan[0]!, 'Aktiva konton'), fact(johan[0]!, 'Ansökningar som väntar'), fact(johan[0]!, 'Försenad arkivering'), fact(johan[0]!, 'Konton utan bekräftad aktivitet')]).toEqual(['3', '1', '2', '3']);
      expect(johan[0]).toContain('Arkivering: digest1 (Instagram), Ägare 11, sedan 2027-01-01');
      // R16: last week's reports, for the whole municipality and by department.
      expect([fact(johan[0]!, 'Rapporterad kritik förra veckan'), fact(johan[0]!, 'Rapporterat negativt om kommunen förra veckan')]).toEqual(['2', '1']);
      // Sara is the communicator of both departments: one digest covering both (DESIGN.md: one card per person); all accounts are in Kultur och fritid.
      const sara = digests('communicator');
      expect(sara).toHaveLength(1);
      expect(sara[0]).toContain('Kommunledningsförvaltningen, Kultur- och fritidsförvaltningen');
      expect(fact(sara[0]!, 'Aktiva konton')).toBe('3');
      expect([fact(sara[0]!, 'Rapporterad kritik förra veckan'), fact(sara[0]!, 'Rapporterat negativt om kommunen förra veckan')]).toEqual(['2', '1']);
      // R16: the overview's figures with their 12-week trend, each equal to a count from storage.
      const card = JSON.parse(johan[0]!) as unknown;
      const stored = (await world.stores.assignments.all()).filter((a) => a.status === 'active');
      const at = DateTime.fromISO('2027-01-11T09:00', { zone: 'Europe/Stockholm' });
      const overdueNow = stored.reduce((n, a) => n + overdue(a, at, defaultDutySettings, { communicatorAadObjectId: users.communicator.aadObjectId }).filter((o) => o.duty !== 'approval').length, 0);
      const charts = (node: unknown): Record<string, unknown>[] =>
        Array.isArray(node) ? node.flatMap(charts) : typeof node === 'object' && node !== null ? [...(String((node as { type?: unknown }).type).startsWith('Chart.') ? [node as Record<string, unknown>] : []), ...Object.values(node).flatMap(charts)] : [];
      const titled = (title: string) => charts(card).find((c) => c.title === title)!;
      const [accounts, trend, reportsChart] = [titled('Konton per förvaltning'), titled('Försenade uppgifter per vecka'), titled('Kritik och negativt material per vecka')];
      expect((accounts!.data as { title: string; data: { value: number }[] }[]).map((b) => [b.title, b.data[0]!.value])).toEqual([['Kommunledningsförvaltningen', 0], ['Kultur- och fritidsförvaltningen', 3]]);
      const overdueTrend = (trend!.data as { values: { x: string; y: number }[] }[])[0]!.values;
      expect(overdueTrend.at(-1)!.x).toBe('v. 2');
      expect(overdueTrend).toHaveLength(12);
      expect(overdueTrend.at(-1)!.y).toBe(overdueNow);
      const [criticism, negative] = (reportsChart!.data as { values: { y: number }[] }[]).map((series) => series.values.map((v) => v.y));
      expect([criticism!.at(-2), negative!.at(-2), criticism!.at(-1), negative!.at(-1)]).toEqual([2, 1, 0, 0]);
    } finally {
      await world.close();
    }
  });

  it('never sends again a nudge whose send started but was never recorded: it is kept for a person', async () => {
    const world = await startDutyWorld();
    try {
      const who = owner(4);
      await world.install(who.aadObjectId, who.name);
      world.setClock('2026-11-02T10:00');
      const state = await world.seed(stateOf('crash', who, accountPlan({ platform: 'Instagram', accountName: 'krasch' }), 'active', '2026-11-02T10:00:00+01:00'));
      const nudge: Nudge = { assignmentId: state.id, duty: 'archive', period: '2026-H2', level: 0, at: '2027-01-04T07:00:00.000Z', due: '2027-01-01', audience: 'owner' };
      // As if a process had claimed the send at 08:00 and stopped before recording how it went.
      await world.stores.ledger.write(nudge, who.aadObjectId, { state: 'sending', attempts: 1, updatedAt: '2027-01-04T07:00:00.000Z', leaseUntil: '2027-01-04T07:02:00.000Z' }, undefined);
      world.setClock('2027-01-04T08:30');
      await world.stores.queues.queue<NudgeMessage>('nudges').send({ person: who.aadObjectId, nudges: [nudge], reach: world.reach, attempt: 1 });
      await world.triggers.drain();

      expect(world.connector.cardsTo(`personal-${who.aadObjectId}`)).toHaveLength(0);
      expect((await ledgerOf(world, ['crash'])).map((r) => [r.pair, r.state])).toEqual([[`${nudgeKey(nudge)}|${who.aadObjectId}`, 'uncertain']]);
      expect((await world.stores.ledger.deadLetters('2027-01')).map((l) => l.reason)).toEqual(['a send was started but never recorded; it may or may not have arrived']);
    } finally {
      await world.close();
    }
  });
});
