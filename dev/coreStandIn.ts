import Module from 'node:module';

/**
 * Makes `require('@azure/functions-core')` return the dev host's stand-in (./functionsCore),
 * as the Functions host does with its own. Must run before the first function registers.
 */
export function useCoreStandIn(): void {
  const target = require.resolve('./functionsCore');
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, ...rest) {
    return request === '@azure/functions-core' ? target : resolve.call(this, request, ...rest);
  };
}
