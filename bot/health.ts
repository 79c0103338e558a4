import type { Log } from './log';
import type { Tables } from './store/tables';

/** What anyone may read at /api/health: a status and a fixed reason, never an error's own text. */
export type Health = { readonly status: 'ok' } | { readonly status: 'unavailable'; readonly reason: string };

/**
 * Healthy means storage answers: without it the bot can neither read nor record anything. Why it
 * did not (an address, a port, the storage's own message) goes to the log, not to the caller.
 */
export async function checkHealth(tables: Tables, log: Log, timeoutMs = 3000): Promise<Health> {
  try {
    await tables.ping(timeoutMs);
    return { status: 'ok' };
  } catch (error) {
    log.warn('health_storage_unavailable', { error: error instanceof Error ? error.message : String(error) });
    return { status: 'unavailable', reason: 'table storage did not answer' };
  }
}
