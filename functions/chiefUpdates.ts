import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Hourly (UTC), the chiefs' monthly note (R16): from the first working morning of a month, each chief
 * whose department had criticism or negative material reported in the month before hears how much,
 * once; later runs send nothing.
 */
export const chiefUpdatesWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const { sent } = await bot.sendChiefUpdates();
    if (sent > 0) context.log(`chief updates: ${sent} sent`);
  };

export const chiefUpdates = chiefUpdatesWith(kanalkoll());

app.timer('chiefUpdates', { schedule: '0 10 * * * *', runOnStartup: false, handler: chiefUpdates });
