import { compose, type Kanalkoll } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { Command } from '../../bot/domain/assignment';
import type { Log } from '../../bot/log';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables, type Tables } from '../../bot/store/tables';
import { afterBatches, dyingTables } from '../support/dyingStorage';
import { asGraphUsers, startGraph, type GraphStandIn, type GraphUser } from '../../dev/graph';
import { directory, tenantId, users, type Role } from '../../dev/roles';
import type { TestConnector } from '../support/connector';
import { drainEffects, planCommands, planDraft, startCrashStorage, type CrashStorage } from '../support/crashWorld';

/**
 * Point 3 of issue 33, "no leaver missed": the directory timer's process stops right after the round's
 * people are stored (the leavers already read as disabled) and before anything is followed up. The
 * next round must still follow every leaver up: an owner and admin, a plan's substitute, and an
 * applicant whose plan waits.
 */

const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const now = new Date().toISOString();
const startDate = now.slice(0, 10);
const submitted = (id: string, accountName: string): Command[] => planCommands(id, planDraft(accountName, startDate), now).submitted;
const active = (id: string, accountName: string): Command[] => planCommands(id, planDraft(accountName, startDate), now).active;

/** Storage that dies right after the round's first transaction of people (`$batch` on `directory`): it is stored, nothing after it is. */
const dyingAfterPeople = (tables: Tables) => dyingTables(tables, afterBatches('directory', 1), { armed: false });

describe('no leaver missed: a directory round that stops after storing its people', () => {
  let world: CrashStorage;
  let graph: GraphStandIn;
  let connector: TestConnector;
  let storage: string;
  let assignments: AssignmentStore;
  let audit: AuditRecords;
  const graphUser = (role: Role): GraphUser => asGraphUsers(directory).find((u) => u.id === users[role].aadObjectId)!;
  const app = (tables?: Tables): Kanalkoll =>
    compose(
      { ...loadConfig({ ...process.env, AzureWebJobsStorage: storage, KANALKOLL_TENANT_ID: tenantId, KANALKOLL_TEAMS_SERVICE_URL: connector.serviceUrl, KANALKOLL_GRAPH_URL: graph.url }), forcedLocale: 'sv' },
      { log: quiet, ...(tables ? { tables } : {}) },
    );

  /** The effects queue's function until the queue is empty. */
  const settle = () => drainEffects(storage, app());

  async function bring(commands: Command[], id: string): Promise<void> {
    const clean = app();
    for (const command of commands) {
      const outcome = await clean.run(command, { id, reach: { tenantId, serviceUrl: connector.serviceUrl } });
      if (!outcome.ok) throw new Error(`${command.type} was refused: ${JSON.stringify(outcome)}`);
      await settle();
    }
  }

  beforeAll(async () => {
    world = await startCrashStorage();
    ({ storage, connector } = world);
    const { tables } = world;
    graph = await startGraph(asGraphUsers(directory));
    assignments = new AssignmentStore(tables);
    audit = new AuditRecords(tables);
    // The first round: everyone, and the delta link of the next.
    await app().syncDirectory();
  });
  afterAll(async () => {
    await graph.close();
    await world.close();
  });

  it('R10, R14, R1: the next round follows every leaver up: the owner and admin, the substitute, the applicant whose plan waits', async () => {
    const account = 'crash-account';
    const waiting = 'crash-waiting';
    await bring(active(account, 'Fritidsgårdarna'), account);
    await bring(submitted(waiting, 'Biblioteken'), waiting);
    expect((await assignments.get(waiting))!.value.status).toBe('awaiting_chief');

    graph.upsert({ ...graphUser('employee'), accountEnabled: false });
    graph.upsert({ ...graphUser('admin'), accountEnabled: false });
    const tables = connectTables(storage);
    const dying = dyingAfterPeople(tables);
    const crashing = app(tables);
    await crashing.ready();
    dying.arm();
    await expect(crashing.syncDirectory()).rejects.toThrow();
    expect(dying.died()).toBe(true);
    // The people are stored: both already read as disabled. Nothing was followed up.
    const stored = new DirectoryStore(connectTables(storage));
    expect((await stored.person(users.employee.aadObjectId))?.enabled).toBe(false);
    expect((await stored.person(users.admin.aadObjectId))?.enabled).toBe(false);
    const before = (await assignments.get(account))!.value;
    expect(before.status === 'active' && before.dutyLog?.ownerLeftAt).toBeFalsy();

    // The next round, in a fresh process.
    await app().syncDirectory();
    await settle();

    const after = (await assignments.get(account))!.value;
    expect(after.status === 'active' && after.dutyLog?.ownerLeftAt).toBeTruthy();
    expect(after.plan?.kind === 'account' && after.plan.administration.admins).toEqual([]);
    expect(after.plan?.kind === 'account' && after.plan.administration.substitute).toBe('');
    expect((await audit.history(account)).filter((e) => e.role === 'directory').map((e) => `${e.type} ${e.subject}`).sort()).toEqual(
      ['AdminLeft Aida Haddad', 'AdminLeft Elin Ek', 'OwnerLeft Elin Ek', 'SubstituteLeft Aida Haddad'].sort(),
    );
    expect((await assignments.get(waiting))!.value.status).toBe('draft');
    expect((await audit.history(waiting)).at(-1)).toMatchObject({ type: 'ApplicantLeft', role: 'directory', subject: 'Elin Ek' });
    expect(await stored.pendingFollowUps()).toEqual([]);

    // Another round changes nothing more.
    const revisions = [(await assignments.get(account))!.value.revision, (await assignments.get(waiting))!.value.revision];
    await app().syncDirectory();
    expect([(await assignments.get(account))!.value.revision, (await assignments.get(waiting))!.value.revision]).toEqual(revisions);
  });
});
