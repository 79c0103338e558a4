import { DateTime } from 'luxon';
import { systemClock } from '../../bot/clock';
import { isWorkingDay, zone } from '../../bot/domain/calendar';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { NudgeLedger } from '../../bot/store/nudges';
import { moveClock } from '../../dev/clock';
import { asGraphUsers, startGraph, type GraphStandIn, type GraphUser } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/**
 * What a leaver's going means (issue 33, point 3), through the function app's own directory timer
 * against the Graph stand-in, over HTTP: the plan's substitute is taken off and the owner told; a
 * plan that waits is withdrawn and the chief told; an owner who left gets no more nudges, their
 * chief does; and nothing is sent to a leaver.
 */
describe('leavers: what their going changes', () => {
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
  const sync = () => world.timer('directorySync');
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const latestCard = (conversationId: string, id: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;
  const stateOf = async (id: string) => (await assignments.get(id))!.value;

  beforeAll(async () => {
    graph = await startGraph(asGraphUsers(directory));
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], { KANALKOLL_GRAPH_URL: graph.url, KANALKOLL_LOCALE: 'sv' });
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
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await world.close();
    await graph.close();
  });

  /** Elin's account, approved by all three; its admins are Elin and Aida, Aida its substitute. */
  async function activeAccount(): Promise<string> {
    const id = idOf(await sendPlan(elin, 'account'));
    await karim.press(latestCard('personal-chief', id), 'Godkänn');
    await sara.press(latestCard('personal-communicator', id), 'Godkänn');
    await johan.press(latestCard('personal-commschief', id), 'Godkänn');
    expect((await stateOf(id)).status).toBe('active');
    return id;
  }

  it('R14: a plan\'s substitute who leaves is taken off the account, and the owner is told', async () => {
    const id = await activeAccount();

    graph.upsert({ ...graphUser('admin'), accountEnabled: false });
    await sync();

    const state = await stateOf(id);
    expect(state.plan?.kind === 'account' && state.plan.administration.substitute).toBe('');
    expect((await audit.history(id)).map((e) => e.type)).toContain('SubstituteLeft');
    const told = world.connector.cardsTo('personal-employee').at(-1)!;
    expect(textOf(told)).toContain('Aida Haddad har slutat och är inte längre ersättare för Fritidsgårdarna i Botkyrka');
    // "Jag är borta" suggests no substitute who left.
    expect(textOf(await elin.say('jag är borta'))).not.toContain(users.admin.aadObjectId);

    graph.upsert(graphUser('admin'));
    await sync();
  });

  it('R1: an applicant who leaves while the plan waits: it is withdrawn, the chief is told, and nothing goes to the applicant', async () => {
    const id = idOf(await sendPlan(nora, 'monitoring'));
    const karimCard = latestCard('personal-chief', id);
    const toNora = world.connector.cardsTo('personal-colleague').length;

    graph.upsert({ ...graphUser('colleague'), accountEnabled: false });
    await sync();

    expect((await stateOf(id)).status).toBe('draft');
    expect((await audit.history(id)).at(-1)).toMatchObject({ type: 'ApplicantLeft', role: 'directory', subject: 'Nora Sjöberg' });
    expect(textOf(world.connector.cardsTo('personal-chief').at(-1)!)).toContain('Nora Sjöberg har slutat. Ansökan är tillbakadragen och väntar inte längre på beslut.');
    const revision = (await stateOf(id)).revision;
    expect(textOf(await karim.press(karimCard, 'Godkänn'))).not.toContain('Godkänd');
    expect((await stateOf(id)).revision).toBe(revision);
    expect(world.connector.cardsTo('personal-colleague').length).toBe(toNora);
  });

  it('R15, R11: an owner who left gets no more nudges; their chief gets them until a new owner is named', async () => {
    const id = await activeAccount();
    graph.upsert({ ...graphUser('employee'), accountEnabled: false });
    await sync();
    const left = await stateOf(id);
    expect(left.status === 'active' && left.dutyLog?.ownerLeftAt).toBeTruthy();
    const toElin = world.connector.cardsTo('personal-employee').length;

    // Half a year on, on a working morning: the archive snapshot and the activity check are due.
    let day = DateTime.fromJSDate(systemClock()).setZone(zone).plus({ days: 200 }).set({ hour: 9, minute: 5 });
    while (!isWorkingDay(day)) day = day.plus({ days: 1 });
    moveClock(day.toISO() ?? '');
    try {
      await world.timer('dutySweep');
      await world.drain();
    } finally {
      delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    }

    const records = await new NudgeLedger(world.tables).recordsOf(id);
    expect(records.filter((r) => r.aadObjectId === users.employee.aadObjectId)).toEqual([]);
    const toKarim = records.filter((r) => r.aadObjectId === users.chief.aadObjectId).map((r) => r.key.split('|')[1]);
    expect(toKarim).toEqual(expect.arrayContaining(['archive', 'activity']));
    expect(world.connector.cardsTo('personal-employee').length).toBe(toElin);
  });
});
