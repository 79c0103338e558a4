import { departmentIdOf, personFrom, type Department, type Person } from '../../domain/directory';
import { DeltaExpired, type PeopleSource } from '../../graph/users';
import type { Log } from '../../log';
import type { DirectoryStore } from '../../store/directory';

export interface SyncDeps {
  readonly people: PeopleSource;
  readonly directory: Pick<DirectoryStore, 'person' | 'everyone' | 'putPeople' | 'deltaLink' | 'saveDeltaLink' | 'allDepartments' | 'noteDepartments' | 'noteLeavers' | 'noteFollowUps'>;
  readonly clock: () => Date;
  readonly log: Log;
}

export interface SyncReport {
  /** No delta link yet: everyone was read. */
  readonly full: boolean;
  readonly changed: number;
  /** Of them, now disabled or gone from Entra ID. */
  readonly leavers: number;
  /** Those who were there before this round and are not now: noted to be followed up (followDirectory.ts). */
  readonly left: readonly Person[];
  /** Departments Entra ID named for the first time: they have no communicator yet. */
  readonly newDepartments: readonly Department[];
}

/**
 * The directory timer: one round of the users delta query, all its pages first, then the leavers to
 * follow up noted, then every changed person written, then the delta link of the next round. If Graph fails on any page, nothing is
 * written and the next run starts from the same link; if a write fails, the next run reads the same
 * changes again (writing a person twice changes nothing). No one is removed: a leaver is kept as
 * disabled, so history and the register still have a name.
 */
export async function syncDirectory(deps: SyncDeps): Promise<SyncReport> {
  const stored = await deps.directory.deltaLink();
  const expired = await deps.people.usersDelta(stored).then(
    (round) => ({ round, link: stored }),
    async (error: unknown) => {
      if (!(error instanceof DeltaExpired)) throw error;
      deps.log.warn('directory_sync_restarted', { reason: error.message });
      return { round: await deps.people.usersDelta(undefined), link: undefined };
    },
  );
  const { round, link } = expired;
  const departments = await deps.directory.allDepartments();
  // A user may come more than once in a round (pages of changes): each time on top of the last.
  const changed = new Map<string, Person>();
  // Whether each person in the round was there (enabled) before it: a leaver is someone who was.
  const wasThere = new Map<string, boolean>();
  for (const user of round.users) {
    // The first round has everyone whole; later rounds only what changed, merged with what is stored.
    const known = changed.get(user.id);
    // A full round reads the stored person only for someone disabled or gone: to tell a leaver.
    const stored = known === undefined && (link || user.accountEnabled === false || user.removed) ? await deps.directory.person(user.id) : undefined;
    if (!wasThere.has(user.id)) wasThere.set(user.id, stored !== undefined && stored.enabled !== false);
    const before = known ?? (link ? stored : undefined);
    // Someone who came and went between two rounds, or was gone before the first: nobody to keep.
    if (user.removed && !before) continue;
    changed.set(user.id, personFrom(before, user, departments));
  }
  if (!link) {
    // A full round lists everyone there is: whoever is stored but not in it has left Entra ID.
    for (const person of await deps.directory.everyone()) {
      if (!changed.has(person.aadObjectId) && person.enabled !== false) {
        changed.set(person.aadObjectId, { ...person, enabled: false });
        wasThere.set(person.aadObjectId, true);
      }
    }
  }
  const people = [...changed.values()];
  // Departments come from Entra ID's department attribute; one seen for the first time is added, without a communicator.
  const named = round.users.flatMap((u) => (u.department?.trim() ? [{ id: departmentIdOf(u.department, departments), name: u.department.trim() }] : []));
  const newDepartments = await deps.directory.noteDepartments(named.filter((d) => !departments.some((known) => known.id === d.id)));
  const left = people.filter((p) => p.enabled === false && wasThere.get(p.aadObjectId));
  // Who left is known only while the stored entry still says they were there: what is to be done
  // about them is written before the people, so a round that stops after them is still followed up.
  await deps.directory.noteFollowUps(left.map((p) => p.aadObjectId), deps.clock().toISOString());
  await deps.directory.noteLeavers(left.map((p) => p.aadObjectId), deps.clock().toISOString());
  // A full round holds everyone: who is a chief is known from it alone.
  await deps.directory.putPeople(people, { whole: !link });
  await deps.directory.saveDeltaLink(round.deltaLink, deps.clock().toISOString());
  const report = { full: !link, changed: people.length, leavers: people.filter((p) => p.enabled === false).length, left, newDepartments };
  deps.log.info('directory_sync', { full: report.full, changed: report.changed, leavers: report.leavers, left: left.length, newDepartments: newDepartments.map((d) => d.name).join(', ') });
  return report;
}
