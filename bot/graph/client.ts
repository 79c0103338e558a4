import { Client, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { azureCredential } from '../identity';

export const graphHost = 'graph.microsoft.com';

export interface GraphConfig {
  readonly baseUrl: string;
  readonly clientId?: string;
}

/**
 * A Graph SDK client: on Microsoft Graph the function app's managed identity signs in (its app
 * roles: User.Read.All, Mail.Send if the registry gets mail, TeamsAppInstallation.ReadWriteSelfForUser.All
 * to install the app for people); a local stand-in gets no token.
 * The SDK's retry handler honours 429, 503 and 504 with Retry-After.
 */
export function graphClient(graph: GraphConfig): Client {
  const onGraph = new URL(graph.baseUrl).hostname === graphHost;
  const authProvider: AuthenticationProvider = onGraph
    ? new TokenCredentialAuthenticationProvider(azureCredential(graph.clientId), {
        scopes: [`https://${graphHost}/.default`],
      })
    : { getAccessToken: async () => '' };
  return Client.initWithMiddleware({ authProvider, baseUrl: `${graph.baseUrl}/`, defaultVersion: 'v1.0' });
}
