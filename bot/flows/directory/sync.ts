import { personFrom, type Person } from '../../domain/directory';
import type { PeopleSource } from '../../graph/users';
import type { Log } from '../../log';
import type { DirectoryStore } from '../../store/directory';

export interface SyncDeps {
  readonly people: PeopleSource;
  readonly directory: Pick<DirectoryStore, 'person' | 'putPeople' | 'deltaLink' | 'saveDeltaLink' | 'allDepartments'>;
  readonly clock: () => Date;
  readonly log: Log;
}

export interface SyncReport {
  /** No delta link yet: everyone was read. */
  readonly full: boolean;
  readonly changed: number;
  /** Of them, now disabled or gone from Entra ID. */
  readonly leavers: number;
}

/**
 * The directory timer: one round of the users delta query, all its pages first, then every changed
 * person written, then the delta link of the next round. If Graph fails on any page, nothing is
 * written and the next run starts from the same link; if a write fails, the next run reads the same
 * changes again (writing a person twice changes nothing). No one is removed: a leaver is kept as
 * disabled, so history and the register still have a name.
 */
export async function syncDirectory(deps: SyncDeps): Promise<SyncReport> {
  const link = await deps.directory.deltaLink();
  const round = await deps.people.usersDelta(link);
  const departments = await deps.directory.allDepartments();
  // A user may come more than once in a round (pages of changes): each time on top of the last.
  const changed = new Map<string, Person>();
  for (const user of round.users) {
    // The first round has everyone whole; later rounds only what changed, merged with what is stored.
    const before = changed.get(user.id) ?? (link ? await deps.directory.person(user.id) : undefined);
    changed.set(user.id, personFrom(before, user, departments));
  }
  const people = [...changed.values()];
  await deps.directory.putPeople(people);
  await deps.directory.saveDeltaLink(round.deltaLink, deps.clock().toISOString());
  const report = { full: !link, changed: people.length, leavers: people.filter((p) => p.enabled === false).length };
  deps.log.info('directory_sync', { ...report });
  return report;
}
