import { QueueClient } from '@azure/storage-queue';
import type { StorageConfig } from '../config';
import { azureCredential } from '../identity';

/** Every queue Kanalkoll writes to; the Functions host makes the `-poison` queues itself. */
export const queueNames = ['nudges', 'effects'] as const;
export type QueueName = (typeof queueNames)[number];

/**
 * A storage queue of JSON messages, base64-encoded as the Functions queue trigger expects by
 * default (host.json `messageEncoding`), so a message sent here arrives as the parsed object.
 */
export interface JsonQueue<T> {
  /** Puts the message on the queue; it becomes visible after `delaySeconds` (whole seconds, as the service counts). */
  send(message: T, delaySeconds?: number): Promise<void>;
}

export interface Queues {
  queue<T>(name: QueueName): JsonQueue<T>;
  ensureCreated(): Promise<void>;
}

export function connectQueues(storage: StorageConfig): Queues {
  const clients = new Map(queueNames.map((name) => [name, queueClient(storage, name)]));
  const client = (name: QueueName) => clients.get(name) as QueueClient;
  return {
    queue: <T>(name: QueueName): JsonQueue<T> => ({
      send: async (message: T, delaySeconds = 0) => {
        const text = Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
        await client(name).sendMessage(text, { visibilityTimeout: Math.max(0, Math.ceil(delaySeconds)) });
      },
    }),
    ensureCreated: async () => {
      await Promise.all([...clients.values()].map((c) => c.createIfNotExists()));
    },
  };
}

// A few quick retries, as for tables: the SDK's default (4 tries, 4 s doubling) would hold a sweep
// or a send for half a minute per message while storage is away; a failed run is simply run again.
const retryOptions = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2000 };

function queueClient(storage: StorageConfig, name: string): QueueClient {
  if (typeof storage === 'string') return new QueueClient(storage, name, { retryOptions });
  return new QueueClient(`https://${storage.accountName}.queue.core.windows.net/${name}`, azureCredential(storage.clientId), { retryOptions });
}
