import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll } from '../bot/app';

const bot = kanalkoll();

/**
 * Hourly (UTC), the weekly digest (R16) checks whether it is the first working day of the week in
 * Stockholm and office hours; the first run then sends each reader their digest, later runs nothing.
 */
export async function weeklyDigest(_timer: Timer, context: InvocationContext): Promise<void> {
  const { sent } = await bot.sendDigests();
  if (sent > 0) context.log(`weekly digest: ${sent} sent`);
}

app.timer('weeklyDigest', { schedule: '0 5 * * * *', runOnStartup: false, handler: weeklyDigest });
