import { fork } from 'node:child_process';
import { startAzurite, type Azurite, type AzuriteOptions } from './azurite';

/**
 * Azurite in a child process of its own, for measurements. In Azure, storage runs elsewhere; in
 * the same process, Azurite's index upkeep (it re-sorts a collection after writes) blocks the
 * app's event loop for seconds at a time once a table or queue holds thousands of rows, and every
 * timer in the app fires late.
 */
export function startAzuriteProcess(options: AzuriteOptions = {}): Promise<Azurite> {
  const child = fork(__filename, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<Azurite>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Azurite's process ended (${code}) before it started`)));
    child.once('message', (started: Pick<Azurite, 'connectionString' | 'endpoints'>) =>
      resolve({
        ...started,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      }),
    );
  });
}

if (require.main === module) {
  startAzurite(JSON.parse(process.argv[2] ?? '{}') as AzuriteOptions)
    .then((azurite) => {
      process.send?.({ connectionString: azurite.connectionString, endpoints: azurite.endpoints });
      process.once('SIGTERM', () => void azurite.stop().then(() => process.exit(0)));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
