import path from 'node:path';
import type * as FunctionHost from '../../dev/functionHost';

const root = path.resolve(__dirname, '..', '..');

/**
 * Serves the function app's own registrations (package.json `main`, from source) on a free
 * port, as `npm start` does. Each call loads a fresh copy of the app in its own module registry,
 * with `env` applied while the app builds itself from configuration.
 */
export async function startFunctionApp(
  env: Record<string, string | undefined> = {},
): Promise<FunctionHost.FunctionServer & { readonly registrations: readonly FunctionHost.Registration[] }> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    let host: typeof FunctionHost | undefined;
    let registrations: readonly FunctionHost.Registration[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      host = require('../../dev/functionHost') as typeof FunctionHost;
      registrations = host.loadFunctions(host.functionEntryFiles(root, { source: true }));
    });
    return { ...(await host!.serveHttp(registrations, 0)), registrations };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
