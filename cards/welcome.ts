import { expand } from './template';
import type { Verb } from './verbs';
import template from './welcome.json';

export interface WelcomeCardData {
  readonly greeting: string;
  readonly intro: string;
  readonly points: readonly { readonly text: string }[];
  /** A short notice above the footer, e.g. that a part is not ready yet. */
  readonly note?: string;
  readonly footer: string;
  readonly actions: readonly { readonly title: string; readonly verb: Verb }[];
}

export const welcomeCard = (data: WelcomeCardData) => expand(template, data);
