import type { Config } from '../config';

/**
 * The most an activity may weigh. Teams' own are far smaller (a message with its cards stays under
 * about 100 KB); a card submission with a 100,000-character field still fits.
 */
export const maxActivityBytes = 256 * 1024;

export interface Refusal {
  readonly status: 401 | 413;
  readonly error: string;
}

export const tooLarge: Refusal = { status: 413, error: `An activity may be at most ${maxActivityBytes / 1024} KB.` };

/**
 * Why the messaging endpoint serves nobody, when it does not: in Azure without a bot identity
 * no token could be checked, so every request is refused rather than served unauthenticated.
 */
export const unservedReason = (config: Pick<Config, 'bot' | 'hosting'>): string | undefined =>
  config.bot.kind === 'unauthenticated' && config.hosting === 'azure'
    ? 'MicrosoftAppId is not set: without a bot identity /api/messages refuses every request in Azure'
    : undefined;

/**
 * What the messaging endpoint refuses from the headers alone, before it reads or parses the body
 * and before the adapter: no bearer token where tokens are checked, or a declared body too large.
 * The adapter still validates the token itself.
 */
export function refusedByHeaders(config: Pick<Config, 'bot' | 'hosting'>, authorization: string | null, contentLength: string | null): Refusal | undefined {
  if (unservedReason(config)) return { status: 401, error: 'This bot has no identity configured and serves no requests.' };
  if (config.bot.kind !== 'unauthenticated' && !/^Bearer\s+\S+$/i.test(authorization?.trim() ?? '')) {
    return { status: 401, error: 'A Bot Framework token (Authorization: Bearer) is required.' };
  }
  if (contentLength !== null && Number(contentLength) > maxActivityBytes) return tooLarge;
  return undefined;
}

/**
 * The body, read only as far as `max` bytes: undefined once it is longer (a body sent without a
 * length, or with a false one, is cut off there and never held whole).
 */
export async function readWithin(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}

/** The body as a JSON object, or undefined: not JSON, or JSON that is no object. */
export function activityIn(bytes: Uint8Array): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
