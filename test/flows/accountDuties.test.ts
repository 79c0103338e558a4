import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { Assignment } from '../../bot/domain/assignment';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { teamsBytes, teamsCardLimit } from '../support/cardSizes';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, inputsOf, textOf, type Card } from '../support/teamsClient';

/** "Mina konton" has no dead ends: what each account has due, with its buttons, and the evaluation at any time (R6, R10, R11, R15). */
describe('"mina konton" shows what is due and does it (R6, R11, R15)', () => {
  let world: TeamsWorld;
  let assignments: AssignmentStore;
  const id = randomUUID();
  const name = `Kulturskolan ${id.slice(0, 4)}`;

  beforeAll(async () => {
    world = await startTeams(['employee', 'communicator']);
    assignments = new AssignmentStore(world.tables);
    // Approved 2026-11-02; on 20 January 2027 the archive snapshot, the communicator's login and the activity check are due.
    await seed({ assignments, register: new RegisterStore(world.tables) }, id, accountPlan({ platform: 'Instagram', accountName: name }), 'active');
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(DateTime.fromISO('2027-01-20T10:00', { zone: 'Europe/Stockholm' }).toMillis() - Date.now());
  });
  afterAll(async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await world.close();
  });

  const stored = async () => (await assignments.get(id))!.value as Extract<Assignment, { status: 'active' }>;
  const button = (card: Card, title: string) => actionsOf(card).find((a) => a.title === title && a.data.assignmentId === id)!;

  it('R15, R11, R10: "mina konton" shows what each account has due, with the buttons of its nudge, and a button pressed there is done and answered with the accounts', async () => {
    const elin = world.client('employee');
    const card = await elin.say('mina konton');
    expect(textOf(card)).toContain('Att göra nu');
    for (const line of ['Arkivera startsidan för andra halvåret 2026', 'Bekräfta att förvaltningens kommunikatör har inloggningen', 'Ange när kontot senast uppdaterades, eller stäng det']) expect(textOf(card)).toContain(line);
    expect(actionsOf(card).filter((a) => a.data.assignmentId === id).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Skickad till kommunarkivet', 'Ja, kommunikatören har inloggningen', 'Skicka datumet', 'Pausa', 'Påminn mig om en vecka']),
    );
    expect(teamsBytes(card)).toBeLessThan(teamsCardLimit);

    // The archive's reference is asked for under the account; without it nothing is stored.
    const archived = button(card, 'Skickad till kommunarkivet');
    const before = (await stored()).revision;
    const missing = await elin.invoke('duty.archived', archived.data);
    expect(textOf(missing)).toContain('Skriv referensen du fick från kommunarkivet.');
    expect(textOf(missing)).toContain('Mina konton');
    expect((await stored()).revision).toBe(before);

    const done = await elin.press(card, 'Skickad till kommunarkivet', { [`reference_${archived.data.section}`]: 'KA 2027/3' });
    expect(textOf(done)).toContain('Startsidan finns i kommunarkivet med referensen KA 2027/3.');
    expect((await stored()).dutyLog?.evidence?.['archive|2026-H2']).toEqual({ kind: 'sentToArchive', reference: 'KA 2027/3' });
    // The accounts again, without what was done; the rest still there.
    expect(textOf(done)).not.toContain('Arkivera startsidan för andra halvåret 2026');
    expect(textOf(done)).toContain('Ange när kontot senast uppdaterades, eller stäng det');

    // R11: the day of the latest post (ten days ago, 10 January 2027): the next check counts from it.
    const sent = button(done, 'Skicka datumet');
    const active = await elin.press(done, 'Skicka datumet', { [`lastPost_${sent.data.section}`]: '2027-01-10' });
    expect(textOf(active)).toContain('Tack! Vi frågar igen 11 mars 2027.');
    expect(textOf(active)).not.toContain('Ange när kontot senast uppdaterades, eller stäng det');
    expect(Object.keys((await stored()).dutyLog?.done ?? {})).toEqual(expect.arrayContaining(['archive|2026-H2', expect.stringMatching(/^activity\|/)]));
  });

  it('R6: the evaluation can be written from the account at any time, long before it is due; it goes to the communicator and counts for the year', async () => {
    const elin = world.client('employee');
    const card = await elin.say('mina konton');
    const form = await elin.press(card, 'Skriv en utvärdering');
    expect(textOf(form)).toContain(`Utvärdering av ${name} (Instagram)`);
    const sent = await elin.press(form, 'Skicka utvärderingen', { goal0: 'partly', followers: '120', posts: '30', answeredWithin48h: 'always', incidents: '0', change: 'Fler filmer.', decision: 'continue' });
    expect(textOf(sent)).toContain('Tack! Utvärderingen har gått till förvaltningens kommunikatör.');
    // R6: it leads on: the goals can be changed (an account without an end date has nothing to extend), or back to the accounts.
    expect(actionsOf(sent).map((a) => [a.title, a.verb, a.data])).toEqual([['Ändra målen', 'plan.change', { assignmentId: id, step: 'purpose' }], ['Mina konton', 'account.mine', {}]]);
    // "Ändra målen" opens the change of the plan at its goals, filled with the approved version.
    const goals = await elin.press(sent, 'Ändra målen');
    expect(textOf(goals)).toContain('Du ändrar en godkänd aktivitetsplan');
    const plan = (await stored()).plan;
    expect(inputsOf(goals).goal1).toBe(plan?.kind === 'account' ? plan.purpose.goals[0] : 'an account');
    // The year it covers, as the form said: not an activity's period.
    expect(textOf(form)).toContain('Utvärderingen gäller det senaste året, 2 november 2026–1 november 2027.');
    // The first year's evaluation, due 2027-11-02, is done; the communicator has it.
    expect((await stored()).dutyLog?.done?.['evaluation|2027-11-02']).toBeDefined();
    expect(world.connector.cardsTo('personal-communicator').some((c) => textOf(c).includes(name) && textOf(c).includes('Fler filmer.'))).toBe(true);
    // This year's is written: the next can be written once its year has begun.
    expect(button(await elin.press(sent, 'Mina konton'), 'Skriv en utvärdering')).toBeUndefined();
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(DateTime.fromISO('2027-11-03T10:00', { zone: 'Europe/Stockholm' }).toMillis() - Date.now());
    expect(button(await elin.say('mina konton'), 'Skriv en utvärdering').data.period).toBe('2028-11-02');
  });
});

