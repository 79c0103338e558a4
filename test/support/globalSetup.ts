import { startAzurite } from '../../dev/azurite';

/** One in-memory Azurite on free ports for the whole run; workers inherit its connection string. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  process.env.AzureWebJobsStorage = azurite.connectionString;
  (globalThis as { azurite?: typeof azurite }).azurite = azurite;
}
