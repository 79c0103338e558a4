import type { Role } from '../../dev/roles';
import { activityFrom, inConversation, mentioning, post, type SharedConversation } from './activities';
import type { TestConnector } from './connector';

export type Card = Record<string, unknown>;

/** Every Action.Execute on a card, with its verb, title and data. */
export function actionsOf(node: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (typeof node !== 'object' || node === null) return [];
  const here = node as { type?: unknown; verb?: unknown; title?: unknown; data?: unknown };
  const own = here.type === 'Action.Execute' ? [{ verb: String(here.verb), title: String(here.title), data: (here.data ?? {}) as Record<string, unknown> }] : [];
  return [...own, ...Object.values(node).flatMap(actionsOf)];
}

/** The values of a card's inputs by id, as the Teams client would send them untouched. */
export function inputsOf(node: unknown): Record<string, string> {
  if (Array.isArray(node)) return Object.assign({}, ...node.map(inputsOf));
  if (typeof node !== 'object' || node === null) return {};
  const here = node as { type?: unknown; id?: unknown; value?: unknown };
  const own = typeof here.type === 'string' && here.type.startsWith('Input.') && typeof here.id === 'string' ? { [here.id]: String(here.value ?? '') } : {};
  return Object.assign(own, ...Object.values(node).map(inputsOf));
}

export const textOf = (card: Card) => JSON.stringify(card);

/** The links on a card (the record's files, a signed link). */
export const linksOf = (card: Card) => [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);

/**
 * Plays a Teams client for one role against the bot over HTTP: writes messages and presses
 * card buttons (Action.Execute invokes), returning the card the bot answered with. In the role's
 * personal chat with the bot, or, after `in`, in a team's channel or a group chat.
 */
export class TeamsClient {
  constructor(
    private readonly messagesUrl: string,
    private readonly connector: TestConnector,
    readonly role: Role,
    private readonly locale = 'sv-SE',
    /** Waits until what the turn left for later (its effects) is done; the bench and the dev host tests leave that to the host. */
    private readonly settle: () => Promise<unknown> = async () => undefined,
    /** A conversation others read, where this client writes and presses; none: the role's personal chat. */
    private readonly shared?: SharedConversation,
  ) {}

  /** The same person writing and pressing in `conversation` (a team's channel or a group chat with Kanalkoll added). */
  in(conversation: SharedConversation): TeamsClient {
    return new TeamsClient(this.messagesUrl, this.connector, this.role, this.locale, this.settle, conversation);
  }

  /** The conversation this client writes in. */
  get conversationId(): string {
    return this.shared?.id ?? `personal-${this.role}`;
  }

  /** An activity from this role in this client's conversation. */
  private activity(fields: Record<string, unknown>): Record<string, unknown> {
    return activityFrom(this.role, this.connector.serviceUrl, { ...fields, ...(this.shared ? inConversation(this.shared) : {}) });
  }

  /** Writes `text` (where others read, @mentioning the bot, as Teams requires there); the bot's reply in this conversation, a card or a line. */
  async reply(text: string): Promise<Record<string, unknown>> {
    const before = this.connector.sent().length;
    const written = this.shared ? mentioning(text) : { text };
    const response = await post(this.messagesUrl, this.activity({ type: 'message', ...written, locale: this.locale }));
    if (response.status !== 200) throw new Error(`message answered ${response.status}`);
    await this.settle();
    // The reply in this chat: a card from the effects queue may go to someone else at the same time.
    const reply = this.connector.sent().slice(before).find((a) => (a.conversation as { id?: string } | undefined)?.id === this.conversationId);
    if (!reply) throw new Error(`no reply to "${text}"`);
    return reply;
  }

  /** Writes `text`; the card the bot sent back. */
  async say(text: string): Promise<Card> {
    const attachments = (await this.reply(text)).attachments as { content: Card }[] | undefined;
    if (!attachments?.[0]) throw new Error(`no card sent for "${text}"`);
    return attachments[0].content;
  }

  /** Attaches a file in the personal chat, as Teams sends it to a bot with supportsFiles; the card back. */
  async sendFile(name: string, downloadUrl: string, fileType: string): Promise<Card> {
    const before = this.connector.sent().length;
    const attachment = { contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl, uniqueId: name, fileType } };
    const response = await post(this.messagesUrl, this.activity({ type: 'message', locale: this.locale, attachments: [attachment] }));
    if (response.status !== 200) throw new Error(`file answered ${response.status}`);
    await this.settle();
    // The reply in this chat (a card to someone else may go out first).
    const reply = this.connector.sent().slice(before).find((a) => (a.conversation as { id?: string } | undefined)?.id === this.conversationId);
    const card = (reply?.attachments as { content: Card }[] | undefined)?.[0]?.content;
    if (!card) throw new Error(`no card sent for the file ${name}`);
    return card;
  }

  /** Sends a Universal Action as Teams would: the button's data merged with the inputs. */
  async invoke(verb: string, data: Record<string, unknown>): Promise<Card> {
    const body = await this.answer(verb, data);
    if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke ${verb} answered ${JSON.stringify(body)}`);
    return body.value as Card;
  }

  /** What Teams gets back for a card action: a card to show in place, or a message (`type`). */
  async answer(verb: string, data: Record<string, unknown>): Promise<{ type: string; value: unknown }> {
    const response = await post(
      this.messagesUrl,
      this.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: this.locale,
        value: { action: { type: 'Action.Execute', verb, data } },
      }),
    );
    if (response.status !== 200) throw new Error(`invoke ${verb} answered ${response.status}`);
    const body = (await response.json()) as { type: string; value: unknown };
    await this.settle();
    return body;
  }

  /** Types `queryText` in a people picker whose Data.Query names `dataset`, as Teams asks the bot (`application/search`); the choices offered. */
  search(dataset: string, queryText: string): Promise<{ title: string; value: string }[]> {
    return this.searchWith({ kind: 'search', queryText, queryOptions: { skip: 0, top: 15 }, dataset });
  }

  /** A search invoke with `value` as sent (a broken one, too); the choices offered. */
  async searchWith(value: unknown): Promise<{ title: string; value: string }[]> {
    const response = await post(this.messagesUrl, this.activity({ type: 'invoke', name: 'application/search', locale: this.locale, value }));
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    const body = (await response.json()) as { type?: string; value?: { results?: { title: string; value: string }[] } };
    if (body.type !== 'application/vnd.microsoft.search.searchResponse') throw new Error(`search answered ${JSON.stringify(body)}`);
    return body.value?.results ?? [];
  }

  /** Presses the button titled `title` on `card`, after typing `inputs` over what the card shows. */
  press(card: Card, title: string, inputs: Record<string, string> = {}): Promise<Card> {
    const action = actionsOf(card).find((a) => a.title === title);
    if (!action) throw new Error(`no button "${title}" on ${textOf(card).slice(0, 300)}`);
    return this.invoke(action.verb, { ...inputsOf(card), ...inputs, ...action.data });
  }
}
