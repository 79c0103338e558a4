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

  it('R1: the chiefs of each department follow the directory: a new report, a mover, a rename, a leaver, and a whole round that sets them right', async () => {
    const directory = new DirectoryStore(tables);
    const [a, b] = [`d-${randomUUID()}`, `d-${randomUUID()}`];
    const karim: Person = { aadObjectId: randomUUID(), name: 'Karim Berg', email: '', departmentId: a, title: 'Enhetschef' };
    const elin: Person = { aadObjectId: randomUUID(), name: 'Elin Ek', email: '', departmentId: a, title: 'Handläggare', chiefAadObjectId: karim.aadObjectId };
    const names = async () => [(await directory.chiefsIn(a)).map((c) => c.name), (await directory.chiefsIn(b)).map((c) => c.name)];
    const fresh = async () => {
      directory.refresh();
      return names();
    };

    // A chief stored before anyone reports to them, then someone who does: Karim leads in a.
    await directory.putPeople([karim]);
    expect(await fresh()).toEqual([[], []]);
    await directory.putPeople([elin]);
    expect(await fresh()).toEqual([['Karim Berg'], []]);
    // Karim moves to b and is renamed, in a round without Elin.
    await directory.putPeople([{ ...karim, departmentId: b, name: 'Karim Berg Lind' }]);
    expect(await fresh()).toEqual([[], ['Karim Berg Lind']]);
    // Elin leaves: nobody reports to Karim.
    await directory.putPeople([{ ...elin, enabled: false }]);
    expect(await fresh()).toEqual([[], []]);
    // Elin is back, reporting to Karim, and Karim leaves.
    await directory.putPeople([{ ...elin, enabled: true }]);
    expect(await fresh()).toEqual([[], ['Karim Berg Lind']]);
    await directory.putPeople([{ ...karim, departmentId: b, name: 'Karim Berg Lind', enabled: false }]);
    expect(await fresh()).toEqual([[], []]);

    // A whole round (everyone in the directory) makes the rows what it finds, a stale one included.
    const nora: Person = { aadObjectId: randomUUID(), name: 'Nora Sjöberg', email: '', departmentId: a, title: 'Bibliotekschef' };
    await tables.client('directory').upsertEntity({ partitionKey: `chiefsIn_${b}`, rowKey: randomUUID(), json: JSON.stringify({ aadObjectId: 'x', name: 'Gammal rad' }) }, 'Replace');
    expect(await fresh()).toEqual([[], ['Gammal rad']]);
    await directory.putPeople([karim, nora, { ...elin, chiefAadObjectId: nora.aadObjectId }], { whole: true });
    expect(await fresh()).toEqual([['Nora Sjöberg'], []]);
  });
});
