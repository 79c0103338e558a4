import { InvocationContext } from '@azure/functions';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables, type Tables } from '../../bot/store/tables';
import { startAzurite } from '../../dev/azurite';
import { triggerOf, type FunctionServer, type Registration } from '../../dev/functionHost';
import { directory, tenantId, type Role } from '../../dev/roles';
import { TeamsAppInstalls } from '../../dev/teamsApps';
import { startTriggers } from '../../dev/triggers';
import { startConnector, type TestConnector } from './connector';
import { startFunctionApp } from './functionApp';
import { TeamsClient } from './teamsClient';

export interface TeamsWorld {
  readonly app: FunctionServer & { readonly registrations: readonly Registration[] };
  readonly connector: TestConnector;
  /** Whom Teams has Kanalkoll installed for: the connector reaches only them (shared with a Graph stand-in given in the options). */
  readonly teamsApps: TeamsAppInstalls;
  /** Its own Azurite's storage (tables; the connection string below reaches blobs and queues too). */
  readonly tables: Tables;
  readonly storage: string;
  /** A Teams client playing `role` against the bot; each of its turns returns once the turn's effects are carried out. */
  client(role: Role, locale?: string): TeamsClient;
  /** Runs the effects queue's function until the queue is empty, as the host does between turns. */
  settle(): Promise<number>;
  /** Fires the app's timer `name` once, as the Functions host does, and then runs the effects queue. */
  timer(name: string): Promise<void>;
  /** Runs the app's queue functions (nudges, effects) until their queues are empty, as the host does. */
  drain(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The function app on an Azurite of its own (its queues are its own: the effects of its turns are
 * carried out by its own queue function), with the seeded directory, and a test connector for the
 * bot's replies. The app knows its tenant and reaches people outside a turn at the test connector.
 * `installedFor` write "hej" first, so the bot knows their personal chats (personal-<role>), as if
 * Teams had the app installed for them. `prepare` writes to the storage before the app starts.
 * Everyone in the directory when the world starts has the app installed (as a setup policy would
 * give it them); the connector refuses to reach anyone else until it is installed for them
 * (`teamsApps`, which a Graph stand-in may share: `options.teamsApps`).
 *
 * A press answers at once and leaves its effects on the `effects` queue; a client of this world
 * runs that queue after each turn (`settle`), so a test reads what the next person got right after
 * the turn, as it would a few seconds later in Teams.
 */
export async function startTeams(
  installedFor: readonly Role[] = [],
  settings: Record<string, string> | ((connector: TestConnector) => Record<string, string>) = {},
  prepare: (tables: Tables) => Promise<void> = async () => undefined,
  options: { readonly teamsApps?: TeamsAppInstalls } = {},
): Promise<TeamsWorld> {
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  const tables = connectTables(azurite.connectionString);
  await tables.ensureCreated();
  await new DirectoryStore(tables).load(directory);
  await prepare(tables);
  const teamsApps = options.teamsApps ?? new TeamsAppInstalls();
  teamsApps.install(...(await new DirectoryStore(tables).everyone()).map((p) => p.aadObjectId));
  const connector = await startConnector({ installs: teamsApps });
  const env = typeof settings === 'function' ? settings(connector) : settings;
  const app = await startFunctionApp({
    AzureWebJobsStorage: azurite.connectionString,
    KANALKOLL_TENANT_ID: tenantId,
    KANALKOLL_TEAMS_SERVICE_URL: connector.serviceUrl,
    ...env,
  });
  const triggers = startTriggers(app.registrations, azurite.connectionString, () => undefined, { schedule: false });
  const effects = startTriggers(
    app.registrations.filter((r) => triggerOf(r)?.queueName === 'effects'),
    azurite.connectionString,
    () => undefined,
    { schedule: false },
  );
  const settle = () => effects.drain();
  const client = (role: Role, locale?: string) => new TeamsClient(`${app.url}/api/messages`, connector, role, locale, settle);
  for (const role of installedFor) await client(role).say('hej');
  return {
    app,
    connector,
    teamsApps,
    tables,
    storage: azurite.connectionString,
    client,
    settle,
    drain: () => triggers.drain(),
    timer: async (name) => {
      const registration = app.registrations.find((r) => r.metadata.name === name)!;
      await registration.handler({ isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, new InvocationContext({ functionName: name, invocationId: 'test' }));
      // What the timer changed has its effects carried out, as the effects queue's function would.
      await settle();
    },
    close: async () => {
      triggers.stop();
      effects.stop();
      await app.close();
      await connector.close();
      await azurite.stop();
    },
  };
}
