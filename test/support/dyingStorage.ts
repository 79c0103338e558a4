import { tableNames, type TableName, type Tables } from '../../bot/store/tables';

/** The process stopping, as the storage client meets it. */
export class Crash extends Error {}

/** The crash, as it reaches the app: storage's client reports a call that got no answer as StorageUnavailable. */
export const isCrash = (error: unknown): boolean => error instanceof Crash || (error instanceof Error && error.cause instanceof Crash);

/** Which request the process stops right after, once armed: that request is stored, nothing after it is. */
export type DiesAfter = (request: { readonly method: string; readonly url: string }, response: { readonly status: number }, table: TableName) => boolean;

/**
 * Storage that dies right after the request `diesAfter` names, once armed (at once unless `armed` is
 * false): every table call after it throws, as in a process that is gone. The real Azurite behind it
 * stores what came before, so a test sees what a crash at that point leaves.
 */
export function dyingTables(tables: Tables, diesAfter: DiesAfter, { armed = true }: { armed?: boolean } = {}): { arm: () => void; died: () => boolean } {
  let live = armed;
  let dead = false;
  for (const name of tableNames) {
    tables.client(name).pipeline.addPolicy({
      name: 'dieAfter',
      sendRequest: async (request, next) => {
        if (dead) throw new Crash('the process is gone');
        const response = await next(request);
        if (live && diesAfter(request, response, name)) {
          dead = true;
          throw new Crash('the process is gone');
        }
        return response;
      },
    });
  }
  return { arm: () => (live = true), died: () => dead };
}

/** Dies right after the `n`th transaction (`$batch`) on `table`. */
export function afterBatches(table: TableName, n: number): DiesAfter {
  let batches = 0;
  return (request, response, name) => name === table && request.url.includes('$batch') && response.status === 202 && ++batches === n;
}
