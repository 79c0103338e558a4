import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { eachLimited } from '../eachLimited';
import { RecentReads } from './recentReads';
import { z } from 'zod';
import { type Department, type Directory, type Person } from '../domain/directory';
import type { Organisation, OrganisationEvent } from '../domain/organisation';
import { encodeKey, fromColumns, rowsStartingWith, TableRepository, toColumns } from './repository';
import { createdOnce, unlessMissing } from './statuses';
import type { Tables } from './tables';
import { inTransactions, transactionLimit } from './transactions';

const personSchema = z.object({
  aadObjectId: z.string(),
  name: z.string(),
  email: z.string(),
  departmentId: z.string(),
  title: z.string(),
  chiefAadObjectId: z.string().optional(),
  enabled: z.boolean().optional(),
});
const departmentSchema = z.object({ id: z.string(), name: z.string(), communicatorAadObjectId: z.string(), mailbox: z.string().optional() });
const rolesSchema = z.object({ communicationsChiefAadObjectId: z.string() });
type Roles = z.infer<typeof rolesSchema>;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
/** Departments, the roles and the audit of changes to them share one partition, so a change is one transaction. */
const organisation = 'organisation';
const departmentRow = (id: string) => `department_${encodeKey(id)}`;
const rolesRow = 'roles';
/** A "förvaltningar" save too large for one transaction, while it is being written: every row it writes, in order. */
const savingPrefix = 'saving_';
type SavingRows = { partitionKey: string; rowKey: string; [column: string]: string }[];
/**
 * A stamp renewed after every write of people or departments: what shows them to the public (the
 * register's pages) can tell whether what it made from them is still current, without reading them.
 */
const versionRow = 'version';
/** Partition `sync`: the row that says the directory is in place (DirectoryStore.inPlace). */
const inPlaceRow = 'inPlace';
/** The people who report to a chief (R16): `chief_<aad>`, a row each. */
const chiefPartition = (aadObjectId: string) => `chief_${encodeKey(aadObjectId)}`;
/** The chiefs of a department (R1: whom the picker of who decides offers; R16: who hears monthly what was reported about it): `chiefsIn_<department>`, a row each with their name. */
const chiefsPrefix = 'chiefsIn_';
const chiefsPartition = (departmentId: string) => `${chiefsPrefix}${encodeKey(departmentId)}`;
const chiefRowSchema = z.object({ aadObjectId: z.string(), name: z.string() });
/** Someone to whom someone reports, in a department. */
export type Chief = z.infer<typeof chiefRowSchema>;

/** Leavers still to be followed up on their assignments: a row each, until done. */
const followUpPartition = 'followUp';

/** How long a looked-up entry or list is reused: every nudge and every plan card asks for the same departments and people. */
const cacheMs = 30_000;
/** Requests a directory sync keeps in flight at once. */
const atOnce = 32;

/**
 * The organisation directory in the `directory` table, one partition per kind of entry.
 * In production it is kept by the administrators (see README); locally the dev host seeds it.
 * Entries and the lists of everyone are kept for 30 seconds per process, so a change reaches every
 * reader within that.
 */
export class DirectoryStore {
  private readonly cache = new RecentReads(cacheMs);
  private readonly people: TableRepository<Person>;
  private readonly departments: TableRepository<Department>;
  private readonly roles: TableRepository<Roles>;
  private readonly table: TableClient;

  constructor(tables: Tables) {
    const table = tables.client('directory');
    this.table = table;
    this.people = new TableRepository(table, {
      key: (p) => ({ partitionKey: 'person', rowKey: encodeKey(p.aadObjectId) }),
      decode: (json) => personSchema.parse(json),
    });
    this.departments = new TableRepository(table, {
      key: (d) => ({ partitionKey: organisation, rowKey: departmentRow(d.id) }),
      decode: (json) => departmentSchema.parse(json),
    });
    this.roles = new TableRepository(table, {
      key: () => ({ partitionKey: organisation, rowKey: rolesRow }),
      decode: (json) => rolesSchema.parse(json),
    });
  }

  person(aadObjectId: string): Promise<Person | undefined> {
    return this.cached(`person|${aadObjectId}`, async () => (await this.people.get({ partitionKey: 'person', rowKey: encodeKey(aadObjectId) }))?.value);
  }

