import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Hourly (UTC), the weekly digest (R16) checks whether it is the first working day of the week in
 * Stockholm and office hours; the first run then sends each reader their digest, later runs nothing.
 */
export const weeklyDigestWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const { sent } = await bot.sendDigests();
    if (sent > 0) context.log(`weekly digest: ${sent} sent`);
  };

export const weeklyDigest = weeklyDigestWith(kanalkoll());

app.timer('weeklyDigest', { schedule: '0 5 * * * *', runOnStartup: false, handler: weeklyDigest });
