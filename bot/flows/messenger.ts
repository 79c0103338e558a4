import type { AdaptiveCard } from '../../cards';
import type { SentCard } from '../store/assignments';
import type { ConversationReferences, Reach } from '../store/conversations';
import { localeOf, type Locale } from '../domain/locale';

/**
 * How a send ended. A failure says what to do next: `retry` (throttled, a server error or no
 * answer; after `retryAfterMs` if Teams said so), `unreachable` (403 blocked or not installed,
 * 404 conversation gone, or Graph refused to install the app for them: trying again will not help)
 * or `failed` (anything else).
 */
export type Delivery =
  | { readonly ok: true; readonly sent: SentCard }
  | { readonly ok: false; readonly reason: 'retry' | 'unreachable' | 'failed'; readonly status?: number; readonly retryAfterMs?: number; readonly detail: string };

/** Sends and updates cards outside a user's turn (bot/notify implements it). */
export interface Messenger {
  sendCard(reach: Reach, aadObjectId: string, card: AdaptiveCard | string): Promise<Delivery>;
  /** Replaces a card sent earlier: `updated`, `retry` (throttled, a server error, no answer) or `gone` (the message or chat is no more, or Teams refuses). */
  updateCard(tenantId: string, copy: SentCard, card: AdaptiveCard): Promise<'updated' | 'retry' | 'gone'>;
}

/** The language someone's chat with the bot has (or the one forced for everyone): for what is sent to them outside their turn. */
export async function localeOfPerson(deps: { readonly conversations: Pick<ConversationReferences, 'user'>; readonly forcedLocale?: Locale }, tenantId: string, aadObjectId: string): Promise<Locale> {
  return localeOf((await deps.conversations.user(tenantId, aadObjectId))?.locale, deps.forcedLocale);
}
