import { app, type InvocationContext, type Timer } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * Hourly (UTC), in office hours: criticism that has waited 2 working days for the registrar's diary
 * number (R13) goes to the registrar again, and again 2 working days later.
 */
export const registrarRemindersWith =
  (bot: Kanalkoll) =>
  async (_timer: Timer, context: InvocationContext): Promise<void> => {
    const { reminded } = await bot.remindRegistrar();
    if (reminded > 0) context.log(`registrar reminders: ${reminded} sent`);
  };

export const registrarReminders = registrarRemindersWith(kanalkoll());

app.timer('registrarReminders', { schedule: '0 20 * * * *', runOnStartup: false, handler: registrarReminders });
