import type { Assignment } from './assignmentTypes';
import type { Department, Person } from './directory';

/**
 * The public register of official accounts (R3): for each account, who is responsible, why it
 * exists and for whom, so that the public can find public records ("för att underlätta sökandet
 * efter allmänna handlingar"). A closed account stays, marked closed, with where its records are.
 * Only these fields ever leave the system.
 */
export interface RegisterRecord {
  readonly id: string;
  readonly platform: string;
  readonly accountName: string;
  readonly accountUrl: string;
  readonly departmentId: string;
  readonly ownerAadObjectId: string;
  readonly purpose: string;
  readonly audience: string;
  readonly activeSince: string;
  /** The owner has left and nobody has taken over yet: the department's mailbox answers meanwhile. */
  readonly ownerLeft?: boolean;
  /** When the account was closed: it stays in the register, marked so. */
  readonly closedAt?: string;
}

/** How the responsible person is shown: by name and role, or only by role and a functional mailbox. */
export type ResponsibleShown = 'name' | 'role';

export interface RegisterEntry {
  readonly platform: string;
  readonly accountName: string;
  readonly accountUrl: string;
  readonly department: string;
  readonly responsible: string;
  readonly purpose: string;
  readonly audience: string;
  /** Local date (YYYY-MM-DD) the assignment became active. */
  readonly activeSince: string;
  readonly status: 'active' | 'closed';
  /** Local date (YYYY-MM-DD) it was closed. */
  readonly closedOn?: string;
  /** Where its public records are: the municipal archive, and the department's mailbox for questions. */
  readonly records: string;
}

/** An entry as Kanalkoll's own register card uses it: with whom its record (akt) is for. Never published. */
export interface RegisterCardEntry extends RegisterEntry {
  readonly id: string;
  /** Who may fetch its record besides the communications chief and the registrar: the owner's manager now and the department communicator. */
  readonly recordReaders: readonly string[];
}

/** The record an assignment has in the register: official accounts, active or closed; never monitoring. */
export function registerRecord(state: Assignment): RegisterRecord | undefined {
  if ((state.status !== 'active' && state.status !== 'closed') || state.plan.kind !== 'account') return undefined;
  const { plan } = state;
  return {
    id: state.id,
    platform: plan.channel.platform,
    accountName: plan.channel.accountName,
    accountUrl: plan.channel.accountUrl,
    departmentId: plan.who.departmentId,
    ownerAadObjectId: state.applicant.aadObjectId,
    purpose: plan.purpose.purpose,
    audience: plan.purpose.audience,
    activeSince: state.activatedAt,
    ...(state.status === 'active' && state.dutyLog?.ownerLeftAt ? { ownerLeft: true } : {}),
    ...(state.status === 'closed' ? { closedAt: state.closedAt } : {}),
  };
}

export interface RegisterContext {
  readonly departments: readonly Department[];
  /** The owners, by id. */
  readonly people: ReadonlyMap<string, Person>;
  readonly shown: ResponsibleShown;
  /** The local date of an instant (Europe/Stockholm); passed in to keep this pure. */
  readonly dateOf: (iso: string) => string;
  /** Where a closed account's records are kept, in words (the municipal archive). */
  readonly archive: string;
}

/** The name a record's department goes by (its id, if the directory no longer has it). */
export const departmentName = (record: Pick<RegisterRecord, 'departmentId'>, departments: readonly Department[]): string =>
  departments.find((d) => d.id === record.departmentId)?.name ?? record.departmentId;

/** The register's order: active accounts first, closed ones below; each by department, then name, as Swedish readers sort. */
export function inRegisterOrder(records: readonly RegisterRecord[], departments: readonly Department[]): RegisterRecord[] {
  const collator = new Intl.Collator('sv');
  const keyed = records.map((r) => ({ r, closed: Number(Boolean(r.closedAt)), department: departmentName(r, departments) }));
  keyed.sort((a, b) => a.closed - b.closed || collator.compare(a.department, b.department) || collator.compare(a.r.accountName, b.r.accountName));
  return keyed.map((k) => k.r);
}

/** The public entries, in the register's order (`inRegisterOrder`). */
export function registerEntries(records: readonly RegisterRecord[], context: RegisterContext): RegisterCardEntry[] {
  return inRegisterOrder(records, context.departments).map((r) => {
    const department = context.departments.find((d) => d.id === r.departmentId);
    const owner = context.people.get(r.ownerAadObjectId);
    const role = owner?.title ?? '';
    // A closed account, or one whose owner left, is answered for by the department.
    const responsible = r.ownerLeft || r.closedAt
      ? (department?.mailbox ?? department?.name ?? '')
      : context.shown === 'name'
        ? [owner?.name, role].filter(Boolean).join(', ')
        : [role, department?.mailbox].filter(Boolean).join(', ');
    return {
      platform: r.platform,
      accountName: r.accountName,
      accountUrl: r.accountUrl,
      department: departmentName(r, context.departments),
      responsible,
      purpose: r.purpose,
      audience: r.audience,
      activeSince: context.dateOf(r.activeSince),
      status: r.closedAt ? ('closed' as const) : ('active' as const),
      ...(r.closedAt ? { closedOn: context.dateOf(r.closedAt) } : {}),
      records: [context.archive, department?.mailbox].filter(Boolean).join(', '),
      id: r.id,
      recordReaders: [owner?.chiefAadObjectId, department?.communicatorAadObjectId].filter((id): id is string => id !== undefined),
    };
  });
}
