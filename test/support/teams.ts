import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';
import type { FunctionServer, Registration } from '../../dev/functionHost';
import { directory, type Role } from '../../dev/roles';
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