  /** These people, by id, each a point read (cached): for a card that names a few of 6,000. Unknown ids are left out. */
  async peopleById(ids: Iterable<string>): Promise<Map<string, Person>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.person(id)));
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.aadObjectId, p]));
  }

  department(id: string): Promise<Department | undefined> {
    return this.cached(`department|${id}`, async () => (await this.departments.get({ partitionKey: organisation, rowKey: departmentRow(id) }))?.value);
  }

  /** The directory's stamp now (read from storage, never kept): renewed by every write of people or departments; undefined before the first. */
  async version(): Promise<string | undefined> {
    const row = await unlessMissing(this.table.getEntity<{ stamp?: string }>(organisation, versionRow));
    return row?.stamp;
  }

  /** Forgets what this process read, so the next reads come from storage: for something made anew because the stamp changed. */
  refresh(): void {
    this.cache.clear();
  }

  private versionEntity() {
    return { partitionKey: organisation, rowKey: versionRow, stamp: randomUUID() };
  }

  private async renewVersion(): Promise<void> {
    await this.table.upsertEntity(this.versionEntity(), 'Replace');
  }

  communicationsChief(): Promise<string | undefined> {
    return this.cached('role', async () => (await this.roles.get({ partitionKey: organisation, rowKey: rolesRow }))?.value.communicationsChiefAadObjectId);
  }

  /**
   * Stores who anchors plans, as the communications chief set it: the departments whose communicator
   * or mailbox changed, the communications chief, and an audit row per change (R4). A save that fits
   * in one storage transaction (100 actions) is one. A larger one (a directory of many departments,
   * all named at once) is written whole in steps that can be taken again: first the whole save as
   * one row (`saving`), then its audit rows, then the department rows and the chief, a hundred at a
   * time, each written as it is meant to end (a replace), and last the `saving` row removed with the
   * directory's stamp renewed, in one transaction. A save that stops half-way is finished by the
   * next save or the next directory sync (`finishSaving`), never left half-done or done twice.
   */
  async saveOrganisation(organisation_: Organisation, events: readonly OrganisationEvent[]): Promise<void> {
    await this.finishSaving();
    if (events.length === 0) return;
    const departments = await this.allDepartments();
    const changed = departments.filter((d) => events.some((e) => e.departmentId === d.id));
    const stamp = events[0]!.at;
    const audit = events.map((e, i) => ({ partitionKey: organisation, rowKey: `audit_${stamp}_${String(i).padStart(4, '0')}`, ...toColumns(e) }));
    const rows = [
      ...changed.map((d) => {
        const mailbox = organisation_.mailboxes[d.id] || undefined;
        return this.departments.entity({ id: d.id, name: d.name, communicatorAadObjectId: organisation_.communicators[d.id] ?? '', ...(mailbox ? { mailbox } : {}) });
      }),
      ...(events.some((e) => e.type === 'CommunicationsChiefNamed') ? [this.roles.entity({ communicationsChiefAadObjectId: organisation_.communicationsChiefAadObjectId })] : []),
    ];
    try {
      if (audit.length + rows.length + 1 <= transactionLimit) {
        await this.table.submitTransaction([
          ...rows.map((r): TransactionAction => ['upsert', r, 'Replace']),
          ...audit.map((r): TransactionAction => ['create', r]),
          ['upsert', this.versionEntity(), 'Replace'],
        ]);
        return;
      }
      // The audit rows first: a change is never stored without its record.
      await this.table.upsertEntity({ partitionKey: organisation, rowKey: `${savingPrefix}${stamp}_${randomUUID()}`, ...toColumns([...audit, ...rows] satisfies SavingRows) }, 'Replace');
      await this.finishSaving();
    } finally {
      this.cache.clear();
    }
  }

  /** Finishes every "förvaltningar" save that stopped half-way (see `saveOrganisation`), oldest first; nothing when none did. */
  async finishSaving(): Promise<void> {
    const saves: Record<string, unknown>[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowsStartingWith(organisation, savingPrefix) } })) saves.push(e);
    try {
      for (const saving of saves) {
        const rows = fromColumns(saving) as SavingRows;
        await inTransactions(this.table, rows.map((r): TransactionAction => ['upsert', r, 'Replace']));
        await this.table.submitTransaction([['delete', { partitionKey: organisation, rowKey: String(saving.rowKey) }], ['upsert', this.versionEntity(), 'Replace']]);
      }
    } finally {
      if (saves.length > 0) this.cache.clear();
    }
  }

  /** Every change to who anchors plans, oldest first (R4). */
  async organisationHistory(): Promise<OrganisationEvent[]> {
    const events: OrganisationEvent[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: rowsStartingWith(organisation, 'audit_') } })) {
      events.push(fromColumns(entity) as OrganisationEvent);
    }
    return events;
  }

  /**
   * The communications chief from the settings, when none is set yet or the one set has left Entra ID
   * (else nobody could name a successor in "förvaltningar"); a chief named in Teams who is still there stays.
   */
  async firstCommunicationsChief(aadObjectId: string): Promise<void> {
    if (await createdOnce(this.table.createEntity(this.roles.entity({ communicationsChiefAadObjectId: aadObjectId })))) {
      this.cache.clear();
      return;
    }
    const current = await this.communicationsChief();
    const person = current ? await this.person(current) : undefined;
    if (current !== aadObjectId && person?.enabled === false) {
      await this.roles.upsert({ communicationsChiefAadObjectId: aadObjectId });
      this.cache.clear();
    }
  }

  /** Departments Entra ID names that Kanalkoll does not know yet: added without a communicator. Returns those added. */
  async noteDepartments(found: readonly { readonly id: string; readonly name: string }[]): Promise<Department[]> {
    const known = new Set((await this.allDepartments()).map((d) => d.id));
    const added: Department[] = [];
    for (const d of found) {
      if (known.has(d.id)) continue;
      known.add(d.id);
      const department = { id: d.id, name: d.name, communicatorAadObjectId: '' };
      if (await createdOnce(this.table.createEntity(this.departments.entity(department)))) added.push(department);
    }
    if (added.length > 0) {
      await this.renewVersion();
      this.cache.clear();
    }
    return added;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.get(key, load);
  }

  /** Everyone in the directory, by name: for a full sync round (a timer), never for a turn. */
  async everyone(): Promise<Person[]> {
    return [...(await this.cached('all|person', async () => (await this.all(odata`PartitionKey eq ${'person'}`, personSchema)).sort(byName)))];
  }

  /** Every department, by name. */
  async allDepartments(): Promise<Department[]> {
    return [...(await this.cached('all|department', async () => (await this.all(rowsStartingWith(organisation, 'department_'), departmentSchema)).sort(byName)))];
  }

  private async all<T>(filter: string, schema: z.ZodType<T>): Promise<T[]> {
    const found: T[] = [];
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      found.push(schema.parse(fromColumns(entity)));
    }
    return found;
  }

  /**
   * Whether someone in the directory has this person as their chief now (R16: a chief may see what is
   * reported about their department; R1: only a chief decides in a chief's place). Each chief has a
   * partition with a row per person reporting to them, kept as people come and go and change manager:
   * one row read.
   */
  async isChief(aadObjectId: string): Promise<boolean> {
    return this.cached(`chief|${aadObjectId}`, () => this.hasReports(aadObjectId));
  }

  private async hasReports(aadObjectId: string): Promise<boolean> {
    for await (const page of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${chiefPartition(aadObjectId)}`, select: ['RowKey'] } }).byPage({ maxPageSize: 1 })) {
      if (page.length > 0) return true;
    }
    return false;
  }

  /** The chiefs of a department now, by name (R1): one partition of a few dozen rows, never the people. */
  async chiefsIn(departmentId: string): Promise<Chief[]> {
    return [...(await this.cached(`chiefs|${departmentId}`, async () => (await this.all(odata`PartitionKey eq ${chiefsPartition(departmentId)}`, chiefRowSchema)).sort(byName)))];
  }

  /**
   * The rows that say who reports to whom: this person under their chief now, and no more under an
   * earlier one or once they left; then the chiefs of each department. `whole`: the round holds
   * everyone in the directory.
   */
  private async keepReports(people: readonly Person[], whole: boolean): Promise<void> {
    // A round may hold every one of 6,000 people: a few dozen requests at a time, not all at once (an
    // instance in Azure has a limited number of outbound connections).
    const before = new Map<string, Person | undefined>();
    await eachLimited(people, atOnce, async (p) => void before.set(p.aadObjectId, await this.person(p.aadObjectId)));
    const writes: (() => Promise<unknown>)[] = [];
    const lost = new Set<string>();
    for (const p of people) {
      const was = before.get(p.aadObjectId)?.chiefAadObjectId;
      const now = p.enabled === false ? undefined : p.chiefAadObjectId;
      if (was && was !== now) {
        lost.add(was);
        writes.push(() => unlessMissing(this.table.deleteEntity(chiefPartition(was), encodeKey(p.aadObjectId))));
      }
      if (now) writes.push(() => this.table.upsertEntity({ partitionKey: chiefPartition(now), rowKey: encodeKey(p.aadObjectId) }, 'Replace'));
    }
    await eachLimited(writes, atOnce, (write) => write());
    await this.keepChiefs(people, before, lost, whole);
  }

  /**
   * The chiefs of each department, after the rows of who reports to whom: someone enabled to whom
   * someone reports, under their department now. Written before the round's people, from the round
   * itself, so a round that fails halfway does it all again. A whole round knows every chief from
   * itself and makes the rows what it found; another asks, for each person in it and each chief who
   * gained or lost someone, whether anyone reports to them (a row read).
   */
  private async keepChiefs(people: readonly Person[], before: ReadonlyMap<string, Person | undefined>, lost: ReadonlySet<string>, whole: boolean): Promise<void> {
    const round = new Map(people.map((p) => [p.aadObjectId, p]));
    const gaining = new Set(people.flatMap((p) => (p.enabled !== false && p.chiefAadObjectId ? [p.chiefAadObjectId] : [])));
    const indexed = (p: Person | undefined): p is Person => p !== undefined && p.enabled !== false && p.departmentId !== '';
    // One JSON column, as `toColumns` writes a value this short (a name is far shorter than a column holds).
    const row = (p: Person) => ({ partitionKey: chiefsPartition(p.departmentId), rowKey: encodeKey(p.aadObjectId), json: JSON.stringify({ aadObjectId: p.aadObjectId, name: p.name } satisfies Chief) });
    const writes: (() => Promise<unknown>)[] = [];
    if (whole) {
      const wanted = new Map([...gaining].map((id) => round.get(id)).filter(indexed).map((p) => [`${chiefsPartition(p.departmentId)}|${encodeKey(p.aadObjectId)}`, row(p)]));
      const filter = odata`PartitionKey ge ${chiefsPrefix} and PartitionKey lt ${`${chiefsPrefix.slice(0, -1)}\``}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const key = `${e.partitionKey}|${e.rowKey}`;
        // A row as wanted stays; another goes.
        if (wanted.get(key)?.json === e.json) wanted.delete(key);
        else if (!wanted.has(key)) writes.push(() => unlessMissing(this.table.deleteEntity(e.partitionKey!, e.rowKey!)));
      }
      for (const entity of wanted.values()) writes.push(() => this.table.upsertEntity(entity, 'Replace'));
    } else {
      await eachLimited([...new Set([...round.keys(), ...gaining, ...lost])], atOnce, async (id) => {
        const person = round.get(id) ?? (await this.people.get({ partitionKey: 'person', rowKey: encodeKey(id) }))?.value;
        const was = round.has(id) ? before.get(id) : person;
        const chief = indexed(person) && (gaining.has(id) || (await this.hasReports(id))) ? person : undefined;
        if (chief) writes.push(() => this.table.upsertEntity(row(chief), 'Replace'));
        if (indexed(was) && was.departmentId !== chief?.departmentId) writes.push(() => unlessMissing(this.table.deleteEntity(chiefsPartition(was.departmentId), encodeKey(id))));
      });
    }
    await eachLimited(writes, atOnce, (write) => write());
  }

  /**
   * Writes these people (a sync round), a hundred to a transaction; everyone else is left as they are.
   * `whole`: they are everyone in the directory (a full round), which lets the chiefs be known from them.
   */
  async putPeople(people: readonly Person[], { whole = false }: { readonly whole?: boolean } = {}): Promise<void> {
    try {
      // Before the people: who reported to whom is read from what is stored.
      await this.keepReports(people, whole);
      await inTransactions(this.table, people.map((p): TransactionAction => ['upsert', this.people.entity(p), 'Replace']));
      if (people.length > 0) await this.renewVersion();
    } finally {
      // After the writes, so no reader in between keeps an old entry for the cache's 30 seconds.
      this.cache.clear();
    }
  }

  /**
   * Leavers whose assignments are still to be followed up (`followUp`, a row each): written before
   * the round's people, so a round that stops after storing them (when the person already reads as
   * disabled and no later round can tell they left) still has them; removed once followed up.
   */
  async noteFollowUps(aadObjectIds: readonly string[], at: string): Promise<void> {
    await eachLimited(aadObjectIds, atOnce, (aadObjectId) => this.table.upsertEntity({ partitionKey: followUpPartition, rowKey: encodeKey(aadObjectId), aadObjectId, at }, 'Replace'));
  }

  /** The leavers still to be followed up, as the directory has them now (someone who came back meanwhile is left out, and their row goes). */
  async pendingFollowUps(): Promise<Person[]> {
    const ids: string[] = [];
    for await (const e of this.table.listEntities<{ aadObjectId: string }>({ queryOptions: { filter: odata`PartitionKey eq ${followUpPartition}` } })) ids.push(e.aadObjectId);
    const found: Person[] = [];
    for (const id of ids) {
      const person = (await this.people.get({ partitionKey: 'person', rowKey: encodeKey(id) }))?.value;
      if (person && person.enabled === false) found.push(person);
      else await this.followedUp(id);
    }
    return found;
  }

  /** A leaver's assignments are all followed up: their row goes. */
  async followedUp(aadObjectId: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity(followUpPartition, encodeKey(aadObjectId)));
  }

  /** GDPR: notes when people left (the sync saw them go; leaving again starts the count again), so what is kept about them can go in time. */
  async noteLeavers(aadObjectIds: readonly string[], at: string): Promise<void> {
    for (const aadObjectId of aadObjectIds) {
      await this.table.upsertEntity({ partitionKey: 'left', rowKey: encodeKey(aadObjectId), aadObjectId, leftAt: at, chatForgotten: false, reduced: false }, 'Replace');
    }
  }

  /** The people who left, with when, and what has been done about it. */
  async leavers(): Promise<{ aadObjectId: string; leftAt: string; chatForgotten: boolean; reduced: boolean }[]> {
    const found: { aadObjectId: string; leftAt: string; chatForgotten: boolean; reduced: boolean }[] = [];
    for await (const e of this.table.listEntities<{ aadObjectId: string; leftAt: string; chatForgotten?: boolean; reduced?: boolean }>({ queryOptions: { filter: odata`PartitionKey eq ${'left'}` } })) {
      found.push({ aadObjectId: e.aadObjectId, leftAt: e.leftAt, chatForgotten: e.chatForgotten === true, reduced: e.reduced === true });
    }
    return found;
  }

  /** Someone noted as a leaver is back: nothing is removed about them. */
  async cameBack(aadObjectId: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity('left', encodeKey(aadObjectId)));
  }

  async chatForgotten(aadObjectId: string): Promise<void> {
    await unlessMissing(this.table.updateEntity({ partitionKey: 'left', rowKey: encodeKey(aadObjectId), chatForgotten: true }, 'Merge'));
  }

  /**
   * GDPR: a leaver's entry cut to their name, which old plans and decisions still show; their mail,
   * title, department and manager go. Someone who came back meanwhile is left as they are. The note
   * stays, marked: a directory sync that writes the entry whole again (Entra ID still lists the
   * disabled account) is cut again the next night.
   */
  async reduceLeaver(aadObjectId: string): Promise<void> {
    const person = await this.people.get({ partitionKey: 'person', rowKey: encodeKey(aadObjectId) });
    const whole = person && (person.value.email || person.value.title || person.value.departmentId || person.value.chiefAadObjectId);
    if (person && person.value.enabled === false && whole) {
      await this.people.save({ aadObjectId, name: person.value.name, email: '', departmentId: '', title: '', enabled: false }, person.etag);
      await this.renewVersion();
    }
    await unlessMissing(this.table.updateEntity({ partitionKey: 'left', rowKey: encodeKey(aadObjectId), reduced: true }, 'Merge'));
    this.cache.clear();
  }

  /** Where the next users delta round starts; undefined before the first full sync. */
  async deltaLink(): Promise<string | undefined> {
    const entity = await unlessMissing(this.table.getEntity<{ link?: string }>('sync', 'users'));
    return entity?.link || undefined;
  }

  /** Written last, once a round's people are all stored: a round that failed starts again from the previous link. */
  async saveDeltaLink(link: string, at: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'sync', rowKey: 'users', link, at }, 'Replace');
  }

  /**
   * Whether the directory is in place for turns to rely on: the first sync round stored and its
   * leavers followed up, or a directory with people loaded by hand (the tests). A stored fact, so a
   * fresh instance after a deployment knows it too.
   */
  async inPlace(): Promise<boolean> {
    return (await unlessMissing(this.table.getEntity('sync', inPlaceRow))) !== undefined;
  }

  /** Written once a sync round is stored and followed up (or a directory loaded by hand); never removed. */
  async markInPlace(at: string, by: 'sync' | 'load'): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'sync', rowKey: inPlaceRow, at, by }, 'Replace');
  }

  /** Writes every entry of `directory`; entries not in it are left as they are. With people, the directory is in place. */
  async load(directory: Directory): Promise<void> {
    this.cache.clear();
    await this.keepReports(directory.people, false);
    this.cache.clear();
    await Promise.all([
      ...directory.people.map((p) => this.people.upsert(p)),
      ...directory.departments.map((d) => this.departments.upsert(d)),
      this.roles.upsert({ communicationsChiefAadObjectId: directory.communicationsChiefAadObjectId }),
    ]);
    await this.renewVersion();
    if (directory.people.length > 0) await this.markInPlace(new Date().toISOString(), 'load');
  }
}
