import type { Log } from './log';
import type { SettingsReport } from './settings';
import type { Tables } from './store/tables';

/** Whether turns can rely on the directory: the first sync stored and followed up, or not yet. */
export type DirectoryState = 'in place' | 'waiting for the first sync';

/**
 * What anyone may read at /api/health: a status, fixed reasons (never an error's own text), and
 * each setting's state (never its value). `starting`: the first directory sync is not done yet;
 * `not ready`: a setting the policy needs is missing in production.
 */
export type Health =
  | { readonly status: 'ok'; readonly settings: SettingsReport; readonly directory: DirectoryState }
  | { readonly status: 'starting' | 'not ready'; readonly reason: string; readonly settings: SettingsReport; readonly directory: DirectoryState }
  | { readonly status: 'unavailable'; readonly reason: string };

export const storageDown: Health = { status: 'unavailable', reason: 'table storage did not answer' };

/**
 * Storage answers: without it the bot can neither read nor record anything. Why it did not (an
 * address, a port, the storage's own message) goes to the log, not to the caller.
 */
export async function checkStorage(tables: Tables, log: Log, timeoutMs = 3000): Promise<boolean> {
  try {
    await tables.ping(timeoutMs);
    return true;
  } catch (error) {
    log.warn('health_storage_unavailable', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** The answer once storage answers: not ready for a setting, starting until the directory is in place, else ok. */
export function healthOf(settings: SettingsReport, directory: DirectoryState, notReady: readonly string[]): Health {
  if (notReady.length > 0) return { status: 'not ready', reason: notReady.join('; '), settings, directory };
  if (directory !== 'in place') return { status: 'starting', reason: 'the first directory sync has not been stored and followed up yet', settings, directory };
  return { status: 'ok', settings, directory };
}
