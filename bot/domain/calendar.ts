import { DateTime } from 'luxon';

/**
 * Working days and office hours in Botkyrka: Europe/Stockholm time, Swedish public holidays, and the
 * eves that are days off (midsommarafton, julafton, nyårsafton). Nudges go out only in office
 * hours on working days. Pure: every function takes the instant it works from.
 */
export const zone = 'Europe/Stockholm';

/** The Swedish calendar date of an instant (ISO), as cards and the register show it. */
export const localDate = (iso: string): string => DateTime.fromISO(iso).setZone(zone).toISODate() ?? iso.slice(0, 10);

/** A date in words, as a card says it: "2 december 2026" (Swedish), "2 December 2026" (English). */
export const longDate = (iso: string, locale: 'sv' | 'en'): string => DateTime.fromISO(iso, { zone }).setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB').toLocaleString(DateTime.DATE_FULL);

/** The start of a local day (YYYY-MM-DD) in Stockholm, as an instant. */
export const localDayStart = (isoDate: string): string => DateTime.fromISO(isoDate, { zone }).toISO() ?? isoDate;

/** The Swedish date and time of an instant, to the minute. */
export const localStamp = (iso: string): string => DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
export const officeHours = { start: 8, end: 17 } as const;

/** Easter Sunday of `year` (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone });
}

/** The first `weekday` (1 = Monday … 7 = Sunday) on or after month/day of `year`. */
const firstWeekdayFrom = (year: number, month: number, day: number, weekday: number): DateTime => {
  const from = DateTime.fromObject({ year, month, day }, { zone });
  return from.plus({ days: (weekday - from.weekday + 7) % 7 });
};

const daysOffByYear = new Map<number, ReadonlyMap<string, string>>();

/** Every day off of `year` that is not a weekend by itself, by ISO date, with its Swedish name. */
export function daysOff(year: number): ReadonlyMap<string, string> {
  // Asked for on every nudge's every candidate day: computed once per year.
  let days = daysOffByYear.get(year);
  if (!days) daysOffByYear.set(year, (days = computeDaysOff(year)));
  return days;
}

function computeDaysOff(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayFrom(year, 6, 20, 6);
  const days: [DateTime, string][] = [
    [DateTime.fromObject({ year, month: 1, day: 1 }, { zone }), 'Nyårsdagen'],
    [DateTime.fromObject({ year, month: 1, day: 6 }, { zone }), 'Trettondedag jul'],
    [easter.minus({ days: 2 }), 'Långfredagen'],
    [easter, 'Påskdagen'],
    [easter.plus({ days: 1 }), 'Annandag påsk'],
    [DateTime.fromObject({ year, month: 5, day: 1 }, { zone }), 'Första maj'],
    [easter.plus({ days: 39 }), 'Kristi himmelsfärdsdag'],
    [easter.plus({ days: 49 }), 'Pingstdagen'],
    [DateTime.fromObject({ year, month: 6, day: 6 }, { zone }), 'Sveriges nationaldag'],
    [midsummerDay.minus({ days: 1 }), 'Midsommarafton'],
    [midsummerDay, 'Midsommardagen'],
    [firstWeekdayFrom(year, 10, 31, 6), 'Alla helgons dag'],
    [DateTime.fromObject({ year, month: 12, day: 24 }, { zone }), 'Julafton'],
    [DateTime.fromObject({ year, month: 12, day: 25 }, { zone }), 'Juldagen'],
    [DateTime.fromObject({ year, month: 12, day: 26 }, { zone }), 'Annandag jul'],
    [DateTime.fromObject({ year, month: 12, day: 31 }, { zone }), 'Nyårsafton'],
  ];
  return new Map(days.map(([date, name]) => [date.toISODate() ?? '', name]));
}

/** Monday to Friday, and not a holiday or an eve that is a day off, in Stockholm. */
export function isWorkingDay(instant: DateTime): boolean {
  const local = instant.setZone(zone);
  return local.weekday <= 5 && !daysOff(local.year).has(local.toISODate() ?? '');
}

/** The first moment at or after `instant` that is in office hours on a working day. */
export function nextOfficeMoment(instant: DateTime): DateTime {
  let local = instant.setZone(zone);
  if (isWorkingDay(local) && local.hour >= officeHours.start && local.hour < officeHours.end) return local;
  if (!(isWorkingDay(local) && local.hour < officeHours.start)) local = local.plus({ days: 1 });
  local = local.set({ hour: officeHours.start, minute: 0, second: 0, millisecond: 0 });
  while (!isWorkingDay(local)) local = local.plus({ days: 1 });
  return local;
}

/** `days` working days after `instant`'s day, at the same local time (R1: a plan waiting 2 and 5 working days). */
export function addWorkingDays(instant: DateTime, days: number): DateTime {
  let local = instant.setZone(zone);
  for (let left = days; left > 0; ) {
    local = local.plus({ days: 1 });
    if (isWorkingDay(local)) left--;
  }
  return local;
}
