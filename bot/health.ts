import type { Tables } from './store/tables';

export type Health = { readonly status: 'ok' } | { readonly status: 'unavailable'; readonly reason: string };

/** Healthy means storage answers: without it the bot can neither read nor record anything. */
export async function checkHealth(tables: Tables, timeoutMs = 3000): Promise<Health> {
  try {
    await tables.ping(timeoutMs);
    return { status: 'ok' };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'unavailable', reason: `table storage did not answer: ${detail}` };
  }
}
