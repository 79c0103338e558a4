import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Nightly (02:30 UTC): personal data that is no public record goes when its time is up (GDPR;
 * KANALKOLL_RETAIN_*_DAYS), except what is under a hold; reports go only under the municipality's
 * gallring decision (KANALKOLL_GALLRING_DECISION, KANALKOLL_GALLRING_DAYS).
 */
export const retentionWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const report = await bot.sweepRetention();
    context.log(`retention: ${JSON.stringify(report)}`);
  };

export const retention = retentionWith(kanalkoll());

app.timer('retention', { schedule: '0 30 2 * * *', runOnStartup: false, handler: retention });
