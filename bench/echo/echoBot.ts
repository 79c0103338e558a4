import { TableClient, TableServiceClient } from '@azure/data-tables';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';

/**
 * The floor of `npm run bench`'s turn and cold-start figures: the least a botbuilder bot on Azure
 * Functions does per turn, the way Kanalkoll does it. Every turn stores its conversation reference
 * in a table (as Kanalkoll remembers whom it talks to); a message is answered with its own text
 * through the connector, a card button (adaptiveCard/action) with a small card in the invoke response.
 */
const storage = process.env.AzureWebJobsStorage ?? '';
// Azurite speaks plain http.
const tableOptions = { allowInsecureConnection: true };
const references = TableClient.fromConnectionString(storage, 'echoreferences', tableOptions);
export const tableService = TableServiceClient.fromConnectionString(storage, tableOptions);
let created: Promise<void> | undefined;

async function remember(context: TurnContext): Promise<void> {
  created ??= references.createTable();
  await created;
  const { activity } = context;
  await references.upsertEntity(
    {
      partitionKey: encodeURIComponent(activity.conversation.tenantId ?? 'none'),
      rowKey: encodeURIComponent(activity.from.aadObjectId ?? activity.from.id),
      reference: JSON.stringify(TurnContext.getConversationReference(activity)),
    },
    'Replace',
  );
}

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onTurn(async (context, next) => {
      await remember(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(_context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `Pressed ${invoke.action.verb}`, wrap: true }],
      actions: [{ type: 'Action.Execute', title: 'Again', verb: invoke.action.verb, data: invoke.action.data }],
    };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

// No MicrosoftAppId: unauthenticated, as Kanalkoll runs locally.
export const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
export const echoBot = new EchoBot();
