import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Every morning (05:00 UTC), the overview's figures (R16): each department's figures of the week and
 * its overdue duties, kept as small rows that overviews and the weekly digest read.
 */
export const countFiguresWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const { departments } = await bot.countFigures();
    context.log(departments > 0 ? `figures counted for ${departments} departments` : 'figures counted today already');
  };

export const countFigures = countFiguresWith(kanalkoll());

app.timer('countFigures', { schedule: '0 0 5 * * *', runOnStartup: false, handler: countFigures });
