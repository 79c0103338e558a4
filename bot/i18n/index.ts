import type { Locale } from '../domain/locale';
import { en } from './en';
import { sv, type Texts } from './sv';

export type { Texts };

const byLocale: Record<Locale, Texts> = { sv, en };

export const texts = (locale: Locale): Texts => byLocale[locale];
