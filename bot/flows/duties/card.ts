import { DateTime } from 'luxon';
import { dutyBundleCard, type AdaptiveCard, type Verb } from '../../../cards';
import type { Assignment } from '../../domain/assignment';
import { escalationAfter, overdue, stillOpen, type DutyFacts, type DutySettings } from '../../domain/duties';
import { leadOf, sectionsOf, type Addressed } from '../../domain/nudgeBundles';
import { nudgeRecipients } from '../../domain/nudgeRecipients';
import type { Locale } from '../../domain/locale';
import type { Approvers } from '../../domain/approval';
import { texts } from '../../i18n';
import type { AssignmentStore } from '../../store/assignments';
import type { ConversationReferences } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import { approversFor, currentApprover } from '../shared/approvers';
import { adminNames, factsOf } from './schedule';
import { finishedSection, nudgeSection, type NudgeView } from './view';

export interface DrawDeps {
  readonly assignments: Pick<AssignmentStore, 'get'>;
  readonly directory: DirectoryStore;
  readonly conversations: Pick<ConversationReferences, 'user'>;
  readonly dutySettings: DutySettings;
  readonly clock: () => Date;
}

/** An assignment as stored, with who decides on it and the facts its duties need, read once per card. */
export interface Known {
  readonly state: Assignment;
  readonly approvers: Approvers;
  readonly facts: DutyFacts;
}

/** Reads each assignment of a card once, with its approvers and facts; a deleted one is left out. */
export async function knownFor(
  deps: Pick<DrawDeps, 'assignments' | 'directory'>,
  ids: Iterable<string>,
  given: ReadonlyMap<string, Assignment> = new Map(),
  /** Who decides on the given assignments, if the caller read it already. */
  givenApprovers?: Approvers,
): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  for (const id of new Set(ids)) {
    const state = given.get(id) ?? (await deps.assignments.get(id))?.value;
    if (!state) continue;
    const approvers = (given.has(id) ? givenApprovers : undefined) ?? (await approversFor(deps.directory, state));
    known.set(id, { state, approvers, facts: factsOf(approvers) });
  }
  return known;
}

/**
 * Whether what a card says to `person` about this nudge still stands: the duty is still open, and
 * they still get it as they did (not after a new owner, or a plan moved to another approver).
 */
export function stillStands(known: Known | undefined, item: Addressed, person: string, settings: DutySettings): boolean {
  if (!known) return false;
  const { state, approvers, facts } = known;
  return stillOpen(state, item.nudge, settings, facts) && nudgeRecipients(item.nudge, state, approvers, item.unreachable).get(person) === item.role;
}

/** The buttons on a nudge card that open another card rather than do the task on it. */
const opening = new Set<Verb>(['approval.refresh', 'account.admins', 'account.close', 'duty.evaluation', 'plan.change']);

/** A reminder promises when the chief hears only while that is still to come. */
const escalating = (at: string | undefined, now: DateTime) => (at && DateTime.fromISO(at) > now ? { escalatesAt: at } : {});

/**
 * One person's nudge card, drawn from the assignments as they are now: a section per thing to do
 * (domain/nudgeBundles.ts), each open one with its buttons, each done or ended one saying so. The
 * same drawing serves the first send, a task pressed on the card (`pressed`: what that section
 * shows) and the update once a duty is done, so the card always says the same about the same.
 */
export async function drawNudgeCard(
  deps: DrawDeps,
  tenantId: string,
  person: string,
  items: readonly Addressed[],
  locale: Locale,
  options: { readonly known?: ReadonlyMap<string, Known>; readonly pressed?: { readonly section: number; readonly shown: NonNullable<NudgeView['shown']> } } = {},
): Promise<AdaptiveCard> {
  const t = texts(locale);
  const known = options.known ?? (await knownFor(deps, items.map((i) => i.nudge.assignmentId)));
  const now = DateTime.fromJSDate(deps.clock());
  const name = async (aad: string | undefined, state: Assignment) => {
    if (!aad) return undefined;
    if (aad === state.applicant.aadObjectId) return state.applicant.name;
    return (await deps.directory.person(aad))?.name ?? (await deps.conversations.user(tenantId, aad))?.name ?? aad;
  };
  const sections = [];
  let open = 0;
  for (const [index, section] of sectionsOf(items).entries()) {
    const lead = leadOf(section);
    const found = known.get(lead.nudge.assignmentId);
    if (!found) continue;
    const { state, approvers, facts } = found;
    const pressed = options.pressed?.section === index ? options.pressed.shown : undefined;
    // A press that did the task is answered as every card about it is updated (no race between the two).
    const succeeded = pressed?.done === true && pressed.style !== 'attention';
    if ((!pressed || succeeded) && !section.some((item) => stillStands(found, item, person, deps.dutySettings))) {
      sections.push(finishedSection(state, lead.nudge, locale, deps.dutySettings));
      continue;
    }
    if (!pressed?.done) open++;
    const nextLevel = [...nudgeRecipients(lead.nudge, state, approvers)].find(([, role]) => role === 'nextLevel')?.[0];
    const names = {
      owner: state.applicant.name,
      approver: await name(currentApprover(state, approvers), state),
      nextLevel: await name(nextLevel, state),
      unreachable: await name(lead.unreachable, state),
      ...(lead.nudge.duty === 'admins' ? { admins: await adminNames(deps.directory, state) } : {}),
      ...(lead.nudge.duty === 'login' ? { communicator: await name(facts.communicatorAadObjectId, state) } : {}),
    };
    sections.push(
      nudgeSection({
        nudge: lead.nudge,
        state,
        role: lead.role,
        names,
        locale,
        settings: deps.dutySettings,
        section: index,
        ...escalating(escalationAfter(state, lead.nudge, deps.dutySettings, facts), now),
        // Only escalations list what is overdue; working it out reads the assignment's whole history.
        overdue: lead.role === 'escalation' ? overdue(state, now, deps.dutySettings, facts) : [],
        ...(pressed ? { shown: pressed } : {}),
      }),
    );
  }
  const helping = items.every((item) => item.role === 'escalation');
  // On a card of several sections, a button that opens another card opens it below (bot/teams/bot.ts).
  if (sections.length > 1) {
    for (const [i, section] of sections.entries()) {
      sections[i] = { ...section, actions: section.actions.map((a) => (opening.has(a.verb) ? { ...a, data: { ...a.data, opens: 'below' } } : a)) };
    }
  }
  return dutyBundleCard({ heading: helping ? t.duties.escalationHeading : t.duties.heading, title: open > 0 ? t.duties.bundleTitle(open) : t.duties.bundleDone, sections });
}
