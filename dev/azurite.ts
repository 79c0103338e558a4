import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Azurite's table, queue and blob services started inside this process. Azurite has no public
 * API for this, so its server classes are reached by path: the version is pinned for that.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { default: TableServer } = require('azurite/dist/src/table/TableServer');
const { default: TableConfiguration } = require('azurite/dist/src/table/TableConfiguration');
const { default: QueueServer } = require('azurite/dist/src/queue/QueueServer');
const { default: QueueConfiguration } = require('azurite/dist/src/queue/QueueConfiguration');
const { default: BlobServer } = require('azurite/dist/src/blob/BlobServer');
const { default: BlobConfiguration } = require('azurite/dist/src/blob/BlobConfiguration');
/* eslint-enable @typescript-eslint/no-require-imports */

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

export interface AzuriteOptions {
  /** Ports for table, queue and blob; 0 picks free ones. Default: Azurite's usual 10002, 10001, 10000. */
  readonly ports?: { table: number; queue: number; blob: number };
  /** Keep data in this folder between runs; in memory when absent. */
  readonly persistDir?: string;
}

export interface Azurite {
  readonly connectionString: string;
  readonly endpoints: { table: string; queue: string; blob: string };
  stop(): Promise<void>;
}

// Azurite's well-known development account; not a secret.
const account = 'devstoreaccount1';
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const ports = options.ports ?? { table: 10002, queue: 10001, blob: 10000 };
  const dir = options.persistDir && path.resolve(options.persistDir);
  if (dir) mkdirSync(dir, { recursive: true });
  const inMemory = !dir;
  const at = (name: string) => (dir ? path.join(dir, name) : name);
  const extents = (name: string) => [{ locationId: 'Default', locationPath: at(name), maxConcurrency: 10 }];
  const host = '127.0.0.1';
  // Positional arguments as Azurite's configuration classes take them; the SDKs send newer
  // API versions than Azurite knows, hence skipApiVersionCheck (the true after `loose`).
  const table: AzuriteServer = new TableServer(
    new TableConfiguration(host, ports.table, undefined, at('table.json'), false, false, undefined, undefined, false, true, '', '', '', undefined, false, inMemory),
  );
  const queue: AzuriteServer = new QueueServer(
    new QueueConfiguration(host, ports.queue, undefined, at('queue.json'), at('queue-extents.json'), extents('queue'), false, undefined, false, undefined, false, true, '', '', '', undefined, false, inMemory),
  );
  const blob: AzuriteServer = new BlobServer(
    new BlobConfiguration(host, ports.blob, undefined, at('blob.json'), at('blob-extents.json'), extents('blob'), false, undefined, false, undefined, false, true, '', '', '', undefined, false, inMemory),
  );
  const servers = [table, queue, blob];
  await Promise.all(servers.map((s) => s.start()));
  const endpoints = {
    table: `${table.getHttpServerAddress()}/${account}`,
    queue: `${queue.getHttpServerAddress()}/${account}`,
    blob: `${blob.getHttpServerAddress()}/${account}`,
  };
  return {
    endpoints,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};` +
      `BlobEndpoint=${endpoints.blob};QueueEndpoint=${endpoints.queue};TableEndpoint=${endpoints.table};`,
    stop: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
