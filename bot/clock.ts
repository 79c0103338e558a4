/**
 * The time Kanalkoll runs on: the system clock. Only the dev host moves it (`npm run tick`) by
 * setting KANALKOLL_CLOCK_OFFSET_MS, read on every call so a running app follows at once; never
 * set it in Azure.
 */
export const clockOffsetMs = (): number => Number(process.env.KANALKOLL_CLOCK_OFFSET_MS ?? 0) || 0;

export const systemClock = (): Date => new Date(Date.now() + clockOffsetMs());
