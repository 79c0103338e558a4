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
  /** The person's closest chief, who receives their reports of bullying or negative material. */
  readonly chiefAadObjectId?: string;
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

/** Problems that make a directory unusable for routing approvals; empty when it is sound. */
export function directoryProblems(directory: Directory): string[] {
  const people = new Set(directory.people.map((p) => p.aadObjectId));
  const departments = new Set(directory.departments.map((d) => d.id));
  const problems: string[] = [];
  if (!people.has(directory.communicationsChiefAadObjectId)) {
    problems.push('the communications chief is not in the directory');
  }
  for (const d of directory.departments) {
    if (!people.has(d.communicatorAadObjectId)) problems.push(`the communicator of ${d.id} is not in the directory`);
  }
  for (const p of directory.people) {
    if (!departments.has(p.departmentId)) problems.push(`${p.name} belongs to unknown department ${p.departmentId}`);
  }
  return problems;
}
