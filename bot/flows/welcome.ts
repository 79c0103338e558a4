import { welcomeCard, type AdaptiveCard } from '../../cards';
import { ownsActiveByFacts, ownsByFacts, type OwnershipFacts } from '../domain/account';
import type { Locale } from '../domain/locale';
import { texts } from '../i18n';

/** What applies to the person greeted, from what is stored: their accounts, their role. */
export interface WelcomeFor {
  /** They own accounts (active or closed): "mina konton". */
  readonly owner?: boolean;
  /** They own an active account: "jag är borta". */
  readonly activeOwner?: boolean;
  /** They are the communications chief: "förvaltningar". */
  readonly commsChief?: boolean;
  /** They oversee a department (communications chief, communicator, chief): "översikt" (R16). */
  readonly overseer?: boolean;
}

/** What applies to `aadObjectId`, from the ownership facts of what they applied for or own and who the communications chief is. */
export const welcomeFor = (facts: readonly OwnershipFacts[], aadObjectId: string, communicationsChief: string | undefined): WelcomeFor => ({
  owner: facts.some((f) => ownsByFacts(f, aadObjectId)),
  activeOwner: facts.some((f) => ownsActiveByFacts(f, aadObjectId)),
  commsChief: communicationsChief === aadObjectId,
});

/** The welcome card: what Kanalkoll does and everything the person can do, with an optional notice. */
export function welcome(locale: Locale, name?: string, note?: 'unknownAction', applies: WelcomeFor = {}): AdaptiveCard {
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
      ...(applies.owner ? [{ title: t.actions.myAccounts, verb: 'account.mine' } as const] : []),
      ...(applies.activeOwner ? [{ title: t.actions.away, verb: 'absence.form' } as const] : []),
      ...(applies.commsChief ? [{ title: t.actions.departments, verb: 'org.departments' } as const] : []),
      ...(applies.overseer ? [{ title: t.actions.overview, verb: 'overview.show' } as const] : []),
      { title: t.actions.register, verb: 'register.show' },
      { title: t.actions.policyHelp, verb: 'help.topics' },
      { title: t.actions.report, verb: 'report.menu' },
    ],
  });
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0] || undefined;

/**
 * The welcome card in a group chat or a team's channel: nothing about the person, only what is the
 * same for everyone there (the register, the policy help), and that the rest is for a personal chat.
 */
export function sharedWelcome(locale: Locale, note?: 'unknownAction'): AdaptiveCard {
  const t = texts(locale).welcome;
  return welcomeCard({
    greeting: t.greeting(undefined),
    intro: t.intro,
    points: t.shared.points.map((text) => ({ text })),
    note: note && t[note],
    footer: t.shared.footer,
    actions: [
      { title: t.actions.register, verb: 'register.show' },
      { title: t.actions.policyHelp, verb: 'help.topics' },
    ],
  });
}
