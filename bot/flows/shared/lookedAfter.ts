import { accountName, looksAfter } from '../../domain/account';
import { localDate } from '../../domain/calendar';
import type { FlowDeps } from '../deps';

/**
 * The accounts a person looks after now, and so can report criticism that came to (R13) or record a
 * removed post on (R14): the active accounts they own or administer, those they are substitute for in
 * an absence that has begun and not ended, and, for a department communicator, the active accounts
 * of their department. Read from indexes (never the whole register); an index entry is checked
 * against the account as it is now.
 */
export async function accountsLookedAfter(deps: Pick<FlowDeps, 'assignments' | 'directory' | 'clock'>, aadObjectId: string): Promise<{ id: string; name: string; departmentId: string }[]> {
  const today = localDate(deps.clock().toISOString());
  const communicating = (await deps.directory.allDepartments()).filter((d) => d.communicatorAadObjectId === aadObjectId);
  const [owned, administered, substituting, ...departments] = await Promise.all([
    deps.assignments.listFor(aadObjectId),
    deps.assignments.administeredBy(aadObjectId),
    deps.assignments.substitutingFor(aadObjectId),
    ...communicating.map((d) => deps.assignments.inDepartment(d.id)),
  ]);
  const accounts = new Map<string, { id: string; name: string; departmentId: string }>();
  // The indexes keep earlier owners', admins', substitutes' and departments' entries: the account as it is now decides.
  for (const a of [...owned, ...administered, ...substituting, ...departments.flat()]) {
    if (a.status !== 'active' || a.plan.kind !== 'account') continue;
    const department = a.plan.who.departmentId;
    const communicator = communicating.some((d) => d.id === department) ? aadObjectId : undefined;
    if (looksAfter(a, aadObjectId, today, communicator)) accounts.set(a.id, { id: a.id, name: accountName(a), departmentId: department });
  }
  return [...accounts.values()];
}
