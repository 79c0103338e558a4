import { InvocationContext } from '@azure/functions';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables, type Tables } from '../../bot/store/tables';
import { startAzurite } from '../../dev/azurite';
import type { FunctionServer, Registration } from '../../dev/functionHost';
import { directory, tenantId, type Role } from '../../dev/roles';
import { startTriggers, type Triggers } from '../../dev/triggers';
import { startConnector, type TestConnector } from './connector';
import { startFunctionApp } from './functionApp';
import { TeamsClient } from './teamsClient';

export interface TeamsWorld {
  readonly app: FunctionServer & { readonly registrations: readonly Registration[] };
  readonly connector: TestConnector;
  /** A Teams client playing `role` against the bot. */
  client(role: Role, locale?: string): TeamsClient;
  close(): Promise<void>;
}

/**
 * The function app on the run's Azurite with the seeded directory, and a test connector for the
 * bot's replies. `installedFor` write "hej" first, so the bot knows their personal chats
 * (personal-<role>), as if Teams had the app installed for them.
 */
export async function startTeams(
  installedFor: readonly Role[] = [],
  settings: Record<string, string> | ((connector: TestConnector) => Record<string, string>) = {},
): Promise<TeamsWorld> {
  const connector = await startConnector();
  const env = typeof settings === 'function' ? settings(connector) : settings;
  const tables = connectTables(env.AzureWebJobsStorage ?? process.env.AzureWebJobsStorage ?? '');
  await tables.ensureCreated();
  await new DirectoryStore(tables).load(directory);
  const app = await startFunctionApp(env);
  const client = (role: Role, locale?: string) => new TeamsClient(`${app.url}/api/messages`, connector, role, locale);
  for (const role of installedFor) await client(role).say('hej');
  return {
    app,
    connector,
    client,
    close: async () => {
      await app.close();
      await connector.close();
    },
  };
}

/** A world on an Azurite of its own, with its storage and its timers at hand. */
export interface OwnTeamsWorld extends TeamsWorld {
  readonly tables: Tables;
  /** The connection string of its Azurite (blobs and queues too). */
  readonly storage: string;
  /** Fires the app's timer `name` once, as the Functions host does. */
  timer(name: string): Promise<void>;
  /** Runs the app's queue functions (nudges, effects) until their queues are empty, as the host does. */
  drain(): Promise<number>;
}

/**
 * `startTeams` on an Azurite of its own, for tests that change the organisation or storage others
 * share: the app knows its tenant and reaches people outside a turn at the test connector.
 * `prepare` writes to the storage before the app starts.
 */
export async function startOwnTeams(
  installedFor: readonly Role[],
  env: Record<string, string> = {},
  prepare: (tables: Tables) => Promise<void> = async () => undefined,
): Promise<OwnTeamsWorld> {
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  const tables = connectTables(azurite.connectionString);
  await tables.ensureCreated();
  await prepare(tables);
  const world = await startTeams(installedFor, (connector) => ({
    AzureWebJobsStorage: azurite.connectionString,
    KANALKOLL_TENANT_ID: tenantId,
    KANALKOLL_TEAMS_SERVICE_URL: connector.serviceUrl,
    ...env,
  }));
  let triggers: Triggers | undefined;
  return {
    ...world,
    tables,
    storage: azurite.connectionString,
    drain: () => (triggers ??= startTriggers(world.app.registrations, azurite.connectionString, () => undefined, { schedule: false })).drain(),
    timer: async (name) => {
      const registration = world.app.registrations.find((r) => r.metadata.name === name)!;
      await registration.handler({ isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, new InvocationContext({ functionName: name, invocationId: 'test' }));
    },
    close: async () => {
      triggers?.stop();
      await world.close();
      await azurite.stop();
    },
  };
}
