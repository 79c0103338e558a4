import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Every 30 minutes: the people Kanalkoll needs, from Entra ID through Microsoft Graph (the users
 * delta query: everyone the first time, then only what changed). A run that fails before its last
 * write leaves the delta link where it was, so the next run reads the same changes again (writing a
 * person twice changes nothing). Without KANALKOLL_GRAPH_URL it does nothing.
 */
export const directorySyncWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const report = await bot.syncDirectory();
    context.log(report ? `directory sync (${report.full ? 'everyone' : 'changes'}): ${report.changed} changed, ${report.leavers} disabled or gone` : 'directory sync off: KANALKOLL_GRAPH_URL is not set');
  };

export const directorySync = directorySyncWith(kanalkoll());

app.timer('directorySync', { schedule: '0 */30 * * * *', runOnStartup: false, handler: directorySync });
