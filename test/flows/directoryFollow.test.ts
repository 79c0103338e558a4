import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { asGraphUsers, startGraph, type GraphStandIn, type GraphUser } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/**
 * Leavers and movers (Entra ID through the Graph stand-in): the directory timer of the real function
 * app, over HTTP against its own Azurite, and what each change does to the assignments.
 */
describe('leavers and movers from the directory sync', () => {
  let graph: GraphStandIn;
  let world: TeamsWorld;
  let assignments: AssignmentStore;
  let audit: AuditRecords;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let sara: TeamsClient;
  let johan: TeamsClient;
  let nora: TeamsClient;
  const graphUser = (role: keyof typeof users): GraphUser => asGraphUsers(directory).find((u) => u.id === users[role].aadObjectId)!;

  /** The directory timer, as the Functions host fires it. */
  const sync = () => world.timer('directorySync');
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const latestCard = (conversationId: string, id: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;
  const stateOf = async (id: string) => (await assignments.get(id))!.value;

  beforeAll(async () => {
    graph = await startGraph(asGraphUsers(directory));
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], { KANALKOLL_GRAPH_URL: graph.url });
    assignments = new AssignmentStore(world.tables);
    audit = new AuditRecords(world.tables);
    elin = world.client('employee');
    karim = world.client('chief');
    sara = world.client('communicator');
    johan = world.client('commschief');
    nora = world.client('colleague');
    await sync();
  });
  afterAll(async () => {
    await world.close();
    await graph.close();
  });

  /** Elin's account, approved by all three; its admins are Elin and Aida. */
  async function activeAccount(): Promise<string> {
    const id = idOf(await sendPlan(elin, 'account'));
    await karim.press(latestCard('personal-chief', id), 'Godkänn');
    await sara.press(latestCard('personal-communicator', id), 'Godkänn');
    await johan.press(latestCard('personal-commschief', id), 'Godkänn');
    expect((await stateOf(id)).status).toBe('active');
    return id;
  }

  it('R1: a waiting approval whose applicant has a new manager moves to them, and the applicant is told', async () => {
    const id = idOf(await sendPlan(nora, 'monitoring'));
    const karimCard = latestCard('personal-chief', id);

    graph.upsert({ ...graphUser('colleague'), manager: { id: users.commschief.aadObjectId } });
    await sync();

    expect(textOf(latestCard('personal-commschief', id))).toContain('Din tur att bestämma.');
    expect(textOf(world.connector.cardsTo('personal-colleague').at(-1)!)).toContain('Din ansökan har flyttats till Johan Nilsson');
    expect(textOf(await karim.press(karimCard, 'Godkänn'))).toContain('Det är inte du som beslutar');
    const moved = (await audit.history(id)).find((e) => e.type === 'ApprovalMoved');
    expect(moved).toMatchObject({ role: 'directory', actorName: 'Kanalkoll', subject: 'Johan Nilsson' });
    // Running again changes nothing more.
    const revision = (await stateOf(id)).revision;
    await sync();
    expect((await stateOf(id)).revision).toBe(revision);
    await johan.press(latestCard('personal-commschief', id), 'Godkänn');
    expect((await stateOf(id)).status).toBe('active');
  });

  it('R10: an admin who leaves is removed from the account\'s admins, which starts admin coverage', async () => {
    const id = await activeAccount();

    graph.upsert({ ...graphUser('admin'), accountEnabled: false });
    await sync();

    const state = await stateOf(id);
    expect(state.plan?.kind === 'account' && state.plan.administration.admins).toEqual([users.employee.aadObjectId]);
    expect(state.status === 'active' && state.dutyLog?.adminsChangedAt).toBeTruthy();
    // Aida was the plan's substitute too: she is taken off as both, in one change.
    expect((await audit.history(id)).slice(-2)).toMatchObject([
      { type: 'AdminLeft', role: 'directory', subject: 'Aida Haddad' },
      { type: 'SubstituteLeft', role: 'directory', subject: 'Aida Haddad' },
    ]);
    const list = await elin.say('mina konton');
    expect(textOf(list)).toContain('"Kan sköta kontot","value":"Elin Ek, Sara Lind"');
  });

  it('an owner who leaves: the register shows the department\'s mailbox, the chief names a new owner from the card', async () => {
    // Aida, who left above, is back (a returning employee is enabled again).
    graph.upsert(graphUser('admin'));
    await sync();
    const id = await activeAccount();
    const register = async () => (await (await fetch(`${world.app.url}/api/register.json`)).json()) as { accounts: { responsible: string; accountUrl: string }[] };
    expect(JSON.stringify(await register())).toContain('Elin Ek');

    graph.upsert({ ...graphUser('employee'), accountEnabled: false });
    await sync();

    const state = await stateOf(id);
    expect(state.status === 'active' && state.dutyLog?.ownerLeftAt).toBeTruthy();
    // Elin was an admin too: both are recorded, in one change.
    expect((await audit.history(id)).slice(-2)).toMatchObject([
      { type: 'OwnerLeft', role: 'directory', subject: 'Elin Ek' },
      { type: 'AdminLeft', role: 'directory', subject: 'Elin Ek' },
    ]);
    expect(JSON.stringify(await register())).not.toContain('Elin Ek');
    expect(JSON.stringify(await register())).toContain('kultur.fritid@botkyrka.example');

    const card = await karim.invoke('approval.refresh', { assignmentId: id });
    expect(textOf(card)).toContain('Elin Ek har slutat. Välj vem som tar över');
    // A colleague may not name the owner; a leaver may not become one.
    expect(textOf(await nora.invoke('approval.appoint', { assignmentId: id, person: users.colleague.aadObjectId }))).toContain('Det här är inte din ansökan.');
    expect(textOf(await karim.press(card, 'Gör till ny ansvarig', { person: users.employee.aadObjectId }))).toContain('Välj en person som finns i listan');
    expect((await stateOf(id)).revision).toBe(state.revision);

    const done = await karim.press(card, 'Gör till ny ansvarig', { person: users.colleague.aadObjectId });

    expect(textOf(done)).toContain('Nora Sjöberg ansvarar nu för kontot.');
    const after = await stateOf(id);
    expect(after.applicant.aadObjectId).toBe(users.colleague.aadObjectId);
    expect(after.status === 'active' && after.dutyLog?.ownerLeftAt).toBeFalsy();
    expect(JSON.stringify(await register())).toContain('Nora Sjöberg');
    expect(textOf(await nora.say('mina konton'))).toContain('Fritidsgårdarna i Botkyrka');
  });
});
