import { z } from 'zod';
import { helpAnswerCard, helpTopicsCard, type AdaptiveCard } from '../../cards';
import type { Locale } from '../domain/locale';
import { sources, topicOf, topics, type Topic } from '../domain/policyHelp';
import { texts } from '../i18n';

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

export function helpAnswer(locale: Locale, topic: Topic): AdaptiveCard {
  const t = texts(locale).help;
  return helpAnswerCard({ ...t.topics[topic], source: t.source(sources[topic].heading), more: t.more });
}

const topicData = z.object({ topic: z.enum(topics) });

/** A topic button: its answer; anything else the menu, saying so. */
export const helpForCard = (locale: Locale, data: unknown): AdaptiveCard => {
  const parsed = topicData.safeParse(data);
  return parsed.success ? helpAnswer(locale, parsed.data.topic) : helpMenu(locale, 'unknownTopic');
};

/** A question in words: the answer when one topic stands out, else undefined (the caller decides). */
export const answerFor = (locale: Locale, question: string): AdaptiveCard | undefined => {
  const topic = topicOf(question);
  return topic && helpAnswer(locale, topic);
};
