import { DateTime } from 'luxon';
import { generateOrg } from '../../dev/generateOrg';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory } from '../../dev/roles';
import { sendPlan } from '../support/samplePlan';
import { startOwnTeams, type OwnTeamsWorld, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/** What Teams counts: the card's JSON in UTF-16. It refuses a message over 40 KB. */
const teamsBytes = (card: unknown) => JSON.stringify(card).length * 2;
const limit = 40 * 1024;

/**
 * The whole journey inside a municipality-sized organisation: 6,000 people from the generator
 * besides the six local ones, synced from the Graph stand-in. Every card Kanalkoll answers with or
 * sends stays under Teams' 40 KB, because no card lists people (pickers are Teams people pickers).
 */
describe('every card at 6,000 people is under 40 KB', () => {
  let graph: GraphStandIn;
  let world: OwnTeamsWorld;
  const answered: { what: string; card: Card }[] = [];

  /** A Teams client whose every answered card is kept, to be measured. */
  const measured = (role: Parameters<TeamsWorld['client']>[0]): TeamsClient => {
    const client = world.client(role);
    const invoke = client.invoke.bind(client);
    const say = client.say.bind(client);
    client.invoke = async (verb, data) => {
      const card = await invoke(verb, data);
      answered.push({ what: `${role} ${verb}`, card });
      return card;
    };
    client.say = async (text) => {
      const card = await say(text);
      answered.push({ what: `${role} "${text}"`, card });
      return card;
    };
    return client;
  };

  beforeAll(async () => {
    graph = await startGraph([...asGraphUsers(directory), ...generateOrg(6000)]);
    world = await startOwnTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], { KANALKOLL_GRAPH_URL: graph.url });
    await world.timer('directorySync');
  }, 300_000);
  afterAll(async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await world.close();
    await graph.close();
  });

  it('the plan, the approvals, the register, the owner\'s cards, "förvaltningar", help, reports, removals, the unit overview and the digest', async () => {
    const [elin, karim, sara, johan] = (['employee', 'chief', 'communicator', 'commschief'] as const).map(measured) as [TeamsClient, TeamsClient, TeamsClient, TeamsClient];
    const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
    const latest = (conversationId: string, id: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;

    const sent = await sendPlan(elin, 'account');
    const id = idOf(sent);
    await karim.press(latest('personal-chief', id), 'Godkänn');
    await sara.press(latest('personal-communicator', id), 'Godkänn');
    await johan.press(latest('personal-commschief', id), 'Godkänn');
    await elin.invoke('plan.history', { assignmentId: id });
    await elin.say('mina ansökningar');
    const accounts = await elin.say('mina konton');
    expect(textOf(accounts)).toContain('Fritidsgårdarna i Botkyrka');
    await elin.invoke('account.admins', { assignmentId: id });
    await elin.invoke('account.owner', { assignmentId: id });
    await elin.say('jag är borta');
    await elin.say('registret');
    const departments = await johan.say('förvaltningar');
    // The generator's 25 departments came from Entra ID, all on one card with their pickers.
    expect(textOf(departments)).toContain('Demokratienheten');
    expect(textOf(departments)).toContain('Fritidsgårdarna');
    await karim.invoke('approval.refresh', { assignmentId: id });
    // The cards of the policy's finer rules: the help menu and an answer, the criticism form (every
    // department to choose), recording a removal, and the unit overview (the communications chief picks
    // among every department).
    await elin.say('vad gäller?');
    await elin.say('hur länge ska vi spara inlägg?');
    await elin.invoke('report.form', { kind: 'criticism' });
    await elin.say('borttaget inlägg');
    expect(textOf(await johan.say('vad skrivs om min enhet?'))).toContain('Det här har rapporterats om');
    await karim.say('vad skrivs om min enhet?');

    // The weekly digest, on a Monday morning.
    const monday = DateTime.now().setZone('Europe/Stockholm').plus({ weeks: 1 }).startOf('week').set({ hour: 9 });
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(monday.toMillis() - Date.now());
    await world.timer('weeklyDigest');
    expect(world.connector.cardsTo('personal-commschief').some((c) => textOf(c).includes('Veckans läge'))).toBe(true);

    const cards = [...answered, ...world.connector.sent().flatMap((activity, i) => ((activity.attachments as { content: unknown }[] | undefined) ?? []).map((a) => ({ what: `sent #${i}`, card: a.content as Card })))];
    const sizes = cards.map(({ what, card }) => ({ what, bytes: teamsBytes(card) }));
    const largest = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    console.log(`${cards.length} cards at 6,006 people; largest (UTF-16): ${largest.map((s) => `${s.what} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(cards.length).toBeGreaterThan(30);
    expect(sizes.filter((s) => s.bytes > limit)).toEqual([]);
  }, 300_000);
});
