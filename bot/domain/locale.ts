/** The languages Kanalkoll speaks: Swedish by default, English for an English Teams client. */
export type Locale = 'sv' | 'en';

export const localeOf = (teamsLocale: string | undefined): Locale =>
  teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
