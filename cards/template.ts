import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to send; card data never leaves this module untyped. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [property: string]: unknown;
}

/** Binds a card template (JSON in cards/) to its typed data. */
export function expand<Data extends object>(template: object, data: Data): AdaptiveCard {
  return new Template(template).expand({ $root: data }) as AdaptiveCard;
}
