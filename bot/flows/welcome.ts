import { welcomeCard, type AdaptiveCard } from '../../cards';
import type { Locale } from '../domain/locale';
import { texts } from '../i18n';

/** The welcome card: what Kanalkoll does and the main actions, with an optional notice. */
export function welcome(locale: Locale, name?: string, note?: 'unknownAction'): AdaptiveCard {
  const t = texts(locale).welcome;
  return welcomeCard({
    greeting: t.greeting(firstName(name)),
    intro: t.intro,
    points: t.points.map((text) => ({ text })),
    note: note && t[note],
    footer: t.footer,
    actions: [
      { title: t.actions.newPlan, verb: 'plan.start' },
      { title: t.actions.myPlans, verb: 'plan.mine' },
      { title: t.actions.register, verb: 'register.show' },
      { title: t.actions.policyHelp, verb: 'help.topics' },
      { title: t.actions.report, verb: 'report.menu' },
    ],
  });
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0] || undefined;
