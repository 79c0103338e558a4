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
  /** What happened when a task on the card was done, or what to fix. */
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention' | 'default';
  /** A line to fill in (the archive's reference), with what was typed and any error. */
  readonly field?: { readonly id: string; readonly label: string; readonly value: string; readonly error?: string };
  /** A date to pick (pause until), with any error. */
  readonly date?: { readonly id: string; readonly label: string; readonly value: string; readonly error?: string };
}

export const dutyCard = (data: DutyCardData) => expand(template, data);