/** Every card under Teams' 40 KB: an owner with many accounts, each with everything due, still gets "mina konton". */
describe('"mina konton" with much due stays one card under 40 KB', () => {
  // With less due, or fewer accounts, what is due is listed and the first things get their buttons (accountList.ts `buttonBudgets`).
  let world: TeamsWorld;
  const ids = Array.from({ length: 12 }, () => randomUUID());

  beforeAll(async () => {
    world = await startTeams(['employee']);
    const stores = { assignments: new AssignmentStore(world.tables), register: new RegisterStore(world.tables) };
    for (const [i, id] of ids.entries()) await seed(stores, id, accountPlan({ platform: 'Instagram', accountName: `Konto nummer ${i + 1} med ett ganska långt namn för att synas` }), 'active');
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(DateTime.fromISO('2027-01-20T10:00', { zone: 'Europe/Stockholm' }).toMillis() - Date.now());
  });
  afterAll(async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await world.close();
  });

  it('R15: twelve accounts with three things due each: one card, under 40 KB, with every account', async () => {
    const card = await world.client('employee').say('mina konton');
    expect(teamsBytes(card)).toBeLessThan(teamsCardLimit);
    for (let i = 1; i <= 12; i++) expect(textOf(card)).toContain(`Konto nummer ${i} med`);
  });
});

