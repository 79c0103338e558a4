import { Template } from 'adaptivecards-templating';
import { withPlainTexts } from './plainText';

/** An Adaptive Card as JSON, ready to send; card data never leaves this module untyped. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [property: string]: unknown;
}

// A template is parsed once: its expressions are compiled on the first expansion and kept.
const parsed = new WeakMap<object, Template>();

/**
 * Binds a card template (JSON in cards/) to its typed data. Every card is made here, so here every
 * text on it is made plain text: no markdown from what people wrote reaches Teams (plainText.ts).
 */
export function expand<Data extends object>(template: object, data: Data): AdaptiveCard {
  let compiled = parsed.get(template);
  if (!compiled) parsed.set(template, (compiled = new Template(template)));
  return withPlainTexts(compiled.expand({ $root: data }) as AdaptiveCard);
}
