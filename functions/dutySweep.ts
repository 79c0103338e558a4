import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Every 15 minutes (UTC: Flex Consumption on Linux ignores WEBSITE_TIME_ZONE), the nudges that
 * fell due go on the `nudges` queue. Office hours and Swedish working days are decided in code
 * (bot/domain/calendar.ts), so most runs find nothing. A run that is late (`isPastDue`) still
 * covers everything since the last one.
 */
export const dutySweepWith =
  (bot: Kanalkoll) =>
  async (timer: Timer, context: InvocationContext): Promise<void> => {
    const report = await bot.sweepDuties({ isPastDue: timer.isPastDue });
    context.log(`duty sweep at ${report.at}: ${report.due} due, ${report.enqueued} nudges queued`);
  };

export const dutySweep = dutySweepWith(kanalkoll());

app.timer('dutySweep', { schedule: '0 */15 * * * *', runOnStartup: false, handler: dutySweep });
