/**
 * The organisation as Kanalkoll needs it: who works where, who anchors plans for each
 * department (förvaltningskommunikatör) and who the communications chief is.
 */
export interface Person {
  /** Entra ID (AAD) object id: the identity Teams gives us for a user. */
  readonly aadObjectId: string;
  readonly name: string;
  readonly email: string;
  readonly departmentId: string;
  readonly title: string;
  /** The person's closest chief (their manager in Entra ID), who receives their reports of bullying or negative material. */
  readonly chiefAadObjectId?: string;
  /** False once the account is disabled or deleted in Entra ID (a leaver): kept, so history still has a name. */
  readonly enabled?: boolean;
}

/**
 * A user as the users delta query reports them, in the directory's words. Only what changed need be
 * there on a later round: a missing field keeps its stored value; `manager: null` means the manager
 * was removed; `removed` that the user is gone from the directory (deleted, or out of scope).
 */
export interface DirectoryUser {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly manager?: string | null;
  readonly removed?: boolean;
}

/** Whether someone can take a role now: not disabled or gone from Entra ID (a leaver keeps their name in history only). */
export const isEnabled = (person: Person): boolean => person.enabled !== false;

/**
 * R1: whom a person's plans go to: their manager in Entra ID, if that is someone else who is still
 * there. A missing, departed or self-referencing manager is no chief.
 */
export const chiefOf = (person: Person | undefined, manager: Person | undefined): string | undefined =>
  person && manager && manager.aadObjectId === person.chiefAadObjectId && manager.aadObjectId !== person.aadObjectId && isEnabled(manager) ? manager.aadObjectId : undefined;

/** A department's id from its name in Entra ID: the known department of that name, else the name as a key. */
export function departmentIdOf(name: string | null | undefined, departments: readonly Department[]): string {
  const wanted = (name ?? '').trim().toLocaleLowerCase('sv');
  const known = departments.find((d) => d.name.toLocaleLowerCase('sv') === wanted);
  if (known) return known.id;
  return wanted.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'okand';
}

/** The person after a delta round: the stored person with what changed, or a new one. */
export function personFrom(stored: Person | undefined, user: DirectoryUser, departments: readonly Department[]): Person {
  const has = (key: keyof DirectoryUser) => key in user && user[key] !== undefined;
  const text = (key: 'displayName' | 'mail' | 'jobTitle', fallback: string) => (has(key) ? (user[key] ?? '') : fallback);
  const chief = has('manager') ? (user.manager ?? undefined) : stored?.chiefAadObjectId;
  return {
    aadObjectId: user.id,
    name: text('displayName', stored?.name ?? ''),
    email: text('mail', stored?.email ?? ''),
    title: text('jobTitle', stored?.title ?? ''),
    departmentId: has('department') ? departmentIdOf(user.department, departments) : (stored?.departmentId ?? departmentIdOf(undefined, departments)),
    ...(chief ? { chiefAadObjectId: chief } : {}),
    enabled: user.removed ? false : has('accountEnabled') ? user.accountEnabled !== false : (stored?.enabled ?? true),
  };
}

export interface Department {
  readonly id: string;
  readonly name: string;
  /** The department communicator (förvaltningskommunikatör). */
  readonly communicatorAadObjectId: string;
  /** A functional mailbox the public may write to, shown in the register instead of names if so configured. */
  readonly mailbox?: string;
}

export interface Directory {
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  /** The communications chief (kommunikationschef): final anchoring, digest, media monitoring. */
  readonly communicationsChiefAadObjectId: string;
}
