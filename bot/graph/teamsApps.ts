import { graphClient, graphHost, type GraphConfig } from './client';

/** How asking Graph for someone's chat with the app ended: the chat, or Graph's refusal for good. */
export type AppChat = { readonly ok: true; readonly chatId: string } | { readonly ok: false; readonly status: number; readonly detail: string };

/**
 * Installs Kanalkoll for a person (proactive installation), so the bot has a chat with someone who
 * never opened it. Other failures (throttled past the SDK's retries, 5xx, no answer) are thrown.
 */
export interface AppInstaller {
  chatWith(aadObjectId: string): Promise<AppChat>;
}

/** The status and Graph's error text of a failed SDK call. */
const failureOf = (error: unknown) => {
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  return { status: typeof e.statusCode === 'number' ? e.statusCode : undefined, detail: `${String(e.code ?? '')} ${String(e.message ?? '')}`.trim() };
};

interface Installation {
  readonly id: string;
}

/**
 * Microsoft Graph's proactive installation in a user's personal scope (application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All): install the app from the tenant's catalog
 * (`catalogId`: its id in the catalog, not the manifest's), find the installation, read its chat.
 * 409: it was installed already, so the chat is read. 403 (the tenant's app policy blocks it, or the
 * permission is missing) and 404 (no such user, or no Teams) are answered as they are: trying again will not help.
 */
export function connectTeamsApps(graph: GraphConfig, catalogId: string): AppInstaller {
  const client = graphClient(graph);
  const app = `https://${graphHost}/v1.0/appCatalogs/teamsApps/${catalogId}`;
  return {
    chatWith: async (aadObjectId) => {
      const installedApps = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
      const refused = (error: unknown): AppChat => {
        const { status, detail } = failureOf(error);
        if (status === 403 || status === 404) return { ok: false, status, detail };
        throw error;
      };
      try {
        await client.api(installedApps).post({ 'teamsApp@odata.bind': app });
      } catch (error) {
        if (failureOf(error).status !== 409) return refused(error);
      }
      try {
        const found = (await client.api(installedApps).expand('teamsAppDefinition').filter(`teamsAppDefinition/teamsAppId eq '${catalogId}'`).get()) as { value?: readonly Installation[] };
        const installation = found.value?.[0];
        if (!installation) throw new Error(`Graph lists no installation of ${catalogId} for ${aadObjectId} after installing it`);
        const chat = (await client.api(`${installedApps}/${encodeURIComponent(installation.id)}/chat`).get()) as { id?: string };
        if (!chat.id) throw new Error(`Graph gave no chat for the installation of ${catalogId} for ${aadObjectId}`);
        return { ok: true, chatId: chat.id };
      } catch (error) {
        return refused(error);
      }
    },
  };
}
