import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from '../bot/domain/directory';
import { TeamsAppInstalls, teamsAppsAnswer } from './teamsApps';

/**
 * A local stand-in for Microsoft Graph: the users delta query Kanalkoll's directory sync calls,
 * in Graph's own REST shapes (pages with `@odata.nextLink`, a last page with `@odata.deltaLink`,
 * `manager@delta`, `@removed`), `GET /users?$top=1` (the settings check in /api/health), `sendMail` (R13: criticism to the registry's mailbox; kept in
 * `mail`, and answered 202 as Graph does), the app's proactive installation for a user (its state
 * in `teamsApps`, shared with the test connector: dev/teamsApps.ts), and errors with Retry-After on demand. Not a fake of
 * Kanalkoll: Kanalkoll's own data stays in Azurite.
 */

/** A message as `POST /users/{id}/sendMail` takes it (the parts Kanalkoll sends). */
export interface GraphMail {
  readonly subject: string;
  readonly body: { readonly contentType: string; readonly content: string };
  readonly toRecipients: readonly { readonly emailAddress: { readonly address: string } }[];
  readonly attachments?: readonly { readonly '@odata.type': string; readonly name: string; readonly contentType: string; readonly contentBytes: string }[];
}

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

type Field = 'displayName' | 'mail' | 'jobTitle' | 'department' | 'accountEnabled' | 'manager';
const fields: readonly Field[] = ['displayName', 'mail', 'jobTitle', 'department', 'accountEnabled', 'manager'];

interface Entry {
  user: GraphUser;
  /** The change counter when this user last changed, and when each property did. */
  version: number;
  changed: Record<Field, number>;
  removed?: boolean;
  /** The manager taken away by a change, reported as removed. */
  formerManager?: string;
}

/** One round of the delta query, fixed at its first page so later pages cannot shift under a change. */
interface Round {
  readonly items: readonly Record<string, unknown>[];
  readonly upTo: number;
  readonly select: readonly Field[];
}

export interface GraphStandIn {
  /** The base URL to give Kanalkoll as KANALKOLL_GRAPH_URL. */
  readonly url: string;
  /** Every request, with the status it got. */
  readonly requests: { readonly path: string; readonly status: number }[];
  /** Every message sent, with the mailbox it was sent from. */
  readonly mail: { readonly from: string; readonly message: GraphMail }[];
  /** Who has Kanalkoll installed, or blocked by the tenant's app policy. */
  readonly teamsApps: TeamsAppInstalls;
  /** Adds or changes users (a changed manager, department, a disabled account…). */
  upsert(...users: GraphUser[]): void;
  /** Deletes a user: the next delta round reports them removed. */
  remove(id: string): void;
  /**
   * After `after` more requests, the next `count` are answered `status` (429 by default) with
   * Retry-After; with `path`, only requests whose path matches count.
   */
  fail(count: number, options?: { status?: number; retryAfterSeconds?: number; after?: number; path?: RegExp }): void;
  close(): Promise<void>;
}

const link = (base: string, token: 'skiptoken' | 'deltatoken', value: string) => `${base}/v1.0/users/delta?$${token}=${encodeURIComponent(value)}`;

/**
 * A user as Graph's delta query returns them: everyone selected in a first round, only what changed
 * since `since` in a later one ("at least the updated properties"); the manager as `manager@delta`.
 */
