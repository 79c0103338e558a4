import type { Department } from '../../domain/directory';
import type { Overseer } from '../../domain/dutyCommands';
import type { DirectoryStore } from '../../store/directory';

/** A department someone oversees, and in which role. */
export interface Oversight {
  readonly department: Department;
  readonly as: Overseer;
}

/**
 * R16: the departments someone oversees, from the directory as it is now (never from a card): the
 * communications chief every department; a communicator the departments they are communicator for; a
 * chief (someone a person reports to) their own department. Their own department comes first.
 */
export async function overseen(directory: Pick<DirectoryStore, 'person' | 'allDepartments' | 'isChief' | 'communicationsChief'>, aadObjectId: string): Promise<{ readonly own?: Department; readonly departments: readonly Oversight[] }> {
  const [person, all, chief, commsChief] = await Promise.all([directory.person(aadObjectId), directory.allDepartments(), directory.isChief(aadObjectId), directory.communicationsChief()]);
  const own = all.find((d) => d.id === person?.departmentId);
  const roleIn = (d: Department): Overseer | undefined =>
    commsChief === aadObjectId ? 'commschief' : d.communicatorAadObjectId === aadObjectId ? 'communicator' : chief && d.id === own?.id ? 'chief' : undefined;
  const departments = all.flatMap((department) => {
    const as = roleIn(department);
    return as ? [{ department, as }] : [];
  });
  return { ...(own ? { own } : {}), departments: [...departments.filter((o) => o.department.id === own?.id), ...departments.filter((o) => o.department.id !== own?.id)] };
}
