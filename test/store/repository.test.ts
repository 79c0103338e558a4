import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { loadConfig } from '../../bot/config';
import { ETagConflict } from '../../bot/errors';
import { DirectoryStore } from '../../bot/store/directory';
import { TableRepository } from '../../bot/store/repository';
import { connectTables } from '../../bot/store/tables';
import { directory, users } from '../../dev/roles';

const tables = connectTables(loadConfig().storage);
const note = z.object({ id: z.string(), text: z.string() });
type Note = z.infer<typeof note>;
// Any of Kanalkoll's tables will do: the repository is generic.
const notes = new TableRepository<Note>(tables.client('directory'), {
  key: (n) => ({ partitionKey: 'repository-test', rowKey: n.id }),
  decode: (json) => note.parse(json),
});

describe('table repository on Azurite', () => {
  beforeAll(() => tables.ensureCreated());

  it('creates tables idempotently', async () => {
    await expect(tables.ensureCreated()).resolves.toBeUndefined();
  });

  it('gets what it saved, with an ETag, and nothing for an unknown key', async () => {
    const id = randomUUID();
    const etag = await notes.save({ id, text: 'första' }, undefined);

    expect(await notes.get({ partitionKey: 'repository-test', rowKey: id })).toEqual({ value: { id, text: 'första' }, etag });
    expect(await notes.get({ partitionKey: 'repository-test', rowKey: randomUUID() })).toBeUndefined();
  });

  it('R4: of two saves from the same read, the second is an ETagConflict and changes nothing', async () => {
    const id = randomUUID();
    const etag = await notes.save({ id, text: 'v1' }, undefined);
    await notes.save({ id, text: 'v2 by Karim' }, etag);

    await expect(notes.save({ id, text: 'v2 by Sara' }, etag)).rejects.toBeInstanceOf(ETagConflict);
    expect((await notes.get({ partitionKey: 'repository-test', rowKey: id }))?.value.text).toBe('v2 by Karim');
  });

  it('R4: creating what already exists is an ETagConflict, not an overwrite', async () => {
    const id = randomUUID();
    await notes.save({ id, text: 'original' }, undefined);

    await expect(notes.save({ id, text: 'copy' }, undefined)).rejects.toBeInstanceOf(ETagConflict);
    expect((await notes.get({ partitionKey: 'repository-test', rowKey: id }))?.value.text).toBe('original');
  });

  it('keeps ids with characters that table keys forbid', async () => {
    const store = new DirectoryStore(tables);
    await store.load({ ...directory, departments: [{ id: 'a/b#c?d', name: 'Konstig', communicatorAadObjectId: 'x' }] });

    expect(await store.department('a/b#c?d')).toMatchObject({ name: 'Konstig' });
  });

  it('R1: loads the directory: people, department communicators and the communications chief', async () => {
    const store = new DirectoryStore(tables);
    await store.load(directory);

    expect(await store.person(users.chief.aadObjectId)).toMatchObject({ name: 'Karim Berg', departmentId: 'kultur-fritid' });
    expect((await store.department('kultur-fritid'))?.communicatorAadObjectId).toBe(users.communicator.aadObjectId);
    expect(await store.communicationsChief()).toBe(users.commschief.aadObjectId);
  });
});
