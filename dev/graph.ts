import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from '../bot/domain/directory';

/**
 * A local stand-in for Microsoft Graph: the users delta query Kanalkoll's directory sync calls,
 * in Graph's own REST shapes (pages with `@odata.nextLink`, a last page with `@odata.deltaLink`,
 * `manager@delta`, `@removed`), and errors with Retry-After on demand. Not a fake of Kanalkoll:
 * Kanalkoll's own data stays in Azurite.
 */

/** A user in Graph's shape, as `npm start -- --org FILE` reads them (`manager: { id }`). */
export interface GraphUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly accountEnabled?: boolean;
  readonly manager?: { readonly id: string } | null;
}

interface Entry {
  user: GraphUser;
  /** The change counter when this user last changed. */
  version: number;
  removed?: boolean;
  /** The manager taken away by the last change, reported as removed. */
  formerManager?: string;
}

export interface GraphStandIn {
  /** The base URL to give Kanalkoll as KANALKOLL_GRAPH_URL. */
  readonly url: string;
  /** Every request, with the status it got. */
  readonly requests: { readonly path: string; readonly status: number }[];
  /** Adds or changes users (a changed manager, department, a disabled account…). */
  upsert(...users: GraphUser[]): void;
  /** Deletes a user: the next delta round reports them removed. */
  remove(id: string): void;
  /** After `after` more requests, the next `count` are answered `status` (429 by default) with Retry-After. */
  fail(count: number, options?: { status?: number; retryAfterSeconds?: number; after?: number }): void;
  close(): Promise<void>;
}

const link = (base: string, token: 'skiptoken' | 'deltatoken', value: string) => `${base}/v1.0/users/delta?$${token}=${encodeURIComponent(value)}`;

function shape(entry: Entry): Record<string, unknown> {
  const { user } = entry;
  if (entry.removed) return { id: user.id, '@removed': { reason: 'deleted' } };
  const manager = user.manager?.id
    ? [{ '@odata.type': '#microsoft.graph.user', id: user.manager.id }]
    : entry.formerManager
      ? [{ '@odata.type': '#microsoft.graph.user', id: entry.formerManager, '@removed': { reason: 'deleted' } }]
      : undefined;
  return {
    id: user.id,
    displayName: user.displayName,
    mail: user.mail ?? null,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    accountEnabled: user.accountEnabled ?? true,
    ...(manager ? { 'manager@delta': manager } : {}),
  };
}

/** The people of a Kanalkoll directory as Graph users: department by name, chief as manager. */
export function asGraphUsers(directory: Directory): GraphUser[] {
  return directory.people.map((p) => ({
    id: p.aadObjectId,
    displayName: p.name,
    mail: p.email,
    jobTitle: p.title,
    department: directory.departments.find((d) => d.id === p.departmentId)?.name ?? p.departmentId,
    accountEnabled: true,
    manager: p.chiefAadObjectId ? { id: p.chiefAadObjectId } : null,
  }));
}

export async function startGraph(users: readonly GraphUser[], options: { port?: number; pageSize?: number } = {}): Promise<GraphStandIn> {
  const pageSize = options.pageSize ?? 100;
  const entries = new Map<string, Entry>();
  let version = 0;
  const upsert = (...changed: GraphUser[]) => {
    for (const user of changed) {
      const before = entries.get(user.id);
      const formerManager = before && !before.removed && before.user.manager?.id && !user.manager?.id ? before.user.manager.id : undefined;
      entries.set(user.id, { user, version: ++version, ...(formerManager ? { formerManager } : {}) });
    }
  };
  upsert(...users);
  const requests: { path: string; status: number }[] = [];
  let failures = { count: 0, status: 429, retryAfterSeconds: 1, after: 0 };
  let base = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ path: `${url.pathname}${url.search}`, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (failures.count > 0 && failures.after > 0) failures.after--;
    else if (failures.count > 0) {
      failures.count--;
      const code = failures.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
      return answer(failures.status, { error: { code, message: 'The stand-in was asked to refuse this request.' } }, { 'retry-after': String(failures.retryAfterSeconds) });
    }
    if (req.method !== 'GET' || url.pathname !== '/v1.0/users/delta') {
      return answer(404, { error: { code: 'Request_ResourceNotFound', message: `The stand-in does not serve ${req.method} ${url.pathname}.` } });
    }
    // A round: changes after `since` (-1: everyone present) up to `upTo`, served from `offset`.
    const skip = url.searchParams.get('$skiptoken');
    const delta = url.searchParams.get('$deltatoken');
    const [since, upTo, offset] = skip ? skip.split('.').map(Number) : [delta === null ? -1 : Number(delta), version, 0];
    if ([since, upTo, offset].some((n) => n === undefined || !Number.isInteger(n))) {
      return answer(400, { error: { code: 'BadRequest', message: 'Unknown token.' } });
    }
    const round = [...entries.values()]
      .filter((e) => (since! < 0 ? !e.removed : e.version > since!) && e.version <= upTo!)
      .sort((a, b) => a.user.id.localeCompare(b.user.id));
    const page = round.slice(offset!, offset! + pageSize);
    const more = offset! + pageSize < round.length;
    return answer(200, {
      '@odata.context': `${base}/v1.0/$metadata#users(id,displayName,mail,jobTitle,department,accountEnabled,manager)`,
      value: page.map(shape),
      ...(more ? { '@odata.nextLink': link(base, 'skiptoken', `${since}.${upTo}.${offset! + pageSize}`) } : { '@odata.deltaLink': link(base, 'deltatoken', String(upTo)) }),
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    upsert,
    remove: (id) => {
      const entry = entries.get(id);
      if (entry) entries.set(id, { ...entry, removed: true, version: ++version });
    },
    fail: (count, { status = 429, retryAfterSeconds = 1, after = 0 } = {}) => {
      failures = { count, status, retryAfterSeconds, after };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
