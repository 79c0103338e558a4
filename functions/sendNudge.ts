import { app, type InvocationContext } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';
import { parseNudgeMessage } from '../bot/flows/duties/message';

/**
 * Sends one person's card of nudges from the `nudges` queue. Retries and dead letters are the sender's own
 * (bot/flows/duties/deliver.ts); an exception (storage down) leaves the message to the host,
 * which tries it again and, after `maxDequeueCount`, moves it to `nudges-poison`.
 */
export const sendNudgeWith =
  (bot: Kanalkoll) =>
  async (message: unknown, context: InvocationContext): Promise<void> => {
    const parsed = parseNudgeMessage(message);
    if (!parsed.ok) {
      // Not ours or damaged: fail it, so the host keeps it in the poison queue for a person to read.
      throw new Error(`Not a nudge message: ${parsed.problem}`);
    }
    await bot.deliverNudge(parsed.message);
    context.log(`${parsed.message.nudges.length} nudge(s) for one person handled`);
  };

export const sendNudge = sendNudgeWith(kanalkoll());

app.storageQueue('sendNudge', { queueName: 'nudges', connection: 'AzureWebJobsStorage', handler: sendNudge });
