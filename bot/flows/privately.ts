import { texts } from '../i18n';
import type { Messenger } from './messenger';
import type { CardHandler, CardTurn } from './turn';

/**
 * A personal command written in a group chat or a team's channel: its card goes to the person's own
 * chat with Kanalkoll (created if need be, as bot/notify reaches people), and the conversation it was
 * written in gets one line saying so, with nothing about the person. Should Teams not let the bot
 * reach them (no chat with the bot and no team with it in common), the line says where to ask instead.
 */
export async function answerPrivately(deps: { readonly messenger: Pick<Messenger, 'sendCard'> }, handle: CardHandler, turn: CardTurn): Promise<string> {
  const t = texts(turn.locale).personalChat;
  const delivery = await deps.messenger.sendCard(turn.reach, turn.user.aadObjectId, await handle(turn));
  return delivery.ok ? t.sent : t.only;
}
