import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';

/** One stored thing as it was read: its properties, with the etag and timestamp the service gave it. */
export type StoredThing = Record<string, unknown>;

/**
 * Everything in a storage account at one moment: every entity of every table, every queue's
 * messages, every blob, each keyed by where it lives ("table:assignments/a_x/assignment").
 */
export type StorageSnapshot = ReadonlyMap<string, StoredThing>;

/** Reads the whole account (Azurite: a few hundred things, so this takes milliseconds). */
export async function snapshotStorage(connectionString: string): Promise<StorageSnapshot> {
  const options = { allowInsecureConnection: true };
  const found = new Map<string, StoredThing>();
  // Every table there is, not only the ones Kanalkoll names: a new table would be a change too.
  for await (const table of TableServiceClient.fromConnectionString(connectionString, options).listTables()) {
    const name = table.name ?? '';
    found.set(`table:${name}`, {});
    for await (const entity of TableClient.fromConnectionString(connectionString, name, options).listEntities<Record<string, unknown>>()) {
      found.set(`table:${name}/${entity.partitionKey}/${entity.rowKey}`, { ...entity });
    }
  }
  const queues = QueueServiceClient.fromConnectionString(connectionString);
  for await (const queue of queues.listQueues()) {
    const client = queues.getQueueClient(queue.name);
    const { approximateMessagesCount } = await client.getProperties();
    const { peekedMessageItems } = await client.peekMessages({ numberOfMessages: 32 });
    found.set(`queue:${queue.name}`, { approximateMessagesCount, messages: peekedMessageItems.map((m) => `${m.messageId}:${m.messageText}`) });
  }
  const blobs = BlobServiceClient.fromConnectionString(connectionString);
  for await (const container of blobs.listContainers()) {
    found.set(`container:${container.name}`, { etag: container.properties.etag });
    for await (const blob of blobs.getContainerClient(container.name).listBlobsFlat()) {
      found.set(`container:${container.name}/${blob.name}`, { etag: blob.properties.etag, length: blob.properties.contentLength });
    }
  }
  return found;
}

/**
 * What differs between two snapshots, one line per thing added, removed or changed. `normalise`
 * may leave out of a thing what is allowed to change (it gets the thing's key and value).
 */
export function storageChanges(
  before: StorageSnapshot,
  after: StorageSnapshot,
  normalise: (key: string, thing: StoredThing) => unknown = (_key, thing) => thing,
): string[] {
  const changes: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) changes.push(`removed ${key}`);
    else if (JSON.stringify(normalise(key, was)) !== JSON.stringify(normalise(key, now))) changes.push(`changed ${key}: ${brief(was)} → ${brief(now)}`);
  }
  for (const key of after.keys()) if (!before.has(key)) changes.push(`added ${key}: ${brief(after.get(key))}`);
  return changes;
}

const brief = (thing: unknown) => JSON.stringify(thing).slice(0, 300);
