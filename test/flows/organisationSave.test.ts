import { organisationEvents } from '../../bot/domain/organisation';
import { organisationOf } from '../../bot/flows/shared/departmentsCard';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';
import { afterBatches, dyingTables } from '../support/dyingStorage';
import { users } from '../../dev/roles';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf, type TeamsClient } from '../support/teamsClient';

/**
 * "Förvaltningar" saves of any size (issue 33, point 5): a save that changes more rows than one
 * storage transaction holds (100 actions) is stored whole, and one that stops half-way is finished
 * by the next save, with each change recorded once.
 */
describe('"förvaltningar": a save larger than one storage transaction', () => {
  let world: TeamsWorld;
  let directory: DirectoryStore;
  let johan: TeamsClient;
  /** 130 departments Entra ID named, none with a communicator yet. */
  const many = Array.from({ length: 130 }, (_, i) => ({ id: `avdelning-${String(i).padStart(3, '0')}`, name: `Avdelning ${i}` }));
  const sent = (communicator: string, domain: string) =>
    Object.fromEntries([['commsChief', users.commschief.aadObjectId], ...many.flatMap((d) => [[`c_${d.id}`, communicator], [`m_${d.id}`, `${d.id}@${domain}`]])]);

  beforeAll(async () => {
    world = await startTeams(['commschief'], { KANALKOLL_LOCALE: 'sv' }, async (tables) => {
      await new DirectoryStore(tables).noteDepartments(many);
    });
    directory = new DirectoryStore(world.tables);
    johan = world.client('commschief');
  });
  afterAll(() => world.close());

  const stored = async () => {
    directory.refresh();
    return (await directory.allDepartments()).filter((d) => d.id.startsWith('avdelning-'));
  };

  it('R1: naming a communicator and a mailbox for 130 departments at once (260 changes) is stored whole, each change recorded once', async () => {
    const answer = await johan.invoke('org.save', sent(users.communicator.aadObjectId, 'botkyrka.se'));

    expect(textOf(answer)).toContain('Sparat. 260 ändringar.');
    const departments = await stored();
    expect(departments).toHaveLength(130);
    expect(departments.every((d) => d.communicatorAadObjectId === users.communicator.aadObjectId && d.mailbox === `${d.id}@botkyrka.se`)).toBe(true);
    expect(await directory.organisationHistory()).toHaveLength(260);
  });

  it('R1: a large save that stopped half-way is finished by the next save, nothing recorded twice', async () => {
    // The save is made at the store, in a process that dies after its first transaction of rows.
    const before = await directory.organisationHistory();
    const tables = connectTables(world.storage);
    dyingTables(tables, afterBatches('directory', 2));
    const dying = new DirectoryStore(tables);
    const departments = await dying.allDepartments();
    const was = organisationOf(departments, users.commschief.aadObjectId);
    const now = { ...was, communicators: Object.fromEntries(Object.keys(was.communicators).map((id) => [id, id.startsWith('avdelning-') ? users.colleague.aadObjectId : was.communicators[id]!])) };
    const events = organisationEvents(was, now, { aadObjectId: users.commschief.aadObjectId, name: 'Johan Nilsson' }, new Date().toISOString(), new Map());
    expect(events).toHaveLength(130);
    await expect(dying.saveOrganisation(now, events)).rejects.toThrow('the process is gone');
    // Half-way: some departments have Nora, some still Sara.
    const half = await stored();
    expect(half.some((d) => d.communicatorAadObjectId === users.colleague.aadObjectId)).toBe(true);
    expect(half.some((d) => d.communicatorAadObjectId === users.communicator.aadObjectId)).toBe(true);

    // The communications chief saves the same again, from Teams: what stopped is finished first, and nothing more is changed.
    const answer = await johan.invoke('org.save', sent(users.colleague.aadObjectId, 'botkyrka.se'));

    expect(textOf(answer)).toContain('Inget var ändrat.');
    expect((await stored()).every((d) => d.communicatorAadObjectId === users.colleague.aadObjectId)).toBe(true);
    expect((await directory.organisationHistory()).length).toBe(before.length + 130);
  });
});
