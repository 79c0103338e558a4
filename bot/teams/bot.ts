import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type InvokeResponse,
} from 'botbuilder';
import { z } from 'zod';
import { isVerb, type AdaptiveCard } from '../../cards';
import { StillStarting } from '../errors';
import { localeOf, type Locale } from '../domain/locale';
import type { Conversation } from '../flows/turn';
import { texts } from '../i18n';
import type { ConversationReferences } from '../store/conversations';
import { referencesOf } from './references';
import { tenantOf } from './tenantFilter';
import type { Answer, Routes, Turn } from './routing';

export interface BotDependencies {
  readonly conversations: ConversationReferences;
  readonly clock: () => Date;
  readonly forcedLocale?: Locale;
  readonly routes: Routes;
  /** Whether the directory is in place; before, every turn is answered "Kanalkoll startar" and nothing is stored. */
  readonly directoryInPlace: () => Promise<boolean>;
}

/** The shape of a Universal Action invoke, checked before anything acts on it. */
const universalAction = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().max(100), data: z.unknown().optional() }),
});

const opensBelow = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as { opens?: unknown }).opens === 'below';

/** An answer as a message in the conversation: a card, or one line of text. */
const messageOf = (answer: Answer) => (typeof answer === 'string' ? { text: answer } : { attachments: [CardFactory.adaptiveCard(answer)] });

/**
 * A line of text answering a card action: Teams shows it to the one who pressed, and the card stays
 * as it was for everyone (in a channel, a card answer would replace it for all).
 */
const lineResponse = (text: string): InvokeResponse => ({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } });

/** Teams says on every activity where it happens; no type (a personal chat in the Agents Playground) is a personal chat. */
const conversationOf = (context: TurnContext): Conversation => {
  const { conversationType, isGroup } = context.activity.conversation ?? {};
  return isGroup || (conversationType !== undefined && conversationType !== 'personal') ? 'shared' : 'personal';
};

const cardResponse = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

/** Kanalkoll's Teams bot: remembers who it talks to, then routes text and card actions. */
export class KanalkollBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();

    this.onTurn(async (context, next) => {
      if (!(await deps.directoryInPlace())) throw new StillStarting();
      const { user, chat } = referencesOf(context, deps.clock());
      await Promise.all([user && deps.conversations.rememberUser(user), chat && deps.conversations.rememberChat(chat)]);
      await next();
    });

    this.onMessage(async (context, next) => {
      // A file attached in the personal chat (manifest: supportsFiles) comes as a download link.
      const files = (context.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.teams.file.download.info')
        .map((a) => ({ name: a.name ?? '', ...(a.content as { downloadUrl?: string; fileType?: string }) }));
      if (files.length > 0) {
        await context.sendActivity(messageOf(await deps.routes.files(this.turnOf(context, files))));
        return next();
      }
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
      const route = deps.routes.text.find((r) => r.pattern.test(text));
      // The text goes along as the turn's data: an unplaced question may still be a policy question.
      await context.sendActivity(messageOf(await (route?.handle ?? deps.routes.unknownText)(this.turnOf(context, text))));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      // Welcome once, when the bot itself is added: on install in a personal chat, a chat or a team.
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) {
        await context.sendActivity(messageOf(await deps.routes.unknownText(this.turnOf(context, undefined))));
      }
      await next();
    });
  }

  private turnOf(context: TurnContext, data: unknown): Turn {
    const { from } = context.activity;
    const tenantId = tenantOf(context);
    return {
      locale: localeOf(context.activity.locale, this.deps.forcedLocale),
      userName: from?.name,
      user: from?.aadObjectId ? { aadObjectId: from.aadObjectId, name: from.name ?? '' } : undefined,
      reach: tenantId && context.activity.serviceUrl ? { tenantId, serviceUrl: context.activity.serviceUrl } : undefined,
      conversation: conversationOf(context),
      data,
    };
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'application/search') {
      // A people picker of Kanalkoll's own dataset, as it is typed in: the choices (an unreadable search gets none).
      const results = await this.deps.routes.search(this.turnOf(context, context.activity.value));
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } } };
    }
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = universalAction.safeParse(context.activity.value);
    const verb = parsed.success ? parsed.data.action.verb : undefined;
    const handle = isVerb(verb) ? this.deps.routes.cardActions[verb] : this.deps.routes.unknownCardAction;
    const data = parsed.data?.action.data;
    const pressed = context.activity.replyToId;
    const card = await handle({ ...this.turnOf(context, data), ...(pressed ? { pressed } : {}) });
    // A refusal where others read (a personal button in a channel) is a line for the one who pressed.
    if (typeof card === 'string') return lineResponse(card);
    // A button on a card of several things to do that opens another card (a plan, a form) opens it
    // below, so the card it is on keeps its other sections and buttons.
    if (opensBelow(data)) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      return lineResponse(texts(localeOf(context.activity.locale, this.deps.forcedLocale)).duties.openedBelow);
    }
    const response = cardResponse(card);
    return { status: response.statusCode, body: response };
  }
}

