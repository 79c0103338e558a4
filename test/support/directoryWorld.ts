import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import type { Assignment } from '../../bot/domain/assignment';
import type { Tables } from '../../bot/store/tables';
import { asGraphUsers, startGraph, type GraphStandIn, type GraphUser } from '../../dev/graph';
import { directory, users, type Role } from '../../dev/roles';
import { sendPlan } from './samplePlan';
import { startTeams, type TeamsWorld } from './teams';
import { actionsOf, textOf, type Card, type TeamsClient } from './teamsClient';

/**
 * A Teams test world whose directory comes from the Graph stand-in through the app's own directory
 * timer (leavers, movers, managers changed in a test): every role's client, the stores a test reads,
 * and the first sync round already run.
 */
export interface DirectoryWorld {
  readonly graph: GraphStandIn;
  readonly world: TeamsWorld;
  readonly assignments: AssignmentStore;
  readonly audit: AuditRecords;
  readonly elin: TeamsClient;
  readonly karim: TeamsClient;
  readonly sara: TeamsClient;
  readonly johan: TeamsClient;
  readonly aida: TeamsClient;
  readonly nora: TeamsClient;
  /** A mock person as Graph has them, to change (leave, move, get a new manager) in the stand-in. */
  readonly graphUser: (role: Role) => GraphUser;
  /** The directory timer, as the Functions host fires it. */
  readonly sync: () => ReturnType<TeamsWorld['timer']>;
  /** The assignment a card is about. */
  readonly idOf: (card: Card) => string;
  /** The newest card sent to a conversation about an assignment. */
  readonly latestCard: (conversationId: string, id: string) => Card;
  readonly stateOf: (id: string) => Promise<Assignment>;
  /** Elin's account, sent with the sample plan (admins Elin and Aida, Aida its substitute) and approved by all three. */
  readonly activeAccount: () => Promise<string>;
  readonly close: () => Promise<void>;
}

export async function startDirectoryWorld(settings: Record<string, string> = {}, prepare?: (tables: Tables) => Promise<void>): Promise<DirectoryWorld> {
  const graph = await startGraph(asGraphUsers(directory));
  const world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], { KANALKOLL_GRAPH_URL: graph.url, ...settings });
  if (prepare) await prepare(world.tables);
  const assignments = new AssignmentStore(world.tables);
  const sync = () => world.timer('directorySync');
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const latestCard = (conversationId: string, id: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;
  const stateOf = async (id: string) => (await assignments.get(id))!.value;
  const [elin, karim, sara, johan] = (['employee', 'chief', 'communicator', 'commschief'] as const).map((role) => world.client(role)) as [TeamsClient, TeamsClient, TeamsClient, TeamsClient];
  const found: DirectoryWorld = {
    graph,
    world,
    assignments,
    audit: new AuditRecords(world.tables),
    elin,
    karim,
    sara,
    johan,
    aida: world.client('admin'),
    nora: world.client('colleague'),
    graphUser: (role) => asGraphUsers(directory).find((u) => u.id === users[role].aadObjectId)!,
    sync,
    idOf,
    latestCard,
    stateOf,
    activeAccount: async () => {
      const id = idOf(await sendPlan(elin, 'account'));
      await karim.press(latestCard('personal-chief', id), 'Godkänn');
      await sara.press(latestCard('personal-communicator', id), 'Godkänn');
      await johan.press(latestCard('personal-commschief', id), 'Godkänn');
      expect((await stateOf(id)).status).toBe('active');
      return id;
    },
    close: async () => {
      await world.close();
      await graph.close();
    },
  };
  // The first round of the directory sync (it also clears what the app keeps of the directory).
  await sync();
  return found;
}
