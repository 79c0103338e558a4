import { waitingStep } from '../../domain/approval';
import type { Assignment, Command, PersonRef } from '../../domain/assignment';
import { isEnabled, type Person } from '../../domain/directory';
import { directoryActor } from '../../domain/routing';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { Reach } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import { approversFor, currentApprover } from '../shared/approvers';
import type { FlowDeps } from '../deps';

export interface FollowDeps {
  readonly assignments: Pick<AssignmentStore, 'get' | 'listFor' | 'administeredBy' | 'substitutingFor' | 'inDepartment' | 'waiting'>;
  readonly directory: Pick<DirectoryStore, 'person' | 'department' | 'communicationsChief' | 'pendingFollowUps' | 'followedUp'>;
  readonly run: FlowDeps['run'];
  /** Where the people concerned are reached (the organisation's tenant); without it nothing is changed. */
  readonly reach: Reach | undefined;
  readonly clock: () => Date;
  readonly log: Log;
}

export interface FollowReport {
  /** Leavers followed up whole (their row of what was to be done is gone). */
  readonly leavers: number;
  /** Assignments whose owner, applicant, admin or substitute left. */
  readonly accounts: number;
  /** Waiting approvals that moved to someone else. */
  readonly moved: number;
}

/** Whether the leaver's going changes this assignment: a plan of theirs that waits, or an account they own, administer or are the substitute for. */
function concerns(a: Assignment, aadObjectId: string): boolean {
  if (a.status !== 'active') return waitingStep(a) !== undefined && a.applicant.aadObjectId === aadObjectId;
  const administration = a.plan.kind === 'account' ? a.plan.administration : undefined;
  return a.applicant.aadObjectId === aadObjectId || administration?.admins.includes(aadObjectId) === true || administration?.substitute === aadObjectId;
}

const refOf = (person: Person): PersonRef => ({ aadObjectId: person.aadObjectId, name: person.name });

/**
 * What the organisation's changes mean for assignments, after a directory sync: for each leaver the
 * sync noted (store/directory.ts `noteFollowUps`, kept until done), a plan they applied for that
 * waits is withdrawn (the chief hears), and on each account they owned, administered or were the
 * plan's substitute for, their leaving is recorded (the owner-left duty, admin coverage, a new
 * substitute to name); then every waiting approval whose approver left or is no longer the one the
 * directory names moves on. Each goes through the assignment's command path with its audit event. A
 * leaver's row goes only once every assignment of theirs took the change or needed none: a run that
 * stops (or loses a race) leaves it for the next. Safe to run again: a change already recorded is
 * refused by the rules and skipped.
 */
export async function followDirectory(deps: FollowDeps): Promise<FollowReport> {
  if (!deps.reach) {
    deps.log.warn('directory_follow_without_tenant', { message: 'Set KANALKOLL_TENANT_ID for leavers and moved approvals to be followed up.' });
    return { leavers: 0, accounts: 0, moved: 0 };
  }
  const reach = deps.reach;
  const meta = () => ({ actor: directoryActor, now: deps.clock().toISOString() });
  let accounts = 0;
  let leavers = 0;
  for (const leaver of await deps.directory.pendingFollowUps()) {
    const theirs = new Map<string, Assignment>();
    const found = await Promise.all([
      deps.assignments.listFor(leaver.aadObjectId),
      deps.assignments.administeredBy(leaver.aadObjectId),
      deps.assignments.substitutingFor(leaver.aadObjectId),
      // Accounts approved before the plan's substitute was listed: a substitute is mostly of the same department.
      leaver.departmentId ? deps.assignments.inDepartment(leaver.departmentId) : Promise.resolve([]),
    ]);
    for (const a of found.flat()) theirs.set(a.id, a);
    let done = true;
    for (const a of theirs.values()) {
      if (!concerns(a, leaver.aadObjectId)) continue;
      const command: Command = { type: 'RecordLeaver', meta: meta(), person: refOf(leaver) };
      const outcome = await deps.run(command, { id: a.id, reach });
      if (outcome.ok) accounts++;
      else if (outcome.reason === 'conflict') done = false;
    }
    if (!done) continue;
    await deps.directory.followedUp(leaver.aadObjectId);
    leavers++;
  }

  let moved = 0;
  for (const { assignmentId, approver: recorded } of await deps.assignments.waiting()) {
    const stored = await deps.assignments.get(assignmentId);
    if (!stored || !waitingStep(stored.value)) continue;
    const approvers = await approversFor(deps.directory, stored.value);
    const from = recorded ? await deps.directory.person(recorded) : undefined;
    const gone = from !== undefined && !isEnabled(from);
    // Someone the communicator named who then left decides no more: the step goes back to the directory.
    const assigned = 'assignedApprover' in stored.value ? stored.value.assignedApprover : undefined;
    const named = assigned && gone && assigned.aadObjectId === recorded ? approvers.chief : currentApprover(stored.value, approvers);
    const to = named ? await deps.directory.person(named) : undefined;
    const next = to && isEnabled(to) ? to : undefined;
    if ((next?.aadObjectId ?? '') === (recorded ?? '')) continue;
    const command: Command = {
      type: 'MoveApproval',
      meta: { ...meta(), seenRevision: stored.value.revision },
      ...(from ? { from: refOf(from) } : recorded ? { from: { aadObjectId: recorded, name: recorded } } : {}),
      ...(next ? { to: refOf(next) } : {}),
      reason: gone ? 'left' : 'changed',
    };
    if ((await deps.run(command, { id: assignmentId, loaded: stored, reach })).ok) moved++;
  }
  const report = { leavers, accounts, moved };
  deps.log.info('directory_follow', report);
  return report;
}
