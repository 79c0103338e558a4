import { DateTime } from 'luxon';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { zone } from '../../domain/calendar';
import type { FlowDeps } from '../deps';

/**
 * The accounts a person looks after now, and so can report criticism that came to (R13) or record a
 * removed post on (R14): the active accounts they own or administer, those they are substitute for in
 * an absence that has begun and not ended, and, for a department communicator, the active accounts
 * of their department. Read from indexes (never the whole register); an index entry is checked
 * against the account as it is now.
 */
export async function accountsLookedAfter(deps: Pick<FlowDeps, 'assignments' | 'directory' | 'clock'>, aadObjectId: string): Promise<{ id: string; name: string; departmentId: string }[]> {
  const today = DateTime.fromJSDate(deps.clock()).setZone(zone).toISODate() ?? '';
  const communicating = (await deps.directory.allDepartments()).filter((d) => d.communicatorAadObjectId === aadObjectId);
  const [owned, administered, substituting, ...departments] = await Promise.all([
    deps.assignments.listFor(aadObjectId),
    deps.assignments.administeredBy(aadObjectId),
    deps.assignments.substitutingFor(aadObjectId),
    ...communicating.map((d) => deps.assignments.inDepartment(d.id)),
  ]);
  const accounts = new Map<string, { id: string; name: string; departmentId: string }>();
  const add = (a: Assignment, may: (a: Extract<Assignment, { status: 'active' }>) => boolean) => {
    // The indexes keep earlier owners', admins', substitutes' and departments' entries: only who runs the account now counts.
    if (a.status === 'active' && a.plan.kind === 'account' && may(a)) accounts.set(a.id, { id: a.id, name: accountName(a), departmentId: a.plan.who.departmentId });
  };
  for (const a of [...owned, ...administered]) add(a, (s) => s.applicant.aadObjectId === aadObjectId || (s.plan.kind === 'account' && s.plan.administration.admins.includes(aadObjectId)));
  for (const a of substituting) add(a, (s) => (s.dutyLog?.absences ?? []).some((x) => x.substituteAadObjectId === aadObjectId && x.from <= today && today <= x.to));
  for (const a of departments.flat()) add(a, (s) => communicating.some((d) => d.id === s.plan.who.departmentId));
  return [...accounts.values()];
}

