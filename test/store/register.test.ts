import { evolve, type Assignment } from '../../bot/domain/assignment';
import { nameKey, RegisterStore } from '../../bot/store/register';
import { encodeKey, toColumns } from '../../bot/store/repository';
import { connectTables, type Tables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { accountPlan, eventsTo } from '../support/seed';

const now = '2026-12-01T09:00:00.000Z';
const active = (id: string, accountName: string, departmentId = 'kultur-fritid'): Assignment =>
  eventsTo(id, accountPlan({ platform: 'Facebook', accountName }, 'Syfte', 'Alla', departmentId), 'active').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
const next = (state: Assignment, change: Partial<Assignment>): Assignment => ({ ...state, ...change, revision: state.revision + 1 }) as Assignment;
const renamed = (state: Assignment, accountName: string): Assignment =>
  state.plan?.kind === 'account' ? next(state, { plan: { ...state.plan, channel: { ...state.plan.channel, accountName } } } as Partial<Assignment>) : state;

/** A register of its own: the counts are the whole table's. */
describe('the register\'s counts per department and its accounts in use by name (the card reads a page)', () => {
  let azurite: Azurite;
  let tables: Tables;
  let register: RegisterStore;
  const count = async () => Object.fromEntries([...(await register.counts())].map(([id, c]) => [id, c.count]));
  const names = async (department: string, skip = 0, take = 10) => (await register.inUse(department, skip, take, now)).map((r) => r.accountName);

  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    register = new RegisterStore(tables);
  });
  afterAll(() => azurite.stop());

  it('a register stored before the counts (rows in `accounts` only) gets its counts and rows in use at the first read', async () => {
    const table = tables.client('register');
    for (const [id, name] of [['old-1', 'Äldre konto'], ['old-2', 'Annat konto']] as const) {
      const state = active(id, name);
      await table.createEntity({ partitionKey: 'accounts', rowKey: encodeKey(id), revision: state.revision, ...toColumns({ id, platform: 'Facebook', accountName: name, accountUrl: 'https://example.org', departmentId: 'kultur-fritid', ownerAadObjectId: 'elin', purpose: 'Syfte', audience: 'Alla', activeSince: '2026-11-02T09:00:00.000Z' }) });
    }

    expect(await count()).toEqual({ 'kultur-fritid': 2 });
    expect(await names('kultur-fritid')).toEqual(['Annat konto', 'Äldre konto']);
  });

  it('sync keeps each department\'s count and its accounts by name: listed, renamed, moved, closed, never back to an older state', async () => {
    const bibliotek = active('b', 'Bibliotek');
    await register.sync(bibliotek);
    await register.sync(active('z', 'Zoo'));
    await register.sync(active('o', 'Öppna förskolan'));
    expect(await count()).toEqual({ 'kultur-fritid': 5 });
    expect(await names('kultur-fritid')).toEqual(['Annat konto', 'Bibliotek', 'Zoo', 'Äldre konto', 'Öppna förskolan']);
    expect(await names('kultur-fritid', 1, 2)).toEqual(['Bibliotek', 'Zoo']);

    const renamedOnce = renamed(bibliotek, 'Albyskolan');
    await register.sync(renamedOnce);
    expect(await names('kultur-fritid', 0, 2)).toEqual(['Albyskolan', 'Annat konto']);
    // An older state, synced late, changes nothing.
    await register.sync(bibliotek);
    expect(await names('kultur-fritid', 0, 2)).toEqual(['Albyskolan', 'Annat konto']);

    await register.sync(active('k', 'Kommunen', 'kommunledning'));
    expect(await count()).toEqual({ 'kultur-fritid': 5, kommunledning: 1 });
    const oppna = active('o', 'Öppna förskolan');
    if (oppna.plan?.kind !== 'account') throw new Error('an account');
    await register.sync(next(oppna, { plan: { ...oppna.plan, who: { ...oppna.plan.who, departmentId: 'kommunledning' } } } as Partial<Assignment>));
    expect(await count()).toEqual({ 'kultur-fritid': 4, kommunledning: 2 });
    expect(await names('kommunledning')).toEqual(['Kommunen', 'Öppna förskolan']);

    const zoo = active('z', 'Zoo');
    await register.sync(next(zoo, { status: 'closed', closedAt: '2026-11-30T09:00:00.000Z', revision: zoo.revision + 5 } as Partial<Assignment>));
    expect(await count()).toEqual({ 'kultur-fritid': 3, kommunledning: 2 });
    expect(await names('kultur-fritid')).not.toContain('Zoo');
    // The public pages still list it, closed.
    expect((await register.all()).find((r) => r.id === 'z')?.closedAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('an account approved to start later is counted with its start, and shown from then', async () => {
    const later = active('later', 'Framtiden');
    await register.sync({ ...later, activatedAt: '2027-01-10T00:00:00.000Z' } as Assignment);
    const counted = (await register.counts()).get('kultur-fritid')!;
    expect(counted.starts).toContain('2027-01-10T00:00:00.000Z');
    expect(await names('kultur-fritid')).not.toContain('Framtiden');
    expect((await register.inUse('kultur-fritid', 0, 10, '2027-02-01T00:00:00.000Z')).map((r) => r.accountName)).toContain('Framtiden');
  });

  it('R3 flood: the version the public pages go by is renewed once the row is stored, by a run again if the first stopped before it', async () => {
    await register.prepare();
    const first = await register.version();
    // A process whose storage is gone right when it would renew the version: the account's row is stored, the version is not.
    const dying = connectTables(azurite.connectionString);
    dying.client('register').pipeline.addPolicy({
      name: 'goneAtVersion',
      sendRequest: async (request, next) => {
        if (request.method !== 'GET' && decodeURIComponent(request.url).includes("PartitionKey='published'")) throw new Error('the process is gone');
        return next(request);
      },
    });
    const later = { ...active('starts', 'Startar sedan'), activatedAt: '2027-03-01T00:00:00.000Z' } as Assignment;
    await expect(new RegisterStore(dying).sync(later)).rejects.toThrow('the process is gone');
    expect((await register.all()).map((r) => r.id)).toContain('starts');
    expect(await register.version()).toEqual(first);

    // The outbox runs the effect again: the row is there already, the version is renewed, with the start to come.
    await register.sync(later);

    const renewed = await register.version();
    expect(renewed?.stamp).not.toBe(first?.stamp);
    expect(renewed?.starts.starts).toBe('2027-03-01T00:00:00.000Z');
  });

  it('names sort as Swedish readers sort them, in key-safe characters', () => {
    const sorted = ['Öppet', 'zebra', 'Ärligt', 'Å-konto', 'alby skola', 'Albyskolan', '2 Botkyrka'].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1));
    expect(sorted).toEqual(['2 Botkyrka', 'alby skola', 'Albyskolan', 'zebra', 'Å-konto', 'Ärligt', 'Öppet']);
    expect(nameKey('Café #1 / ?')).toMatch(/^[0-9a-z~']+$/);
  });
});
