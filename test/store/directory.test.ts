import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import type { Person } from '../../bot/domain/directory';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';

const tables = connectTables(loadConfig().storage);

/** R16: who is a chief follows the directory: a manager has someone reporting to them now. */
describe('chiefs in the directory (R16)', () => {
  beforeAll(() => tables.ensureCreated());

  it('R16: a chief is one while someone reports to them: a new manager, or a leaver, ends it', async () => {
    const directory = new DirectoryStore(tables);
    const [karim, johan] = [randomUUID(), randomUUID()];
    const elin: Person = { aadObjectId: randomUUID(), name: 'Elin Ek', email: '', departmentId: 'kultur-fritid', title: 'Handläggare', chiefAadObjectId: karim };

    await directory.putPeople([elin]);
    expect([await directory.isChief(karim), await directory.isChief(johan)]).toEqual([true, false]);

    await directory.putPeople([{ ...elin, chiefAadObjectId: johan }]);
    expect([await directory.isChief(karim), await directory.isChief(johan)]).toEqual([false, true]);

    await directory.putPeople([{ ...elin, chiefAadObjectId: johan, enabled: false }]);
    expect(await directory.isChief(johan)).toBe(false);
  });
});
