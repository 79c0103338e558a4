import { connectTables, type Tables } from '../../bot/store/tables';
import type { DevHost } from './devHost';

// Azurite's well-known development account (dev/azurite.ts); not a secret.
const accountKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * The table storage of a running dev host (its Azurite runs inside it), reached from this process:
 * to seed it through the stores, or to run a timer's work here against the host's data. Read from
 * the line the host prints once it is running.
 */
export function tablesOf(host: DevHost): { tables: Tables; port: number; connectionString: string } {
  const endpoint = /Storage \(Azurite[^)]*\): (http:\/\/[^\s]+\/(devstoreaccount1))/.exec(host.output());
  if (!endpoint?.[1]) throw new Error(`the dev host printed no storage endpoint:\n${host.output()}`);
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${endpoint[2]};AccountKey=${accountKey};TableEndpoint=${endpoint[1]};`;
  return { tables: connectTables(connectionString), port: Number(new URL(endpoint[1]).port), connectionString };
}
