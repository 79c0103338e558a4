import helpAnswer from './helpAnswer.json';
import helpTopics from './helpTopics.json';
import { expand } from './template';

/** The policy help menu: a button per topic. */
export interface HelpTopicsCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  /** A few topics a row: a client shows only so many buttons in one set before it folds the rest away. */
  readonly rows: readonly { readonly topics: readonly { readonly title: string; readonly topic: string }[] }[];
}

/** One answer, with the policy section it comes from. */
export interface HelpAnswerCardData {
  readonly title: string;
  readonly answer: string;
  readonly source: string;
  /** What to do next, where a card does it (R1 apply, R21 report, …). */
  readonly next?: { readonly title: string; readonly verb: string; readonly data: object };
  readonly more: string;
  /** Further topics the question may have meant, each a button to its answer; `alsoIntro` above them. */
  readonly also: readonly { readonly title: string; readonly topic: string }[];
  readonly alsoIntro: string;
}

export const helpTopicsCard = (data: HelpTopicsCardData) => expand(helpTopics, data);
export const helpAnswerCard = (data: HelpAnswerCardData) => expand(helpAnswer, data);
