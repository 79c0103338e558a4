import { DateTime } from 'luxon';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { isWorkingDay } from '../../bot/domain/calendar';
import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { RegisterStore } from '../../bot/store/register';
import { accountPlan, eventsTo } from '../support/seed';
import { generateOrg } from '../../dev/generateOrg';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { cardsSent, keepingCards, teamsBytes, teamsCardLimit, type Answered } from '../support/cardSizes';
import { everyCardJourney } from '../support/cardJourney';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, inputsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/**
 * The whole journey inside a municipality-sized organisation: 6,000 people from the generator
 * besides the six local ones, synced from the Graph stand-in. Every card Kanalkoll answers with or
 * sends stays under Teams' 40 KB, because no card lists people (pickers are Teams people pickers).
 */
describe('every card at 6,000 people is under 40 KB', () => {
  let graph: GraphStandIn;
  let world: TeamsWorld;
  const answered: Answered[] = [];

  /** A Teams client whose every answered card is kept, to be measured. */
  const measured = (role: Parameters<TeamsWorld['client']>[0]): TeamsClient => keepingCards(world.client(role), answered);

  beforeAll(async () => {
    graph = await startGraph([...asGraphUsers(directory), ...generateOrg(6000)]);
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], { KANALKOLL_GRAPH_URL: graph.url });
    await world.timer('directorySync');
  });
  afterAll(async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await world.close();
    await graph.close();
  });

  it('R1: the plan (filled in with the chief, and corrected by them before approving), the approvals, a change of the plan with every field changed, the register, the owner\'s cards ("mina konton" with things due too), "förvaltningar", help, reports, removals, the unit overview, the digest and the chiefs\' monthly note', async () => {
    const [elin, karim, sara, johan] = (['employee', 'chief', 'communicator', 'commschief'] as const).map(measured) as [TeamsClient, TeamsClient, TeamsClient, TeamsClient];
    const { accounts, departments, unit } = await everyCardJourney({ elin, karim, sara, johan }, world.connector);
    expect(textOf(accounts)).toContain('Fritidsgårdarna i Botkyrka');
    // The generator's 25 departments came from Entra ID, all on one card with their pickers.
    expect(textOf(departments)).toContain('Demokratienheten');
    expect(textOf(departments)).toContain('Fritidsgårdarna');
    expect(textOf(unit)).toContain('Det här har rapporterats om');

    // R6: a change of the approved plan with every field it can change at its longest: the chief's and the communicator's cards show what changed.
    const id = String(actionsOf(accounts).find((a) => a.verb === 'plan.change')?.data.assignmentId);
    const long = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);
    const edit = async (card: Card, step: string, answers: Record<string, string>) =>
      elin.press(await elin.invoke('plan.open', { ...actionsOf(card).find((a) => a.verb === 'plan.open' && a.data.to === step)!.data }), 'Fortsätt', answers);
    let review = await elin.press(await elin.invoke('plan.change', { assignmentId: id, step: 'channel' }), 'Fortsätt', {
      accountName: long('Fritidsgårdarna i Botkyrka ', 100), accountUrl: `https://www.instagram.com/${long('fritid', 450)}`, startDate: '2026-11-03', endDate: '2030-12-31',
    });
    review = await edit(review, 'purpose', {
      purpose: long('Nytt syfte för kontot. ', 2000), audience: long('Alla unga i Botkyrka. ', 2000), complement: long('Webben och affischer kompletterar. ', 2000),
      goal1: long('500 följare inom ett år ', 500), goal2: long('Svar inom 24 timmar ', 500), goal3: long('10 inlägg per vecka ', 500), sourceUrl: `https://www.botkyrka.se/${long('fritid', 450)}`,
    });
    review = await edit(review, 'administration', { admin1: users.employee.aadObjectId, admin2: users.colleague.aadObjectId, substitute: users.colleague.aadObjectId, loginStorage: long('Lösenordshanteraren, mappen för sociala medier. ', 2000) });
    await elin.press(review, 'Skicka ändringen till närmaste chef');
    const change = world.connector.cardsTo('personal-chief').at(-1)!;
    expect(textOf(change)).toContain('Ändrat mot den version som gäller');
    await karim.press(change, 'Godkänn');
    expect(textOf(world.connector.cardsTo('personal-communicator').at(-1)!)).toContain('Ändrat mot den version som gäller');
    await elin.invoke('plan.history', { assignmentId: id });

    // "Mina konton" with things due (the archive snapshot, the login, the activity check), 75 days on.
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(75 * 86_400_000);
    const due = await elin.say('mina konton');
    expect(textOf(due)).toContain('Att göra nu');
    // R6: the evaluation form, its answer (with "Ändra målen") and the communicator's copy, every goal with its figure.
    const form = await elin.press(due, 'Skriv en utvärdering');
    const perGoal = Object.fromEntries(Object.keys(inputsOf(form)).flatMap((k) => (/^goal\d$/.test(k) ? [[k, 'partly']] : /^figure\d$/.test(k) ? [[k, '120']] : [])));
    const evaluated = await elin.press(form, 'Skicka utvärderingen', { ...perGoal, followers: '300', posts: '40', answeredWithin48h: 'mostly', incidents: '0', change: 'Fler filmer.', decision: 'change' });
    expect(textOf(evaluated)).toContain('Ändra målen');

    // The weekly digest, on a Monday morning.
    const monday = DateTime.now().setZone('Europe/Stockholm').plus({ weeks: 1 }).startOf('week').set({ hour: 9 });
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(monday.toMillis() - Date.now());
    await world.timer('weeklyDigest');
    expect(world.connector.cardsTo('personal-commschief').some((c) => textOf(c).includes('Veckans läge'))).toBe(true);

    // R1: the picker of who decides in the chief's place offers at most 15 chiefs of the department and the
    // central one, read from their two partitions (the first round of the sync found them among 6,006 people).
    const offered = await sara.search('kanalkoll.chiefs/kultur-fritid', '');
    expect(offered).toHaveLength(15);
    expect(offered.map((c) => c.title)).toContain('Karim Berg');
    expect(await sara.search('kanalkoll.chiefs/kultur-fritid', 'karim berg')).toEqual([{ title: 'Karim Berg', value: expect.any(String) }]);

    // R16: a post reported that Monday; on the first working morning of the next month the chiefs hear of it.
    await elin.press(await elin.press(await elin.say('rapportera'), 'Rapportera inlägg'), 'Skicka', { link: 'https://example.org/artikel', summary: 'En artikel om köer', to: 'chief' });
    let firstMorning = monday.plus({ months: 1 }).startOf('month').set({ hour: 9 });
    while (!isWorkingDay(firstMorning)) firstMorning = firstMorning.plus({ days: 1 });
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(firstMorning.toMillis() - Date.now());
    await world.timer('chiefUpdates');
    expect(world.connector.cardsTo('personal-chief').some((c) => textOf(c).includes('rapporterades 1 sak om Kultur- och fritidsförvaltningen'))).toBe(true);

    const cards = [...answered, ...cardsSent(world.connector)];
    const sizes = cards.map(({ what, card }) => ({ what, bytes: teamsBytes(card) }));
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    console.log(`${cards.length} cards at 6,006 people; largest (UTF-16): ${largest.map((s) => `${s.what} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(cards.length).toBeGreaterThan(30);
    expect(sizes.filter((s) => s.bytes > teamsCardLimit)).toEqual([]);
  });

  it('R16: "översikt" over 25 departments and 500 accounts, its overdue duties and the digest with its charts, each under 40 KB', async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    const departments = await new DirectoryStore(world.tables).allDepartments();
    expect(departments.length).toBeGreaterThanOrEqual(25);
    const assignments = new AssignmentStore(world.tables);
    const register = new RegisterStore(world.tables);
    // 500 accounts in use, spread over the departments, approved some months ago: their duties are overdue.
    for (let i = 0; i < 500; i++) {
      const plan = accountPlan({ platform: 'Instagram', accountName: `Konto ${i} med ett ganska långt namn` }, 'Syfte', 'Invånare', departments[i % departments.length]!.id);
      const state = eventsTo(`org-${i}`, plan, 'active', '2026-06-01T09:00:00.000Z').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
      await assignments.create(state);
      await register.sync(state);
    }
    await world.timer('countFigures');
    const johan = measured('commschief');
    const overview = await johan.say('översikt');
    expect(textOf(overview)).toContain('Hela kommunen');
    const list = await johan.press(overview, 'Visa försenade');
    expect(textOf(list)).toContain('Påminn nu');
    await johan.press(list, 'Nästa');
    await measured('communicator').say('översikt');
    await measured('chief').say('översikt');
    const mine = answered.filter((a) => /översikt|overview\./.test(a.what)).map(({ what, card }) => ({ what, bytes: teamsBytes(card) }));
    console.log(`overview cards at 6,006 people, 25 departments, 500 accounts (UTF-16): ${mine.map((s) => `${s.what} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.filter((s) => s.bytes > teamsCardLimit)).toEqual([]);
    // The digest a week on, with the charts of every department.
    const monday = DateTime.now().setZone('Europe/Stockholm').plus({ weeks: 2 }).startOf('week').set({ hour: 9 });
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(monday.toMillis() - Date.now());
    const before = world.connector.cardsTo('personal-commschief').length;
    await world.timer('weeklyDigest');
    const digest = world.connector.cardsTo('personal-commschief').slice(before).find((c) => textOf(c).includes('Veckans läge'));
    expect(JSON.stringify(digest)).toContain('Chart.Line');
    expect(teamsBytes(digest)).toBeLessThanOrEqual(teamsCardLimit);
  });
});
