import { TableClient, TableServiceClient } from '@azure/data-tables';

/** Every table Kanalkoll keeps; created idempotently at start. */
export const tableNames = ['conversations', 'directory', 'assignments', 'audit', 'register'] as const;
export type TableName = (typeof tableNames)[number];

/** Azurite and other local emulators speak plain http, which the SDK refuses unless told. */
const isInsecure = (connectionString: string) =>
  /UseDevelopmentStorage=true|DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);

// A user waits on these calls: a few quick retries, then a clear "try again shortly".
const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 };

export interface Tables {
  client(name: TableName): TableClient;
  /** Creates every table that does not exist yet; safe to call on every start. */
  ensureCreated(): Promise<void>;
  /** Resolves when the table service answers within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
}

export function connectTables(connectionString: string): Tables {
  const allowInsecureConnection = isInsecure(connectionString);
  const clients = new Map(
    tableNames.map((name) => [
      name,
      TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection, retryOptions }),
    ]),
  );
  // Health checks must answer fast when storage is down, so this client never retries.
  const service = TableServiceClient.fromConnectionString(connectionString, {
    allowInsecureConnection,
    retryOptions: { maxRetries: 0 },
  });
  return {
    client: (name) => clients.get(name) as TableClient,
    ensureCreated: async () => {
      await Promise.all([...clients.values()].map((c) => c.createTable()));
    },
    ping: async (timeoutMs) => {
      await service.listTables({ abortSignal: AbortSignal.timeout(timeoutMs) }).byPage({ maxPageSize: 1 }).next();
    },
  };
}
