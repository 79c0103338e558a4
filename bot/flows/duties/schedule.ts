import { DateTime } from 'luxon';
import { eachLimited } from '../../eachLimited';
import type { Assignment } from '../../domain/assignment';
import { nextNudgeAfter, nudgeKey, nudgesBetween, type DutyFacts, type DutySettings, type Nudge } from '../../domain/duties';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { Reach } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { DutySchedule, WakeUp } from '../../store/duties';
import type { JsonQueue } from '../../store/queues';
import { bundlesOf } from '../../domain/nudgeBundles';
import { nudgeRecipients, type NudgeRole } from '../../domain/nudgeRecipients';
import { ownerLeftAt } from '../../domain/routing';
import type { NudgeLedger } from '../../store/nudges';
import { routedDepartment, type Approvers } from '../../domain/approval';
import { approversFor } from '../shared/approvers';

/** One person's card of nudges, as it travels on the `nudges` queue (domain/nudgeBundles.ts). */
export interface NudgeMessage {
  /** Whom the card is for (Entra object id); the sender checks each nudge is still theirs. */
  readonly person: string;
  readonly nudges: readonly Nudge[];
  readonly reach: Reach;
  /** 1 on the first delivery; counts the tries. */
  readonly attempt: number;
  /** Set on an escalation because this person (the nudges' own recipient) cannot be reached. */
  readonly unreachable?: string;
}

export interface ScheduleDeps {
  readonly assignments: AssignmentStore;
  readonly directory: DirectoryStore;
  readonly schedule: DutySchedule;
  readonly queue: JsonQueue<NudgeMessage>;
  readonly ledger: Pick<NudgeLedger, 'bury'>;
  readonly settings: DutySettings;
  readonly clock: () => Date;
  readonly log: Log;
}

/** An owner's or a substitute's nudge goes to someone the assignment names: the directory has nothing to add. */
const fromAssignmentAlone = (nudge: Nudge, state: Assignment) => (nudge.audience === 'owner' && !ownerLeftAt(state)) || nudge.audience === 'substitute';

/** The facts the rules need beyond the assignment: who the department communicator is (R10). */
export async function factsFor(directory: DirectoryStore, state: Assignment): Promise<DutyFacts> {
  return factsOf(await approversFor(directory, state));
}

/** The same, from approvers already read. */
export const factsOf = (approvers: Approvers): DutyFacts => ({ communicatorAadObjectId: approvers.communicator });

/** R10: the names of the account's admins, for the cards that list them (an id not in the directory as it is). */
export async function adminNames(directory: DirectoryStore, state: Assignment): Promise<string> {
  const admins = state.plan?.kind === 'account' ? state.plan.administration.admins : [];
  const people = await directory.peopleById(admins);
  return admins.map((id) => people.get(id)?.name ?? id).join(', ');
}

/**
 * After every change of an assignment: its next wake-up, counted from where its nudges were
 * last put on the queue, so a change never skips a nudge that was due. A nudge already due
 * wakes the assignment at the next sweep (the sweep reads only from its last run on).
 */
export async function reschedule(deps: Pick<ScheduleDeps, 'directory' | 'schedule' | 'settings' | 'clock'>, state: Assignment, reach: Reach, approvers?: Approvers): Promise<void> {
  const current = await deps.schedule.schedule(state.id);
  if (current && current.revision >= state.revision) return;
  // A new schedule starts just before the assignment was created, so a nudge due at that very moment counts.
  const from = current?.from ?? new Date(Date.parse(state.createdAt) - 1).toISOString();
  const next = nextNudgeAfter(state, DateTime.fromISO(from), deps.settings, approvers ? factsOf(approvers) : await factsFor(deps.directory, state));
  if (!current && !next) return;
  const now = deps.clock().toISOString();
  const wakeAt = next && (next.at < now ? now : next.at);
  await deps.schedule.replace({ assignmentId: state.id, wakeAt, from, revision: state.revision, reach }, current?.wakeAt);
}

export interface SweepReport {
  readonly at: string;
  readonly pastDue: boolean;
  /** Wake-up rows read: only those due. */
  readonly due: number;
  /** Entities read in all: the due wake-ups and their assignments (the directory is read once per department). */
  readonly read: number;
  /** Nudges that fell due, and the cards they go out on (one per person, domain/nudgeBundles.ts). */
  readonly enqueued: number;
  readonly cards: number;
}

/**
 * The timer's work: every assignment whose wake-up is due gets the nudges that fell due since its
 * last sweep, and its next wake-up; then each person gets one message with everything for them, so
 * one card (issue "Everyday use" 8). Running it twice for the same instant enqueues nothing new
 * that the ledger would not refuse; the sender sends each nudge to each person once.
 */
