import type { AdaptiveCard, Verb } from '../../cards';
import type { Locale } from '../domain/locale';
import { welcome } from '../flows/welcome';

/** Who pressed or wrote, in what language: what every handler gets. */
export interface Turn {
  readonly locale: Locale;
  readonly userName?: string;
}

export type Handler = (turn: Turn) => Promise<AdaptiveCard> | AdaptiveCard;

/**
 * Text commands, tried in order; the first whose pattern matches handles the message.
 * Anything else gets the welcome card, which shows what the bot can do.
 */
export const textRoutes: readonly { readonly pattern: RegExp; readonly handle: Handler }[] = [
  { pattern: /^(hej|hejsan|hallå|hi|hello|hjälp|help|start|meny|menu)\b/i, handle: (t) => welcome(t.locale, t.userName) },
];

export const unknownText: Handler = (t) => welcome(t.locale, t.userName);

const comingSoon: Handler = (t) => welcome(t.locale, t.userName, 'comingSoon');

/** One handler per card verb. TypeScript insists every verb has one. */
export const cardActions: Record<Verb, Handler> = {
  'plan.start': comingSoon,
  'plan.mine': comingSoon,
  'register.show': comingSoon,
  'help.topics': comingSoon,
  'report.menu': comingSoon,
};

export const unknownCardAction: Handler = (t) => welcome(t.locale, t.userName, 'unknownAction');
