import { DateTime } from 'luxon';
import { accountName } from './account';
import { routedDepartment } from './approval';
import type { Assignment } from './assignmentTypes';
import { zone } from './calendar';
import { overdue, type DutyFacts, type DutyKind, type DutySettings } from './duties';

/**
 * The weekly digest (R16): what the communications chief (everything) and each department
 * communicator (their department) should know: active accounts, plans waiting, overdue duties by
 * kind, people Teams cannot reach, and nudges given up on. Pure: everything comes in.
 */
export interface DigestLine {
  readonly assignmentId: string;
  readonly account: string;
  readonly owner: string;
  readonly kind: DutyKind | 'waiting';
  readonly since: string;
}

export interface Digest {
  readonly active: number;
  readonly waiting: number;
  readonly overdue: Readonly<Partial<Record<DutyKind, number>>>;
  readonly lines: readonly DigestLine[];
  readonly unreachable: readonly string[];
  readonly deadLetters: number;
  /** R16: last week's reports of criticism and of negative material, for this reader's department or all. */
  readonly reports: { readonly criticism: number; readonly negative: number };
}

export interface DigestInput {
  readonly assignments: readonly Assignment[];
  readonly now: DateTime;
  readonly settings: DutySettings;
  readonly factsOf: (departmentId: string) => DutyFacts;
  /** Who Teams refused to reach, by AAD object id → name. */
  readonly unreachable: ReadonlyMap<string, string>;
  /** Nudges given up on, by the assignment they were about. */
  readonly deadLetters: readonly { readonly assignmentId: string }[];
  /** R16: last week's reports, by kind and the department they concern. */
  readonly reports?: readonly { readonly kind: string; readonly departmentId: string }[];
}

const waiting = (a: Assignment) => a.status === 'awaiting_chief' || a.status === 'awaiting_communicator' || a.status === 'awaiting_comms_chief' || (a.status === 'active' && !!a.pendingOwner);

const reportsOf = (input: DigestInput, kind: string, departmentIds: readonly string[] | undefined) =>
  (input.reports ?? []).filter((r) => r.kind === kind && (departmentIds === undefined || departmentIds.includes(r.departmentId))).length;

/** The digest of `departmentIds` (one reader's departments, all in one digest), or of everything when undefined. */
export function digestOf(input: DigestInput, departmentIds?: readonly string[]): Digest {
  // A plan naming another department than the applicant's is that department's once the chief confirmed it (R1).
  const mine = input.assignments.filter((a) => a.plan && (departmentIds === undefined || departmentIds.includes(routedDepartment(a) ?? '')));
  const counts: Partial<Record<DutyKind, number>> = {};
  const lines: DigestLine[] = [];
  for (const a of mine) {
    const line = (kind: DigestLine['kind'], since: string) => lines.push({ assignmentId: a.id, account: accountName(a), owner: a.applicant.name, kind, since });
    if (waiting(a)) line('waiting', DateTime.fromISO(('waitingSince' in a && a.waitingSince) || ('submittedAt' in a ? a.submittedAt : a.createdAt)).setZone(zone).toISODate() ?? '');
    for (const item of overdue(a, input.now, input.settings, input.factsOf(routedDepartment(a) ?? ''))) {
      if (item.duty === 'approval') continue;
      counts[item.duty] = (counts[item.duty] ?? 0) + 1;
      line(item.duty, item.due);
    }
  }
  const people = new Set(mine.flatMap((a) => [a.applicant.aadObjectId, a.plan?.who.chiefAadObjectId ?? '']));
  const ids = new Set(mine.map((a) => a.id));
  return {
    // Accounts only: monitoring (R2) is an assignment, not an account.
    active: mine.filter((a) => a.status === 'active' && a.plan.kind === 'account').length,
    waiting: mine.filter(waiting).length,
    overdue: counts,
    lines: lines.sort((x, y) => x.since.localeCompare(y.since)),
    unreachable: [...input.unreachable].filter(([aad]) => departmentIds === undefined || people.has(aad)).map(([, name]) => name).sort(),
    deadLetters: input.deadLetters.filter((d) => ids.has(d.assignmentId)).length,
    reports: {
      criticism: reportsOf(input, 'criticism', departmentIds),
      negative: reportsOf(input, 'negative', departmentIds),
    },
  };
}

/** The ISO week a digest belongs to ("2027-W02"); one digest per week and reader. */
export const digestWeek = (now: DateTime): string => now.setZone(zone).toFormat("kkkk-'W'WW");
