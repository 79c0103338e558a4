import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * How Kanalkoll signs in to Azure (storage, Microsoft Graph): as the function app's user-assigned
 * managed identity when its client id is set (AzureWebJobsStorage__clientId), otherwise whatever
 * DefaultAzureCredential finds (a developer's az login).
 */
export const azureCredential = (clientId: string | undefined): TokenCredential =>
  clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
