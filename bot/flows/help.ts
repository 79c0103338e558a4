import { z } from 'zod';
import { helpAnswerCard, helpTopicsCard, type AdaptiveCard, type Verb } from '../../cards';
import type { Locale } from '../domain/locale';
import { PolicyHelpSearch, sectionsOf, topics, type Topic } from '../domain/policyHelp';
import { asked, elsewhere } from '../domain/policyQuestions';
import { texts } from '../i18n';
import { sharedVerbs, type Conversation } from './turn';

const perRow = 3;

/** The topic menu; with a notice when it answers a question it could not place, or a topic it does not know. */
export function helpMenu(locale: Locale, notice?: 'notFound' | 'unknownTopic'): AdaptiveCard {
  const t = texts(locale).help;
  return helpTopicsCard({
    title: t.menuTitle,
    intro: t.menuIntro,
    notice: notice && t[notice],
    rows: Array.from({ length: Math.ceil(topics.length / perRow) }, (_, row) => ({
      topics: topics.slice(row * perRow, (row + 1) * perRow).map((topic) => ({ title: t.topics[topic].title, topic })),
    })),
  });
}

type NextTitle = keyof ReturnType<typeof texts>['help']['next'];

/** Where an answer has a card that does what it says, the answer ends with that card's button. */
const nextSteps: Partial<Record<Topic, { readonly title: NextTitle; readonly verb: Verb; readonly data?: object }>> = {
  about: { title: 'apply', verb: 'plan.start' },
  assignment: { title: 'apply', verb: 'plan.start' },
  why: { title: 'apply', verb: 'plan.start' },
  duties: { title: 'away', verb: 'absence.form' },
  register: { title: 'register', verb: 'register.show' },
  website: { title: 'register', verb: 'register.show' },
  bullying: { title: 'reportBullying', verb: 'report.form', data: { kind: 'bullying' } },
  forwardCriticism: { title: 'reportNegative', verb: 'report.form', data: { kind: 'negative' } },
  mediaMonitoring: { title: 'aboutUnit', verb: 'report.aboutUnit' },
  registration: { title: 'reportCriticism', verb: 'report.form', data: { kind: 'criticism' } },
  moderation: { title: 'removal', verb: 'removal.form' },
  archiving: { title: 'accounts', verb: 'account.mine' },
  evaluation: { title: 'accounts', verb: 'account.mine' },
  administration: { title: 'accounts', verb: 'account.mine' },
  passive: { title: 'accounts', verb: 'account.mine' },
};

/**
 * One topic's answer; where others read it too, its button only if it leads to nothing personal; and
 * `also`, further topics the question may have meant, each a button to its answer.
 */
export function helpAnswer(locale: Locale, topic: Topic, conversation: Conversation = 'personal', also: readonly Topic[] = []): AdaptiveCard {
  const t = texts(locale).help;
  const step = nextSteps[topic];
  const next = step && (conversation === 'personal' || sharedVerbs.has(step.verb)) ? step : undefined;
  return helpAnswerCard({
    ...t.topics[topic],
    source: t.source(...sectionsOf(topic)),
    next: next && { title: t.next[next.title], verb: next.verb, data: next.data ?? {} },
    more: t.more,
    also: also.map((other) => ({ title: t.topics[other].title, topic: other })),
    alsoIntro: t.also,
  });
}

const topicData = z.object({ topic: z.enum(topics) });

/** A topic button: its answer; anything else the menu, saying so. */
export const helpForCard = (locale: Locale, data: unknown, conversation: Conversation = 'personal'): AdaptiveCard => {
  const parsed = topicData.safeParse(data);
  return parsed.success ? helpAnswer(locale, parsed.data.topic, conversation) : helpMenu(locale, 'unknownTopic');
};

/**
 * One search over every language's answers: a question may come in either, whatever the client says.
 * Built on the first question, not at start: a cold start of the function app does not pay for it.
 */
let search: PolicyHelpSearch | undefined;
const helpSearch = (): PolicyHelpSearch =>
  (search ??= new PolicyHelpSearch((['sv', 'en'] as const).map((locale) => texts(locale).help.topics), asked, elsewhere));

/**
 * A question in words: the answer when one topic stands out, with the topics that come close, else
 * undefined (the caller decides).
 */
export const answerFor = (locale: Locale, question: string, conversation: Conversation = 'personal'): AdaptiveCard | undefined => {
  const found = helpSearch().answer(question);
  return found && helpAnswer(locale, found.topic, conversation, found.also);
};

/** The words that ask for policy help, at the start of a message. */
const helpWords = 'vad gäller|hjälp om policyn|policyhjälp|policyn|policy help|what does the policy say';
export const helpRequest = new RegExp(`^(?:${helpWords})`, 'i');
const helpAlone = new RegExp(`^(?:${helpWords})(?:\\s+(?:om|about))?[\\s?!.:]*$`, 'i');

/**
 * A message that begins with the words that ask for policy help. Alone ("vad gäller?") they get the menu;
 * followed by a question ("vad gäller för bilder på barn?", "what does the policy say about photos of
 * children?") they are what people say before a question, and the question gets its answer, or the menu
 * saying no sure answer was found. Never a personal card: "vad gäller för mitt konto?" asks about the policy.
 */
export const policyQuestion = (locale: Locale, message: string, conversation: Conversation = 'personal'): AdaptiveCard =>
  helpAlone.test(message.trim()) ? helpMenu(locale) : (answerFor(locale, message.trim().replace(helpRequest, ''), conversation) ?? helpMenu(locale, 'notFound'));
