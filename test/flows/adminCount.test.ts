import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { isWorkingDay, zone } from '../../bot/domain/calendar';
import { defaultDutySettings } from '../../bot/domain/duties';
import { reschedule } from '../../bot/flows/duties/schedule';
import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { DutySchedule } from '../../bot/store/duties';
import { NudgeLedger } from '../../bot/store/nudges';
import { RegisterStore } from '../../bot/store/register';
import { moveClock } from '../../dev/clock';
import { tenantId, users } from '../../dev/roles';
import { administration, channel, commitments, purpose } from '../support/samplePlan';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

const notCounted = 'Kommunikatören läggs till automatiskt och räknas inte. Välj två andra.';
const sara = users.communicator.aadObjectId;

/**
 * R10: "Minst två personer samt förvaltningens kommunikatör": the department communicator is added by
 * Kanalkoll and never counts toward the two, by one rule, where the plan is checked and where the
 * weekly coverage duty counts. Over HTTP: the plan's cards, the approvers' cards, the duty sweep.
 */
describe('R10: one count of admins, in the plan and in the coverage duty', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;
  let stores: { assignments: AssignmentStore; register: RegisterStore };
  const saved = process.env.KANALKOLL_CLOCK_OFFSET_MS;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], { KANALKOLL_LOCALE: 'sv' });
    elin = world.client('employee');
    stores = { assignments: new AssignmentStore(world.tables), register: new RegisterStore(world.tables) };
  });
  afterAll(async () => {
    await world.close();
    if (saved === undefined) delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    else process.env.KANALKOLL_CLOCK_OFFSET_MS = saved;
  });

  const draftIdOf = (card: Card) => String(actionsOf(card).find((a) => a.data.draftId)?.data.draftId);
  const latestCard = (role: 'chief' | 'communicator' | 'commschief', id: string) => world.connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(id)).at(-1)!;

  /** "ny ansökan", up to the administration step. */
  async function toAdministration(): Promise<Card> {
    let card = await elin.say('ny ansökan');
    card = await elin.press(card, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId });
    card = await elin.press(card, 'Fortsätt', channel);
    card = await elin.press(card, 'Fortsätt', purpose);
    expect(textOf(card)).toContain('Steg 4 av 5');
    return card;
  }

  it('R10: the administration step refuses the department communicator and one other as the two admins, says why, and stores nothing', async () => {
    const card = await toAdministration();
    const id = draftIdOf(card);
    const before = await stores.assignments.get(id);

    const refused = await elin.press(card, 'Fortsätt', { ...administration, admin1: sara, admin2: users.admin.aadObjectId });

    expect(textOf(refused)).toContain(notCounted);
    expect(textOf(refused)).toContain('Steg 4 av 5');
    expect(await stores.assignments.get(id)).toEqual(before);
    // The same rule on an account's "Ändra administration".
    const account = randomUUID();
    await seed(stores, account, accountPlan({ platform: 'Instagram', accountName: `Konto ${account.slice(0, 8)}` }), 'active');
    const stored = await stores.assignments.get(account);
    const form = await elin.invoke('account.admins', { assignmentId: account });
    const changed = await elin.press(form, 'Spara', { admin1: users.employee.aadObjectId, admin2: sara });
    expect(textOf(changed)).toContain(notCounted);
    expect(await stores.assignments.get(account)).toEqual(stored);
  });

  it('R10: the plan and the coverage duty count alike: a plan the check lets through is approved and never nagged for admins', async () => {
    const tried: Record<string, readonly [string, string]> = { 'Elin and Aida': [users.employee.aadObjectId, users.admin.aadObjectId], 'Sara (the communicator) and Aida': [sara, users.admin.aadObjectId] };
    const approved: Record<string, string> = {};
    for (const [who, [admin1, admin2]] of Object.entries(tried)) {
      let card = await elin.press(await toAdministration(), 'Fortsätt', { ...administration, admin1, admin2 });
      if (!textOf(card).includes('Steg 5 av 5')) continue;
      card = await elin.press(card, 'Fortsätt', commitments);
      const id = draftIdOf(card);
      await elin.press(card, 'Skicka till din chef');
      for (const role of ['chief', 'communicator', 'commschief'] as const) await world.client(role).press(latestCard(role, id), 'Godkänn');
      expect((await stores.assignments.get(id))!.value.status).toBe('active');
      approved[who] = id;
    }
    // An account approved before the rule held, with the communicator as one of its two: the duty nags it.
    const before = accountPlan({ platform: 'Instagram', accountName: 'tunnbiblioteket' }) as Extract<ActivityPlan, { kind: 'account' }>;
    const old = randomUUID();
    const state = await seed(stores, old, { ...before, administration: { ...before.administration, admins: [users.employee.aadObjectId, sara] } }, 'active');
    await reschedule({ directory: new DirectoryStore(world.tables), schedule: new DutySchedule(world.tables), settings: defaultDutySettings, clock: systemClock }, state, { tenantId, serviceUrl: world.connector.serviceUrl });

    // Two weeks on, on a working morning: every weekly admin notice due by then has gone out.
    let day = DateTime.fromJSDate(systemClock()).setZone(zone).plus({ days: 14 }).set({ hour: 8, minute: 5 });
    while (!isWorkingDay(day)) day = day.plus({ days: 1 });
    moveClock(day.toISO() ?? '');
    await world.timer('dutySweep');
    await world.drain();

    const ledger = new NudgeLedger(world.tables);
    const nagged = async (id: string) => (await ledger.recordsOf(id)).some((r) => r.key.split('|')[1] === 'admins');
    // Each plan the check let through, and whether the duty nags it: only Elin and Aida's, never nagged.
    const verdicts = Object.fromEntries(await Promise.all(Object.entries(approved).map(async ([who, id]) => [who, await nagged(id)] as const)));
    expect(verdicts).toEqual({ 'Elin and Aida': false });
    expect(await nagged(old)).toBe(true);
  });
});
