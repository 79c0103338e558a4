import type { Nudge } from './duties';
import type { NudgeRole } from './nudgeRecipients';

/** A nudge as it reaches one person: which side of it they are on decides what their card says. */
export interface Addressed {
  readonly nudge: Nudge;
  readonly role: NudgeRole;
  /** On an escalation because the nudge's own recipient cannot be reached in Teams: who. */
  readonly unreachable?: string;
}

/** One person's nudges of one sweep, as one card (one queue message). */
export interface Bundle {
  readonly person: string;
  readonly nudges: readonly Nudge[];
}

/**
 * At most this many sections on one card: with the largest sections there are (long account names,
 * a form and its buttons each), the card stays under the 40 KB Teams takes
 * (test/domain/nudgeBundles.test.ts measures it).
 */
export const sectionsPerCard = 8;

/**
 * Everything one sweep has for each person, grouped so that each gets one card (issue "Everyday
 * use" 8); a person with more to do than fits on a card gets one card per `sectionsPerCard`.
 */
export function bundlesOf(addressed: Iterable<{ readonly nudge: Nudge; readonly people: ReadonlyMap<string, NudgeRole> }>): Bundle[] {
  const byPerson = new Map<string, Addressed[]>();
  for (const { nudge, people } of addressed) {
    for (const [person, role] of people) byPerson.set(person, [...(byPerson.get(person) ?? []), { nudge, role }]);
  }
  const bundles: Bundle[] = [];
  for (const [person, items] of byPerson) {
    const sections = sectionsOf(items);
    for (let i = 0; i < sections.length; i += sectionsPerCard) bundles.push({ person, nudges: sections.slice(i, i + sectionsPerCard).flat().map((item) => item.nudge) });
  }
  return bundles;
}

/**
 * The sections of one person's card: one per thing to do, never the same twice. Nudges of one
 * period of a duty become one section (after a long gap the first notice and its reminder are one),
 * drawn from the latest level; the escalations of one account become one section, since each lists
 * everything overdue on it. Sections keep the order of their first nudge.
 */
export function sectionsOf(items: readonly Addressed[]): Addressed[][] {
  const sections = new Map<string, Addressed[]>();
  for (const item of items) {
    const { nudge, role } = item;
    // An escalation that lists what is overdue is one per account; the others say something of their own.
    const listing = role === 'escalation' && nudge.duty !== 'ownerLeft' && nudge.duty !== 'substitute';
    const key = listing ? `${nudge.assignmentId}|escalation` : `${nudge.assignmentId}|${nudge.duty}|${nudge.period}|${role}`;
    sections.set(key, [...(sections.get(key) ?? []), item]);
  }
  return [...sections.values()].map((section) => [...section].sort((a, b) => a.nudge.level - b.nudge.level));
}

/** The nudge a section is drawn from: its latest level. */
export const leadOf = (section: readonly Addressed[]): Addressed => section[section.length - 1] as Addressed;
