import { DateTime } from 'luxon';
import { systemClock } from '../bot/clock';

/**
 * Moves the running app's clock to `at` (ISO; Stockholm time unless it has an offset), through
 * KANALKOLL_CLOCK_OFFSET_MS, which bot/clock.ts reads on every call. Time keeps running from
 * there. Without `at` the clock stays where it is. Returns the app's time now.
 */
export function moveClock(at?: string): string {
  if (at !== undefined) {
    const target = DateTime.fromISO(at, { zone: 'Europe/Stockholm' });
    if (!target.isValid) throw new Error(`--at ${at} is not a date and time such as 2027-01-04T09:00`);
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(target.toMillis() - Date.now());
  }
  return DateTime.fromJSDate(systemClock()).setZone('Europe/Stockholm').toISO() ?? '';
}
