import { AssignmentStore } from '../../bot/store/assignments';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { TeamsAppInstalls } from '../../dev/teamsApps';
import { sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card } from '../support/teamsClient';

/**
 * Proactive installation: the chief gets the approval card though Kanalkoll never talked to them.
 * Graph (the stand-in) installs the app for them and gives its chat; the test connector, like
 * Teams, reaches a person only once the app is installed for them.
 */
describe('installing Kanalkoll for someone it has no chat with, over HTTP with the Graph stand-in', () => {
  const catalogId = '3c9e5a17-2b4d-4f60-9a8b-7c6d5e4f3a21';
  const chief = users.chief.aadObjectId;
  const installedApps = `/v1.0/users/${chief}/teamwork/installedApps`;
  let world: TeamsWorld;
  let graph: GraphStandIn;
  let teamsApps: TeamsAppInstalls;

  beforeEach(async () => {
    teamsApps = new TeamsAppInstalls(catalogId);
    graph = await startGraph(asGraphUsers(directory), { teamsApps });
    // Karim (the chief) has never written to Kanalkoll: it knows no chat with him.
    world = await startTeams(['employee'], { KANALKOLL_GRAPH_URL: graph.url, KANALKOLL_TEAMS_APP_CATALOG_ID: catalogId }, async () => undefined, { teamsApps });
  });
  afterEach(async () => {
    await world.close();
    await graph.close();
  });

  /** Elin sends a plan; its id. */
  const submit = async () => {
    const card = await sendPlan(world.client('employee'), 'account');
    return String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  };
  const cardsInChiefsChat = (id: string) => world.connector.cardsTo(teamsApps.chatOf(chief)).filter((c: Card) => textOf(c).includes(id));
  const graphCalls = () => graph.requests.filter((r) => r.path.startsWith(installedApps));
  const installs = () => graphCalls().filter((r) => r.path === installedApps);

  it('R1: a chief Kanalkoll never talked to gets the approval card: the app is installed for them, then the card sent in its chat', async () => {
    teamsApps.uninstall(chief);

    const id = await submit();

    expect(installs().map((r) => r.status)).toEqual([201]);
    expect(teamsApps.has(chief)).toBe(true);
    expect(graphCalls().some((r) => r.path.endsWith('/chat') && r.status === 200)).toBe(true);
    const card = cardsInChiefsChat(id)[0]!;
    expect(textOf(card)).toContain('Din tur att bestämma.');
    expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Godkänn', 'Be om ändringar', 'Säg nej']));
    expect(textOf(world.connector.cardsTo('personal-employee').filter((c) => textOf(c).includes(id)).at(-1)!)).not.toContain('Jag når inte Karim Berg');

    // The chat is kept: the next card goes straight to it, without installing again.
    const next = await submit();
    expect(cardsInChiefsChat(next)).toHaveLength(1);
    expect(installs()).toHaveLength(1);
  });

  it('R1: a chief who has the app already (409) but no chat Kanalkoll knows: the chat is read and the card sent', async () => {
    expect(teamsApps.has(chief)).toBe(true);

    const id = await submit();

    expect(installs().map((r) => r.status)).toEqual([409]);
    expect(graphCalls().some((r) => r.path.includes('$filter=') && r.status === 200)).toBe(true);
    expect(textOf(cardsInChiefsChat(id)[0]!)).toContain('Din tur att bestämma.');
  });

  it('R1: a chief the tenant\'s app policy keeps Kanalkoll from (403) is unreachable: the applicant is told who must add the app, and the plan waits', async () => {
    teamsApps.block(chief);

    const id = await submit();

    expect(installs().map((r) => r.status)).toEqual([403]);
    expect(cardsInChiefsChat(id)).toEqual([]);
    expect((await new AssignmentStore(world.tables).get(id))!.value.status).toBe('awaiting_chief');
    expect(world.connector.cardsTo('personal-employee').some((c) => textOf(c).includes('Jag når inte Karim Berg'))).toBe(true);
  });

  it('R1: a 429 from Graph is waited out (Retry-After), and the chief gets the card', async () => {
    teamsApps.uninstall(chief);
    graph.fail(1, { status: 429, retryAfterSeconds: 1, path: /\/teamwork\/installedApps$/ });

    const id = await submit();

    expect(installs().map((r) => r.status)).toEqual([429, 201]);
    expect(textOf(cardsInChiefsChat(id)[0]!)).toContain('Din tur att bestämma.');
  });
});
