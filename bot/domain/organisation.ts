import type { PersonRef } from './assignmentTypes';
import { isEnabled, type Department, type Person } from './directory';
import type { FieldError } from './fields';

/**
 * Who anchors plans (R1, R2): each department's communicator and the communications chief, kept by
 * the communications chief in Teams ("förvaltningar"). The departments are those Entra ID names; the
 * people are picked with Teams people pickers and checked against the directory.
 */
export interface Organisation {
  /** Department id → its communicator's Entra ID object id; '' for none. */
  readonly communicators: Readonly<Record<string, string>>;
  /** Department id → the functional mailbox the register shows (R3); '' for none. */
  readonly mailboxes: Readonly<Record<string, string>>;
  readonly communicationsChiefAadObjectId: string;
}

/** One change to the organisation, for the append-only audit. */
export interface OrganisationEvent {
  readonly type: 'CommunicatorNamed' | 'CommunicationsChiefNamed' | 'MailboxChanged';
  readonly by: PersonRef;
  readonly at: string;
  /** The department whose communicator changed. */
  readonly departmentId?: string;
  /** Who was named; undefined when a department's communicator was taken away. */
  readonly person?: PersonRef;
  /** The department's new mailbox ('' for none). */
  readonly mailbox?: string;
}

/** The card input of a department's communicator. */
export const communicatorInput = (departmentId: string): string => `c_${departmentId}`;
export const chiefInput = 'commsChief';
/** The card input of a department's functional mailbox. */
export const mailboxInput = (departmentId: string): string => `m_${departmentId}`;
const mailbox = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * What the card sent, checked: a department's communicator may be left empty, the communications
 * chief may not; everyone picked is in the directory and has not left. `people` are the directory
 * entries of the ids sent, looked up before. A field the card did not send (a department added
 * after the card was drawn) keeps what `stored` has.
 */
export function checkOrganisation(
  sent: Readonly<Record<string, unknown>>,
  departments: readonly Department[],
  people: ReadonlyMap<string, Person>,
  stored: Organisation,
): { readonly ok: true; readonly value: Organisation } | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const errors: FieldError[] = [];
  const pick = (field: string, required: boolean, kept: string): string => {
    if (!(field in sent)) return kept;
    const value = sent[field];
    const id = typeof value === 'string' ? value.trim() : '';
    if (value !== undefined && typeof value !== 'string') errors.push({ field, code: 'unknownPerson' });
    else if (!id) {
      if (required) errors.push({ field, code: 'required' });
    } else {
      const person = people.get(id);
      if (!person || !isEnabled(person)) errors.push({ field, code: 'unknownPerson' });
    }
    return id;
  };
  const address = (field: string, kept: string): string => {
    if (!(field in sent)) return kept;
    const value = sent[field];
    const text = typeof value === 'string' ? value.trim() : '';
    if (value !== undefined && typeof value !== 'string') errors.push({ field, code: 'notEmail' });
    else if (text && (text.length > 100 || !mailbox.test(text))) errors.push({ field, code: 'notEmail' });
    return text;
  };
  const communicators = Object.fromEntries(departments.map((d) => [d.id, pick(communicatorInput(d.id), false, stored.communicators[d.id] ?? '')]));
  const mailboxes = Object.fromEntries(departments.map((d) => [d.id, address(mailboxInput(d.id), stored.mailboxes[d.id] ?? '')]));
  const communicationsChiefAadObjectId = pick(chiefInput, true, stored.communicationsChiefAadObjectId);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { communicators, mailboxes, communicationsChiefAadObjectId } };
}

/** What changed from `before` to `after`, as audit events by `by` at `at`. */
export function organisationEvents(before: Organisation, after: Organisation, by: PersonRef, at: string, people: ReadonlyMap<string, Person>): OrganisationEvent[] {
  const ref = (id: string): PersonRef | undefined => (id ? { aadObjectId: id, name: people.get(id)?.name ?? id } : undefined);
  const events: OrganisationEvent[] = [];
  for (const [departmentId, id] of Object.entries(after.communicators)) {
    if ((before.communicators[departmentId] ?? '') === id) continue;
    const person = ref(id);
    events.push({ type: 'CommunicatorNamed', by, at, departmentId, ...(person ? { person } : {}) });
  }
  for (const [departmentId, address] of Object.entries(after.mailboxes)) {
    if ((before.mailboxes[departmentId] ?? '') !== address) events.push({ type: 'MailboxChanged', by, at, departmentId, mailbox: address });
  }
  if (before.communicationsChiefAadObjectId !== after.communicationsChiefAadObjectId) {
    const person = ref(after.communicationsChiefAadObjectId);
    events.push({ type: 'CommunicationsChiefNamed', by, at, ...(person ? { person } : {}) });
  }
  return events;
}
