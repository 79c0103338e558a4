import { syncDirectory } from '../../bot/flows/organisation/sync';
import { connectPeople } from '../../bot/graph/users';
import type { Log } from '../../bot/log';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { asGraphUsers, startGraph, type GraphStandIn, type GraphUser } from '../../dev/graph';
import { directory, users } from '../../dev/roles';

/** The directory sync through the Graph SDK against the Graph stand-in, into its own Azurite. */
describe('directory sync from Entra ID (users delta query through the Graph SDK)', () => {
  let azurite: Azurite;
  let graph: GraphStandIn;
  let store: DirectoryStore;
  const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const colleagues: GraphUser[] = Array.from({ length: 5 }, (_, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    displayName: `Kollega ${i}`,
    mail: `kollega${i}@botkyrka.se`,
    jobTitle: 'Fritidsledare',
    department: 'Kultur- och fritidsförvaltningen',
    accountEnabled: true,
    manager: { id: users.chief.aadObjectId },
  }));
  const sync = () => syncDirectory({ people: connectPeople({ baseUrl: graph.url }), directory: store, clock: () => new Date(), log: quiet });
  const chiefs = async (departmentId: string) => {
    await store.putPeople([]); // forget what this process has cached
    return (await store.chiefsIn(departmentId)).map((c) => c.name);
  };
  const person = async (id: string) => {
    await store.putPeople([]); // forget what this process has cached
    return store.person(id);
  };

  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    store = new DirectoryStore(tables);
    // Departments and the communications chief are Kanalkoll's own; people come from Graph.
    await store.load({ ...directory, people: [] });
    graph = await startGraph([...asGraphUsers(directory), ...colleagues], { pageSize: 2 });
  });
  afterAll(async () => {
    await graph.close();
    await azurite.stop();
  });

  it('the first round reads every page and stores everyone with manager, department and title', async () => {
    const report = await sync();

    expect(report).toMatchObject({ full: true, changed: 11, leavers: 0, left: [] });
    expect(graph.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await person(users.employee.aadObjectId)).toMatchObject({ name: 'Elin Ek', departmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId, enabled: true });
    expect(await person(colleagues[4]!.id)).toMatchObject({ name: 'Kollega 4', title: 'Fritidsledare', email: 'kollega4@botkyrka.se' });
    expect(await store.deltaLink()).toContain('$deltatoken=');
    // R1: who leads whom gives each department's chiefs (whom the picker of who decides offers).
    expect(await chiefs('kultur-fritid')).toEqual(['Karim Berg']);
    expect(await chiefs('kommunledning')).toEqual(['Johan Nilsson']);
  });

  it('a later round reads only what changed: a mover gets the new manager, leavers are kept as disabled', async () => {
    const requestsBefore = graph.requests.length;
    const elin = asGraphUsers(directory).find((u) => u.id === users.employee.aadObjectId)!;
    graph.upsert({ ...elin, manager: { id: users.communicator.aadObjectId }, department: 'Kommunledningsförvaltningen' });
    graph.upsert({ ...colleagues[0]!, accountEnabled: false });
    graph.remove(colleagues[1]!.id);
    graph.upsert({ ...colleagues[2]!, manager: null });

    const report = await sync();

    expect(report).toMatchObject({ full: false, changed: 4, leavers: 2 });
    expect(report.left.map((p) => p.aadObjectId).sort()).toEqual([colleagues[0]!.id, colleagues[1]!.id].sort());
    expect(graph.requests.length - requestsBefore).toBe(2);
    expect(await person(users.employee.aadObjectId)).toMatchObject({ chiefAadObjectId: users.communicator.aadObjectId, departmentId: 'kommunledning', name: 'Elin Ek' });
    expect(await person(colleagues[0]!.id)).toMatchObject({ enabled: false, name: 'Kollega 0' });
    expect(await person(colleagues[1]!.id)).toMatchObject({ enabled: false, name: 'Kollega 1', title: 'Fritidsledare' });
    expect((await person(colleagues[2]!.id))?.chiefAadObjectId).toBeUndefined();
    expect(await person(users.chief.aadObjectId)).toMatchObject({ name: 'Karim Berg', enabled: true });
    // Elin reports to Sara now: Sara leads in her department too.
    expect(await chiefs('kultur-fritid')).toEqual(['Karim Berg', 'Sara Lind']);
  });

  it('someone who came and went between two rounds leaves no one behind', async () => {
    const visitor: GraphUser = { id: '00000000-0000-4000-8000-0000000000aa', displayName: 'Tillfällig', department: 'Kommunledningsförvaltningen', accountEnabled: true };
    graph.upsert(visitor);
    graph.remove(visitor.id);

    expect(await sync()).toMatchObject({ full: false, changed: 0, leavers: 0, left: [] });
    expect(await person(visitor.id)).toBeUndefined();
  });

  it('429 with Retry-After is waited out, and the round completes', async () => {
    graph.upsert({ ...colleagues[3]!, jobTitle: 'Enhetschef' });
    graph.fail(1, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();

    expect(await sync()).toMatchObject({ full: false, changed: 1, leavers: 0, left: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(graph.requests.slice(-2).map((r) => r.status)).toEqual([429, 200]);
    expect((await person(colleagues[3]!.id))?.title).toBe('Enhetschef');
  });

  it('R1: a department Entra ID names for the first time is added without a communicator, once', async () => {
    graph.upsert({ ...colleagues[3]!, department: 'Samhällsbyggnadsförvaltningen' });

    const report = await sync();

    expect(report.newDepartments).toEqual([{ id: 'samhallsbyggnadsforvaltningen', name: 'Samhällsbyggnadsförvaltningen', communicatorAadObjectId: '' }]);
    expect(await person(colleagues[3]!.id)).toMatchObject({ departmentId: 'samhallsbyggnadsforvaltningen' });
    graph.upsert({ ...colleagues[4]!, department: 'Samhällsbyggnadsförvaltningen' });
    expect((await sync()).newDepartments).toEqual([]);
  });

  it('Graph failing in the middle of a round changes nothing stored; the next run does the whole round', async () => {
    const link = await store.deltaLink();
    graph.upsert({ ...colleagues[4]!, jobTitle: 'Bibliotekarie' }, { ...asGraphUsers(directory).find((u) => u.id === users.admin.aadObjectId)!, jobTitle: 'Webbredaktör' });
    graph.upsert({ ...colleagues[3]!, displayName: 'Kollega Tre' });
    // Page 1 answers; page 2 keeps failing with 503 past the SDK's retries.
    graph.fail(10, { status: 503, retryAfterSeconds: 0, after: 1 });

    await expect(sync()).rejects.toThrow();
    expect(await store.deltaLink()).toBe(link);
    expect((await person(colleagues[4]!.id))?.title).toBe('Fritidsledare');

    graph.fail(0);
    expect(await sync()).toMatchObject({ full: false, changed: 3, leavers: 0, left: [] });
    expect((await person(colleagues[4]!.id))?.title).toBe('Bibliotekarie');
    expect((await person(colleagues[3]!.id))?.name).toBe('Kollega Tre');
  });

  it('a delta link Graph no longer knows starts a full round, and whoever is missing from it is kept as disabled', async () => {
    await graph.close();
    // A new Graph: the old delta link is unknown to it (as an expired one is), and one colleague is gone.
    graph = await startGraph([...asGraphUsers(directory), ...colleagues.filter((c) => c.id !== colleagues[2]!.id)], { pageSize: 2 });

    const report = await sync();

    expect(report.full).toBe(true);
    expect(graph.requests[0]?.status).toBe(410);
    expect(await person(colleagues[2]!.id)).toMatchObject({ enabled: false, name: 'Kollega 2' });
    expect(await person(users.employee.aadObjectId)).toMatchObject({ enabled: true, chiefAadObjectId: users.chief.aadObjectId });
  });
});
