/** The languages Kanalkoll speaks: Swedish by default, English for an English Teams client. */
export type Locale = 'sv' | 'en';

/** The language to answer in: `forced` when configured, else the client's. */
export const localeOf = (teamsLocale: string | undefined, forced?: Locale): Locale =>
  forced ?? (teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'sv');
