import { DateTime } from 'luxon';
import { eachLimited } from '../../eachLimited';
import type { Assignment } from '../../domain/assignment';
import { nextNudgeAfter, nudgesBetween, type DutyFacts, type DutySettings, type Nudge } from '../../domain/duties';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { Reach } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { DutySchedule, WakeUp } from '../../store/duties';
import type { JsonQueue } from '../../store/queues';
import { approversFor } from '../approval/approvers';

/** One nudge to send, as it travels on the `nudges` queue. */
export interface NudgeMessage {
  readonly nudge: Nudge;
  readonly reach: Reach;
  /** 1 on the first delivery; counts the tries of those still to reach. */
  readonly attempt: number;
  /** On a retry: only these people are left to reach. */
  readonly to?: readonly string[];
  /** Set on an escalation because this person (the nudge's recipient) cannot be reached. */
  readonly unreachable?: string;
}

export interface ScheduleDeps {
  readonly assignments: AssignmentStore;
  readonly directory: DirectoryStore;
  readonly schedule: DutySchedule;
  readonly queue: JsonQueue<NudgeMessage>;
  readonly settings: DutySettings;
  readonly clock: () => Date;
  readonly log: Log;
}

/** The facts the rules need beyond the assignment: who the department communicator is (R10). */
export async function factsFor(directory: DirectoryStore, state: Assignment): Promise<DutyFacts> {
  const { communicator } = await approversFor(directory, state);
  return { communicatorAadObjectId: communicator };
}

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
export async function reschedule(deps: Pick<ScheduleDeps, 'directory' | 'schedule' | 'settings' | 'clock'>, state: Assignment, reach: Reach): Promise<void> {
  const current = await deps.schedule.schedule(state.id);
  if (current && current.revision >= state.revision) return;
  // A new schedule starts just before the assignment was created, so a nudge due at that very moment counts.
  const from = current?.from ?? new Date(Date.parse(state.createdAt) - 1).toISOString();
  const next = nextNudgeAfter(state, DateTime.fromISO(from), deps.settings, await factsFor(deps.directory, state));
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
  readonly enqueued: number;
}

/**
 * The timer's work: every assignment whose wake-up is due gets the nudges that fell due since its
 * last sweep put on the queue, one message each, and its next wake-up. Running it twice for the
 * same instant enqueues nothing new that the ledger would not refuse; the sender sends each once.
 */
export async function sweep(deps: ScheduleDeps, options: { isPastDue?: boolean } = {}): Promise<SweepReport> {
  const now = DateTime.fromJSDate(deps.clock()).toUTC();
  const since = (await deps.schedule.sweptUntil()) ?? now.minus({ months: 12 }).toISO() ?? '';
  if (options.isPastDue) deps.log.warn('duty_sweep_past_due', { since, now: now.toISO() ?? '' });
  const wakes: WakeUp[] = [];
  for await (const wake of deps.schedule.due(since, now.toISO() ?? '')) wakes.push(wake);

  const facts = new Map<string, Promise<DutyFacts>>();
  const factsOf = (state: Assignment) => {
    const department = state.plan?.who.departmentId ?? '';
    if (!facts.has(department)) facts.set(department, factsFor(deps.directory, state));
    return facts.get(department) as Promise<DutyFacts>;
  };

  let read = wakes.length;
  let enqueued = 0;
  await eachLimited(wakes, 16, async (wake) => {
    const stored = await deps.assignments.get(wake.assignmentId);
    read++;
    if (!stored) return deps.schedule.remove(wake);
    const state = stored.value;
    const known = await factsOf(state);
    const nudges = nudgesBetween(state, DateTime.fromISO(wake.from), now, deps.settings, known);
    for (const nudge of nudges) await deps.queue.send({ nudge, reach: wake.reach, attempt: 1 } satisfies NudgeMessage);
    enqueued += nudges.length;
    if (wake.revision !== state.revision) {
      // The assignment changed after this wake-up was planned: the change planned its own.
      const current = await deps.schedule.schedule(state.id);
      if (current?.revision === state.revision) return deps.schedule.remove(wake);
    }
    const next = nextNudgeAfter(state, now, deps.settings, known);
    await deps.schedule.replace({ assignmentId: state.id, wakeAt: next?.at, from: now.toISO() ?? '', revision: state.revision, reach: wake.reach }, wake.wakeAt);
  });
  await deps.schedule.markSwept(now.toISO() ?? '');
  const report = { at: now.toISO() ?? '', pastDue: options.isPastDue === true, due: wakes.length, read, enqueued };
  deps.log.info('duty_sweep', { ...report });
  return report;
}
