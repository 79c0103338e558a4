import type { PageCollection } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import type { DirectoryUser } from '../domain/directory';
import { graphClient, type GraphConfig } from './client';

/** One round of the users delta query: every user that changed (all of them the first time), and where the next round starts. */
export interface UsersDelta {
  readonly users: readonly DirectoryUser[];
  readonly deltaLink: string;
}

/** Where Kanalkoll learns about the organisation's people (Microsoft Graph; locally the stand-in in dev/graph.ts). */
export interface PeopleSource {
  /**
   * All pages of one delta round, from `deltaLink` or from the start; throws if any page cannot be
   * had, and `DeltaExpired` when Graph no longer knows the link (after about a week unused).
   */
  usersDelta(deltaLink?: string): Promise<UsersDelta>;
}

/** Graph no longer knows the delta link: a full round must start over. */
export class DeltaExpired extends Error {}

/** What the sync asks for: no more than Kanalkoll keeps about a person. */
const select = 'id,displayName,mail,jobTitle,department,accountEnabled,manager';

/** A user as the delta query sends them: properties, `manager@delta` and `@removed`. */
type DeltaUser = User & { readonly 'manager@delta'?: readonly { readonly id?: string; readonly '@removed'?: unknown }[]; readonly '@removed'?: unknown };

function toDirectoryUser(user: DeltaUser): DirectoryUser {
  const managers = user['manager@delta'];
  // The manager now, if any entry is not a removal; only removals: the manager was taken away.
  const manager = managers && (managers.find((m) => !m['@removed']) ?? { '@removed': true });
  return {
    id: user.id ?? '',
    ...('displayName' in user ? { displayName: user.displayName } : {}),
    ...('mail' in user ? { mail: user.mail } : {}),
    ...('jobTitle' in user ? { jobTitle: user.jobTitle } : {}),
    ...('department' in user ? { department: user.department } : {}),
    ...('accountEnabled' in user ? { accountEnabled: user.accountEnabled } : {}),
    ...(manager ? { manager: manager['@removed'] ? null : (manager.id ?? null) } : {}),
    ...(user['@removed'] ? { removed: true } : {}),
  };
}

/**
 * A next or delta link as a path under the client's base URL. Graph's links are absolute; the SDK
 * takes an absolute URL only on https, so a local stand-in's links go the same way as Graph's.
 */
const relative = (link: string) => {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`;
};

/**
 * Microsoft Graph through its SDK: the users delta query, page by page (`@odata.nextLink`), to the
 * delta link of the next round (kept by the caller).
 */
export function connectPeople(graph: GraphConfig): PeopleSource {
  const client = graphClient(graph);
  return {
    usersDelta: async (deltaLink) => {
      const users: DirectoryUser[] = [];
      let page = (await (deltaLink ? client.api(relative(deltaLink)) : client.api('/users/delta').select(select)).get().catch((error: unknown) => {
        const { statusCode, code } = error as { statusCode?: number; code?: string };
        if (deltaLink && (statusCode === 410 || (statusCode === 400 && /syncStateNotFound/i.test(code ?? '')))) throw new DeltaExpired('the users delta link has expired', { cause: error });
        throw error;
      })) as PageCollection;
      for (;;) {
        for (const user of page.value as DeltaUser[]) users.push(toDirectoryUser(user));
        const next = page['@odata.nextLink'];
        if (!next) break;
        page = (await client.api(relative(next)).get()) as PageCollection;
      }
      const next = page['@odata.deltaLink'];
      if (!next) throw new Error('the users delta query ended without a delta link');
      return { users, deltaLink: next };
    },
  };
}
