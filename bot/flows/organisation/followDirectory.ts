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
  readonly assignments: Pick<AssignmentStore, 'get' | 'listFor' | 'administeredBy' | 'waiting'>;
  readonly directory: Pick<DirectoryStore, 'person' | 'department' | 'communicationsChief'>;
  readonly run: FlowDeps['run'];
  /** Where the people concerned are reached (the organisation's tenant); without it nothing is changed. */
  readonly reach: Reach | undefined;
  readonly clock: () => Date;
  readonly log: Log;
}

export interface FollowReport {
  /** Accounts whose owner or an admin left. */
  readonly accounts: number;
  /** Waiting approvals that moved to someone else. */
  readonly moved: number;
}

const refOf = (person: Person): PersonRef => ({ aadObjectId: person.aadObjectId, name: person.name });

/**
 * What the organisation's changes mean for assignments, after a directory sync: an owner or admin
 * who left is recorded on each of their accounts (the owner-left duty, admin coverage), and every
 * waiting approval whose approver left or is no longer the one the directory names moves on, each
 * through the assignment's command path with its audit event. Safe to run again: a change already
 * recorded is refused by the rules and skipped.
 */
export async function followDirectory(deps: FollowDeps, leavers: readonly Person[]): Promise<FollowReport> {
  if (!deps.reach) {
    deps.log.warn('directory_follow_without_tenant', { message: 'Set KANALKOLL_TENANT_ID for leavers and moved approvals to be followed up.' });
    return { accounts: 0, moved: 0 };
  }
  const reach = deps.reach;
  const meta = () => ({ actor: directoryActor, now: deps.clock().toISOString() });
  let accounts = 0;
  for (const leaver of leavers) {
    const theirs = new Map<string, Assignment>();
    for (const a of [...(await deps.assignments.listFor(leaver.aadObjectId)), ...(await deps.assignments.administeredBy(leaver.aadObjectId))]) theirs.set(a.id, a);
    for (const a of theirs.values()) {
      if (a.status !== 'active') continue;
      const command: Command = { type: 'RecordLeaver', meta: meta(), person: refOf(leaver) };
      if ((await deps.run(command, { id: a.id, reach })).ok) accounts++;
    }
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
  const report = { accounts, moved };
  deps.log.info('directory_follow', { leavers: leavers.length, ...report });
  return report;
}