export async function sweep(deps: ScheduleDeps, options: { isPastDue?: boolean } = {}): Promise<SweepReport> {
  const now = DateTime.fromJSDate(deps.clock()).toUTC();
  const since = (await deps.schedule.sweptUntil()) ?? now.minus({ months: 12 }).toISO() ?? '';
  if (options.isPastDue) deps.log.warn('duty_sweep_past_due', { since, now: now.toISO() ?? '' });
  const wakes: WakeUp[] = [];
  for await (const wake of deps.schedule.due(since, now.toISO() ?? '')) wakes.push(wake);

  const facts = new Map<string, Promise<DutyFacts>>();
  const factsOf = (state: Assignment) => {
    // The communicator is that of the department the plan is with now (a plan naming another waits on its chief: R1).
    const department = routedDepartment(state) ?? '';
    if (!facts.has(department)) facts.set(department, factsFor(deps.directory, state));
    return facts.get(department) as Promise<DutyFacts>;
  };

  // First read everything due, then queue the cards, and only then move the wake-ups on: a run that
  // stops half-way (storage down) leaves every wake-up where it was, so the next run queues again
  // what this one may not have, and the ledger keeps each nudge once per person.
  let read = wakes.length;
  const addressed: { nudge: Nudge; people: ReadonlyMap<string, NudgeRole> }[] = [];
  const reaches = new Map<string, WakeUp['reach']>();
  const found = new Map<WakeUp, Assignment | undefined>();
  // One assignment that cannot be read does not hold up everyone else's nudges; its wake-up stays
  // as it is, and the run fails at the end so the next one comes back for it.
  const failed: string[] = [];
  await eachLimited(wakes, 16, async (wake) => {
    try {
      const state = (await deps.assignments.get(wake.assignmentId))?.value;
      read++;
      const nudges = state ? nudgesBetween(state, DateTime.fromISO(wake.from), now, deps.settings, await factsOf(state)) : [];
      // Who decides on the plan is read from the directory only for a nudge that goes to one of them.
      const approvers = state && nudges.some((n) => !fromAssignmentAlone(n, state)) ? await approversFor(deps.directory, state) : { chief: undefined };
      const entries: { nudge: Nudge; people: ReadonlyMap<string, NudgeRole> }[] = nudges.map((nudge) => ({ nudge, people: nudgeRecipients(nudge, state as Assignment, approvers) }));
      for (const { nudge } of entries.filter((f) => f.people.size === 0)) {
        const reason = 'nobody to send it to (no chief, communicator or approver in the directory)';
        await deps.ledger.bury({ nudge, aadObjectId: '-', reason, attempts: 0, at: now.toISO() ?? '' });
      }
      found.set(wake, state);
      for (const entry of entries) {
        addressed.push(entry);
        for (const person of entry.people.keys()) if (!reaches.has(person)) reaches.set(person, wake.reach);
      }
    } catch (error) {
      failed.push(wake.assignmentId);
      deps.log.error('duty_wake_failed', { assignmentId: wake.assignmentId, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // In time order, so each card lists what fell due first at the top.
  addressed.sort((a, b) => a.nudge.at.localeCompare(b.nudge.at) || nudgeKey(a.nudge).localeCompare(nudgeKey(b.nudge)));
  const bundles = bundlesOf(addressed);
  await eachLimited(bundles, 16, (bundle) =>
    deps.queue.send({ person: bundle.person, nudges: bundle.nudges, reach: reaches.get(bundle.person) as WakeUp['reach'], attempt: 1 } satisfies NudgeMessage),
  );
  const moves: Parameters<DutySchedule['replaceMany']>[0][number][] = [];
  await eachLimited(wakes, 16, async (wake) => {
    if (!found.has(wake)) return;
    const state = found.get(wake);
    if (!state) return deps.schedule.remove(wake);
    if (wake.revision !== state.revision) {
      // The assignment changed after this wake-up was planned: the change planned its own.
      const current = await deps.schedule.schedule(state.id);
      if (current?.revision === state.revision) return deps.schedule.remove(wake);
    }
    const next = nextNudgeAfter(state, now, deps.settings, await factsOf(state));
    moves.push({ next: { assignmentId: state.id, wakeAt: next?.at, from: now.toISO() ?? '', revision: state.revision, reach: wake.reach }, previousWakeAt: wake.wakeAt });
  });
  // Many wake-ups move at once: a month's rows go in transactions of 100 (store/duties.ts).
  await deps.schedule.replaceMany(moves);
  if (failed.length > 0) throw new Error(`duty sweep: ${failed.length} assignment(s) could not be read (${failed.slice(0, 5).join(', ')}); the next run tries them again`);
  await deps.schedule.markSwept(now.toISO() ?? '');
  const report = { at: now.toISO() ?? '', pastDue: options.isPastDue === true, due: wakes.length, read, enqueued: addressed.length, cards: bundles.length };
  deps.log.info('duty_sweep', { ...report });
  return report;
}
