import { botId } from './roles';

/** The catalog id the stand-ins know Kanalkoll by, unless a test gives another. */
export const standInCatalogId = 'b7f3c1d2-4e5a-4b6c-8d7e-9f0a1b2c3d4e';

/**
 * Who has Kanalkoll installed in their personal scope, as Teams knows it: the Graph stand-in
 * installs it (`POST /users/{id}/teamwork/installedApps`) and the test connector reaches only
 * people who have it. Not a fake of Kanalkoll: it is the tenant's state, which Kanalkoll asks about.
 */
export class TeamsAppInstalls {
  private readonly installed = new Set<string>();
  private readonly blocked = new Set<string>();

  constructor(
    /** Kanalkoll's id in the tenant's app catalog. */
    readonly catalogId: string = standInCatalogId,
    private readonly bot: string = botId,
  ) {}

  /** Whether the app is installed for the person (their AAD object id). */
  has(userId: string): boolean {
    return this.installed.has(userId.toLowerCase());
  }

  /** Whether the tenant's app policy keeps the app from the person. */
  isBlocked(userId: string): boolean {
    return this.blocked.has(userId.toLowerCase());
  }

  /** Installs the app for people (as a setup policy, or they themselves, would). */
  install(...userIds: string[]): void {
    for (const id of userIds) this.installed.add(id.toLowerCase());
  }

  uninstall(...userIds: string[]): void {
    for (const id of userIds) this.installed.delete(id.toLowerCase());
  }

  /** The tenant's app policy keeps the app from these people: installing it for them is refused. */
  block(...userIds: string[]): void {
    for (const id of userIds) {
      this.blocked.add(id.toLowerCase());
      this.installed.delete(id.toLowerCase());
    }
  }

  /** The installation's id, as Graph makes it (base64 of the user and the app). */
  installationOf(userId: string): string {
    return Buffer.from(`${userId.toLowerCase()}##${this.catalogId}`).toString('base64');
  }

  /** The person's one-on-one chat with the app, in Graph's form. */
  chatOf(userId: string): string {
    return `19:${this.bot}_${userId.toLowerCase()}@unq.gbl.spaces`;
  }

  /** Whose chat with the app `chatId` is, if it is one. */
  userOfChat(chatId: string): string | undefined {
    const match = /^19:([^_]+)_([^@]+)@unq\.gbl\.spaces$/.exec(chatId);
    return match?.[1] === this.bot ? match[2] : undefined;
  }
}

export interface GraphAnswer {
  readonly status: number;
  readonly body?: unknown;
}

const error = (status: number, code: string, message: string): GraphAnswer => ({ status, body: { error: { code, message } } });

/**
 * Graph's proactive-installation endpoints for a user's personal scope, in Graph's shapes: install
 * (201 without a body; 409 already installed; 403 blocked by the app policy; 404 an app not in the
 * catalog), the installations filtered by `teamsAppDefinition/teamsAppId`, and an installation's chat
 * (`{ id }`). Undefined: not one of these requests.
 */
export function teamsAppsAnswer(installs: TeamsAppInstalls, knows: (userId: string) => boolean, method: string, url: URL, body: unknown): GraphAnswer | undefined {
  const path = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(url.pathname);
  if (!path) return undefined;
  const user = decodeURIComponent(path[1] ?? '');
  if (!knows(user)) return error(404, 'Request_ResourceNotFound', `Resource '${user}' does not exist.`);
  if (method === 'POST' && !path[2]) {
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    if (typeof bind !== 'string') return error(400, 'BadRequest', 'teamsApp@odata.bind is required.');
    if (!bind.endsWith(`/appCatalogs/teamsApps/${installs.catalogId}`)) return error(404, 'NotFound', 'The app is not in the catalog.');
    if (installs.isBlocked(user)) return error(403, 'Forbidden', 'The app is blocked by the app permission policy.');
    if (installs.has(user)) return error(409, 'Conflict', 'The app is already installed for the user.');
    installs.install(user);
    return { status: 201 };
  }
  if (method !== 'GET') return error(405, 'MethodNotAllowed', `${method} is not served here.`);
  if (path[2]) {
    if (decodeURIComponent(path[2]) !== installs.installationOf(user) || !installs.has(user)) return error(404, 'NotFound', 'No such installation.');
    return { status: 200, body: { '@odata.context': `${url.origin}/v1.0/$metadata#chats/$entity`, id: installs.chatOf(user) } };
  }
  const filter = url.searchParams.get('$filter');
  const wanted = filter === null ? undefined : /^teamsAppDefinition\/teamsAppId eq '([^']*)'$/.exec(filter)?.[1];
  if (filter && wanted === undefined) return error(400, 'BadRequest', `The stand-in does not filter by ${filter}.`);
  const mine = installs.has(user) && (wanted === undefined || wanted === installs.catalogId);
  const definition = url.searchParams.get('$expand') === 'teamsAppDefinition' ? { teamsAppDefinition: { id: Buffer.from(`${installs.catalogId}##1.0.0`).toString('base64'), teamsAppId: installs.catalogId, displayName: 'Kanalkoll', version: '1.0.0' } } : {};
  return { status: 200, body: { '@odata.context': `${url.origin}/v1.0/$metadata#users('${user}')/teamwork/installedApps`, value: mine ? [{ id: installs.installationOf(user), ...definition }] : [] } };
}
