import { app, type InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { kanalkoll, type Kanalkoll } from '../bot/app';

const effectsMessage = z.object({ assignmentId: z.string().min(1).max(200) });

/**
 * Carries out what waits in one assignment's outbox (register, duty schedule, person index, cards),
 * from the `effects` queue. Work left (a card Teams asked to retry, storage away) fails the message,
 * so the host tries it again and, after `maxDequeueCount`, keeps it in `effects-poison`; the
 * outbox row itself stays until done, and the sweep (effectsSweep) queues it again.
 */
export const runEffectsWith =
  (bot: Kanalkoll) =>
  async (message: unknown, context: InvocationContext): Promise<void> => {
    const parsed = effectsMessage.safeParse(message);
    if (!parsed.success) throw new Error(`Not an effects message: ${parsed.error.message}`);
    const { left } = await bot.runEffects(parsed.data.assignmentId);
    if (left > 0) throw new Error(`${left} effect(s) of ${parsed.data.assignmentId} left for a later try`);
    context.log(`effects of ${parsed.data.assignmentId} done`);
  };

export const runEffects = runEffectsWith(kanalkoll());

app.storageQueue('runEffects', { queueName: 'effects', connection: 'AzureWebJobsStorage', handler: runEffects });