function shape(entry: Entry, since: number, select: readonly Field[]): Record<string, unknown> {
  const { user } = entry;
  // Deleted users are soft-deleted first: Graph reports them removed with the reason "changed".
  if (entry.removed) return { id: user.id, '@removed': { reason: 'changed' } };
  const wanted = select.filter((f) => since < 0 || entry.changed[f] > since);
  const shaped: Record<string, unknown> = { id: user.id };
  for (const f of wanted) {
    if (f === 'manager') continue;
    shaped[f] = f === 'accountEnabled' ? (user.accountEnabled ?? true) : (user[f] ?? null);
  }
  if (wanted.includes('manager')) {
    if (user.manager?.id) shaped['manager@delta'] = [{ '@odata.type': '#microsoft.graph.user', id: user.manager.id }];
    else if (since >= 0 && entry.formerManager) shaped['manager@delta'] = [{ '@odata.type': '#microsoft.graph.user', id: entry.formerManager, '@removed': { reason: 'deleted' } }];
  }
  return shaped;
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

export async function startGraph(users: readonly GraphUser[], options: { port?: number; pageSize?: number; teamsApps?: TeamsAppInstalls } = {}): Promise<GraphStandIn> {
  const pageSize = options.pageSize ?? 100;
  const teamsApps = options.teamsApps ?? new TeamsAppInstalls();
  // Tokens of another run of the stand-in (a --persist store from before) are unknown here, as an expired one is to Graph.
  const run = randomUUID().slice(0, 8);
  const entries = new Map<string, Entry>();
  const rounds = new Map<string, Round>();
  let version = 0;
  const upsert = (...changed: GraphUser[]) => {
    for (const user of changed) {
      const before = entries.get(user.id);
      const at = ++version;
      const differs = (f: Field) => !before || before.removed || JSON.stringify(before.user[f] ?? null) !== JSON.stringify(user[f] ?? null);
      const changedAt = Object.fromEntries(fields.map((f) => [f, differs(f) ? at : (before?.changed[f] ?? at)])) as Record<Field, number>;
      const cleared = before && !before.removed && before.user.manager?.id && !user.manager?.id ? before.user.manager.id : undefined;
      const formerManager = cleared ?? (differs('manager') ? undefined : before?.formerManager);
      entries.set(user.id, { user, version: at, changed: changedAt, ...(formerManager ? { formerManager } : {}) });
    }
  };
  upsert(...users);
  const requests: { path: string; status: number }[] = [];
  const mail: { from: string; message: GraphMail }[] = [];
  let failures: { count: number; status: number; retryAfterSeconds: number; after: number; path?: RegExp } = { count: 0, status: 429, retryAfterSeconds: 1, after: 0 };
  let base = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ path: `${url.pathname}${url.search}`, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) => answer(status, { error: { code, message } }, headers);
    const failing = failures.count > 0 && (!failures.path || failures.path.test(url.pathname));
    if (failing && failures.after > 0) failures.after--;
    else if (failing) {
      failures.count--;
      const code = failures.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
      return error(failures.status, code, 'The stand-in was asked to refuse this request.', { 'retry-after': String(failures.retryAfterSeconds) });
    }
    const sendMail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(url.pathname);
    if (req.method === 'POST' && sendMail) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { message } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { message?: GraphMail };
        if (!message?.toRecipients?.length) return error(400, 'ErrorInvalidRecipients', 'At least one recipient is required.');
        mail.push({ from: decodeURIComponent(sendMail[1] ?? ''), message });
        requests.push({ path: url.pathname, status: 202 });
        res.writeHead(202).end();
      });
      return;
    }
    if (/\/teamwork\/installedApps/.test(url.pathname)) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text ? JSON.parse(text) : undefined;
        const known = (id: string) => [...entries.values()].some((e) => !e.removed && e.user.id.toLowerCase() === id.toLowerCase());
        const found = teamsAppsAnswer(teamsApps, known, req.method ?? 'GET', url, body) ?? { status: 404, body: { error: { code: 'NotFound', message: 'Unknown installedApps request.' } } };
        if (found.body === undefined) {
          requests.push({ path: `${url.pathname}${url.search}`, status: found.status });
          res.writeHead(found.status).end();
        } else answer(found.status, found.body);
      });
      return;
    }
    // The settings check's one real call (bot/graph/probe.ts): the first users, as Graph pages them.
    if (req.method === 'GET' && url.pathname === '/v1.0/users') {
      const top = Math.max(1, Number(url.searchParams.get('$top') ?? '100') || 100);
      const present = [...entries.values()].filter((e) => !e.removed).sort((x, y) => x.user.id.localeCompare(y.user.id));
      return answer(200, { '@odata.context': `${base}/v1.0/$metadata#users(id)`, value: present.slice(0, top).map((e) => ({ id: e.user.id })) });
    }
    if (req.method !== 'GET' || url.pathname !== '/v1.0/users/delta') {
      return error(404, 'Request_ResourceNotFound', `The stand-in does not serve ${req.method} ${url.pathname}.`);
    }
    const skip = url.searchParams.get('$skiptoken');
    const delta = url.searchParams.get('$deltatoken');
    const token = skip ?? delta;
    const [tokenRun, first, rest] = token ? token.split('~') : [run, '', ''];
    if (tokenRun !== run) return error(410, 'syncStateNotFound', 'The delta token is not known (expired): start a full round without it.');
    let roundId: string;
    let offset = 0;
    if (skip) {
      roundId = first ?? '';
      offset = Number(rest);
      if (!rounds.has(roundId) || !Number.isInteger(offset)) return error(400, 'BadRequest', 'Unknown skip token.');
    } else {
      // A new round: everyone present (no delta token), or what changed since the token's counter.
      const since = delta ? Number(first) : -1;
      const select = (delta ? (rest ?? '') : (url.searchParams.get('$select') ?? '')).split(',').filter((f): f is Field => (fields as readonly string[]).includes(f));
      const items = [...entries.values()]
        .filter((e) => (since < 0 ? !e.removed : e.version > since))
        .sort((x, y) => x.user.id.localeCompare(y.user.id))
        .map((e) => shape(e, since, select));
      roundId = String(rounds.size + 1);
      rounds.set(roundId, { items, upTo: version, select });
    }
    const round = rounds.get(roundId)!;
    const more = offset + pageSize < round.items.length;
    return answer(200, {
      '@odata.context': `${base}/v1.0/$metadata#users(${['id', ...round.select].join(',')})`,
      value: round.items.slice(offset, offset + pageSize),
      ...(more
        ? { '@odata.nextLink': link(base, 'skiptoken', `${run}~${roundId}~${offset + pageSize}`) }
        : { '@odata.deltaLink': link(base, 'deltatoken', `${run}~${round.upTo}~${round.select.join(',')}`) }),
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    mail,
    teamsApps,
    upsert,
    remove: (id) => {
      const entry = entries.get(id);
      if (entry) entries.set(id, { ...entry, removed: true, version: ++version });
    },
    fail: (count, { status = 429, retryAfterSeconds = 1, after = 0, path } = {}) => {
      failures = { count, status, retryAfterSeconds, after, ...(path ? { path } : {}) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
