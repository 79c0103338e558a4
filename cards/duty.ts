import type { Choice } from './plan';
import template from './duty.json';
import { expand } from './template';
import type { Verb } from './verbs';

/** A nudge about a duty (DESIGN.md, "Duties and nudges"): what is due, and what is overdue for an escalation. */
export interface DutyCardData {
  readonly heading: string;
  readonly title: string;
  readonly paragraphs: readonly { readonly text: string }[];
  readonly facts: readonly Choice[];
  readonly itemsTitle: string;
  readonly items: readonly { readonly text: string }[];
  readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
}

export const dutyCard = (data: DutyCardData) => expand(template, data);
