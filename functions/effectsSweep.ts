import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Every 5 minutes: an assignment whose outbox nobody finished (the process stopped after a change
 * was stored, or an effect kept failing) goes on the `effects` queue again. Markers make this a read
 * of one partition, never a scan of the assignments.
 */
export const effectsSweepWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const { queued } = await bot.sweepEffects();
    context.log(`effects sweep: ${queued} outbox(es) queued`);
  };

export const effectsSweep = effectsSweepWith(kanalkoll());

app.timer('effectsSweep', { schedule: '0 */5 * * * *', runOnStartup: false, handler: effectsSweep });
