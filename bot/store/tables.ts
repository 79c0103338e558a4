import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { StorageConfig } from '../config';
import { StorageUnavailable } from '../errors';
import { azureCredential } from '../identity';

/** Every table Kanalkoll keeps; created idempotently at start. */
export const tableNames = ['conversations', 'directory', 'assignments', 'audit', 'register', 'reports', 'duties', 'nudges', 'deadletters', 'throttle', 'figures'] as const;
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

/**
 * A request that got no answer at all, after the client's retries (the policy sits outside the
 * Retry phase), becomes StorageUnavailable: the turn can tell the user to try again shortly.
 * Answers with a status (404, 409, 412, 5xx…) pass through as the SDK's RestError.
 */
const unreachable: Parameters<TableClient['pipeline']['addPolicy']>[0] = {
  name: 'kanalkollStorageUnavailable',
  sendRequest: async (request, next) => {
    try {
      return await next(request);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined || (error as Error).name === 'AbortError') throw error;
      throw new StorageUnavailable(`table storage did not answer ${request.method} ${new URL(request.url).pathname}: ${(error as Error).message}`, { cause: error });
    }
  },
};

export function connectTables(storage: StorageConfig): Tables {
  const open = clientsFor(storage);
  const clients = new Map(
    tableNames.map((name) => {
      const client = open.table(name, { retryOptions });
      client.pipeline.addPolicy(unreachable);
      return [name, client];
    }),
  );
  // Health checks must answer fast when storage is down, so this client never retries.
  const service = open.service({ retryOptions: { maxRetries: 0 } });
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

/** Table clients from a connection string, or for an account reached with a managed identity. */
function clientsFor(storage: StorageConfig) {
  if (typeof storage === 'string') {
    const allowInsecureConnection = isInsecure(storage);
    return {
      table: (name: string, options: TableServiceClientOptions) => TableClient.fromConnectionString(storage, name, { ...options, allowInsecureConnection }),
      service: (options: TableServiceClientOptions) => TableServiceClient.fromConnectionString(storage, { ...options, allowInsecureConnection }),
    };
  }
  const url = `https://${storage.accountName}.table.core.windows.net`;
  const credential = azureCredential(storage.clientId);
  return {
    table: (name: string, options: TableServiceClientOptions) => new TableClient(url, name, credential, options),
    service: (options: TableServiceClientOptions) => new TableServiceClient(url, credential, options),
  };
}
