import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Counts the storage requests this process makes to Azurite, by port, for the bench: reads (GET,
 * HEAD), writes (everything else) and each kind of operation. The Azure SDK's Node client sends
 * through node:http, whose diagnostics channel sees every request without touching the app's code.
 *
 *     const storage = countStorage([10002]);
 *     const before = storage.snapshot();
 *     await sendDigests(deps);
 *     const { reads, byOperation } = storage.since(before);
 *     storage.stop();
 */
export interface StorageCounts {
  readonly reads: number;
  readonly writes: number;
  readonly total: number;
  /** Bytes received, headers included: how much was read, not only how often (Azurite's table answers are chunked, without a Content-Length). */
  readonly bytesIn: number;
  /** `GET assignments scan`, `GET register partition`, `GET directory entity`, `POST $batch`, `PUT nudges queue`…: see `operationOf`. */
  readonly byOperation: Readonly<Record<string, number>>;
  /** Bytes in per operation, as `bytesIn`. */
  readonly bytesByOperation: Readonly<Record<string, number>>;
}

export interface StorageCounter {
  /** The counts since the counter started. */
  snapshot(): StorageCounts;
  /** The counts since an earlier snapshot. */
  since(before: StorageCounts): StorageCounts;
  stop(): void;
}

/**
 * What a request does, in words a profile can be read by: the table or queue, and for a table
 * read whether it is one entity (`entity`), a query within one partition (`partition`) or a query
 * across partitions (`scan`, which reads the whole table however narrow its filter).
 */
export function operationOf(method: string, path: string): string {
  const [pathname = '', query = ''] = path.split('?');
  // Azurite's paths start with the account: /devstoreaccount1/<table or queue>…
  const resource = decodeURIComponent(pathname.split('/')[2] ?? '');
  const name = resource.replace(/\(.*$/, '');
  if (name === '$batch') return `${method} $batch`;
  if (!resource.includes('(')) return `${method} ${name || '(account)'}${/\/messages/.test(pathname) ? ' messages' : ''}`;
  if (/\(PartitionKey=/.test(resource)) return `${method} ${name} entity`;
  const filter = decodeURIComponent(new URLSearchParams(query).get('$filter') ?? '');
  return `${method} ${name} ${/PartitionKey eq '/.test(filter) ? 'partition' : 'scan'}`;
}

/** The ports of the endpoints in an Azurite connection string (`…TableEndpoint=http://127.0.0.1:10002/…`). */
export const storagePorts = (connectionString: string): number[] => [...connectionString.matchAll(/:(\d+)\//g)].map((m) => Number(m[1]));

/** Starts counting the requests to `ports` (Azurite's table, queue, blob ports) made from this process. */
export function countStorage(ports: readonly number[]): StorageCounter {
  const watched = new Set(ports.map(String));
  const counts = { reads: 0, writes: 0, total: 0, bytesIn: 0, byOperation: {} as Record<string, number>, bytesByOperation: {} as Record<string, number> };
  // The socket may not be chosen yet when a request starts; the Host header always names the port.
  const portOf = (request: ClientRequest) => request.getHeader('host')?.toString().split(':')[1] ?? '';
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (!watched.has(portOf(request))) return;
    const read = request.method === 'GET' || request.method === 'HEAD';
    counts.total++;
    if (read) counts.reads++;
    else counts.writes++;
    const operation = operationOf(request.method, request.path);
    counts.byOperation[operation] = (counts.byOperation[operation] ?? 0) + 1;
    // A kept-alive socket carries one request at a time: what it read from the request's start to
    // its answer's end is that answer. Listening for 'socket', 'response' and 'end' leaves the flow to the SDK.
    const measure = (socket: Socket) => {
      const from = socket.bytesRead;
      request.once('response', (response: IncomingMessage) =>
        response.once('end', () => {
          const bytes = socket.bytesRead - from;
          counts.bytesIn += bytes;
          counts.bytesByOperation[operation] = (counts.bytesByOperation[operation] ?? 0) + bytes;
        }),
      );
    };
    // The socket may be assigned already (the channel speaks when the request is sent) or later.
    if (request.socket) measure(request.socket);
    else request.once('socket', measure);
  };
  subscribe('http.client.request.start', onStart);
  const snapshot = (): StorageCounts => ({ ...counts, byOperation: { ...counts.byOperation }, bytesByOperation: { ...counts.bytesByOperation } });
  const minus = (now: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(now)
        .map(([op, n]) => [op, n - (before[op] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
  return {
    snapshot,
    since: (before) => {
      const now = snapshot();
      return {
        reads: now.reads - before.reads,
        writes: now.writes - before.writes,
        total: now.total - before.total,
        bytesIn: now.bytesIn - before.bytesIn,
        byOperation: minus(now.byOperation, before.byOperation),
        bytesByOperation: minus(now.bytesByOperation, before.bytesByOperation),
      };
    },
    stop: () => {
      unsubscribe('http.client.request.start', onStart);
    },
  };
}
