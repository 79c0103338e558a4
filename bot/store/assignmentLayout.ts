import { encodeKey, rowsStartingWith } from './repository';

export { rowsStartingWith } from './repository';

/**
 * The layout of the `assignments` table: every partition key and row key, built and parsed here and
 * nowhere else. Stored formats are fixed: existing rows must keep reading, so a key changes only with
 * a migration.
 *
 * | partition | rows |
 * |---|---|
 * | `a_<id>` (one per assignment) | `assignment` (the state), `version_<nnnn>` (frozen plans), `audit_<revision>_<n>`, `outbox_<revision>_<nn>`, `sent_<revision>_<index>_<purpose>` (cards sent), `copy_<conversation>_<activity>` (cards to keep up to date) |
 * | `p_<aad>` | one row per assignment a person applied for or owns (`<id>`), with what the welcome card needs of it |
 * | `r_<aad>`, `s_<aad>`, `d_<department>` | the accounts someone administers, is substitute for, of a department (`<id>`) |
 * | `waiting` | plans waiting on an approver (`<id>`) |
 * | `hold` | accounts kept from the retention clean-up (`<id>`) |
 * | `outbox` | markers of outboxes with effects waiting (`<id>_<revision>`) |
 */

/** Revisions as fixed-width keys, so rows of one kind read in the order they were made. */
export const revisionKey = (revision: number): string => String(revision).padStart(8, '0');

// The assignment's own partition.

export const assignmentPartition = (id: string): string => `a_${encodeKey(id)}`;
/** The state's row in the assignment's partition. */
export const stateRow = 'assignment';
/** The prefixes of the other kinds of row in an assignment's partition. */
export const rowKinds = { version: 'version_', audit: 'audit_', outbox: 'outbox_', sent: 'sent_', copy: 'copy_' } as const;
export const versionRow = (version: number): string => `${rowKinds.version}${String(version).padStart(4, '0')}`;
/** The `n`th decision of the change that made `revision` (R4). */
export const auditRow = (revision: number, n: number): string => `${rowKinds.audit}${revisionKey(revision)}_${n}`;
/** The `n`th effect of the change that made `revision`. */
export const outboxRow = (revision: number, n: number): string => `${rowKinds.outbox}${revisionKey(revision)}_${String(n).padStart(2, '0')}`;
/** The revision of the change an outbox row belongs to. */
export const outboxRevision = (rowKey: string): number => Number(rowKey.slice(rowKinds.outbox.length).split('_')[0]);
/** The key of one card an announcement sends: the change's revision, the event's place among its events, and what the card is for. */
export const sentKey = (revision: number, index: number, purpose: string): string => `${revisionKey(revision)}_${index}_${purpose}`;
/** The row recording that the card `key` (a `sentKey`) went out. */
export const sentRow = (key: string): string => `${rowKinds.sent}${key}`;
/** The row of a copy of a card sent about the assignment, to keep up to date: one per chat and message. */
export const copyRow = (copy: { readonly conversationId: string; readonly activityId: string }): string =>
  `${rowKinds.copy}${encodeKey(copy.conversationId)}_${encodeKey(copy.activityId)}`;

// Indexes: one row per assignment (its id) in a partition per person, department or list.

export type IndexedAs = 'owner' | 'admin' | 'substitute';
/** What a person applied for or owns ("mina ansökningar", "mina konton", the welcome card). */
export const personPartition = (aadObjectId: string): string => `p_${encodeKey(aadObjectId)}`;
/** The accounts someone administers (R10): found when they leave. */
export const adminPartition = (aadObjectId: string): string => `r_${encodeKey(aadObjectId)}`;
/** Accounts a person has been named substitute for (R14). */
export const substitutePartition = (aadObjectId: string): string => `s_${encodeKey(aadObjectId)}`;
/** Accounts approved in a department (R13: its communicator finds them). */
export const departmentPartition = (departmentId: string): string => `d_${encodeKey(departmentId)}`;
/** The index partition listing an assignment under `aadObjectId` in this role. */
export const indexPartition = (aadObjectId: string, as: IndexedAs): string =>
  as === 'admin' ? adminPartition(aadObjectId) : as === 'substitute' ? substitutePartition(aadObjectId) : personPartition(aadObjectId);
/** Plans waiting on an approver, and whom their card went to: a handful at a time. */
export const waitingPartition = 'waiting';
/** Accounts under a hold (GDPR retention stops). */
export const holdPartition = 'hold';
/** The row of an assignment in an index, the waiting list or the holds. */
export const listedRow = (assignmentId: string): string => encodeKey(assignmentId);
/** The assignment a `listedRow` stands for. */
export const listedId = (rowKey: string | undefined): string => decodeURIComponent(rowKey ?? '');

// Outbox markers.

/** Notes of outboxes with effects waiting, so the sweep finds them without a scan. */
export const markerPartition = 'outbox';
export const markerRow = (assignmentId: string, revision: number): string => `${encodeKey(assignmentId)}_${revisionKey(revision)}`;
/** The beginning of every marker row of one assignment. */
export const markerPrefix = (assignmentId: string): string => `${encodeKey(assignmentId)}_`;

/** The rows of one kind in an assignment's partition. */
export const assignmentRows = (id: string, kind: keyof typeof rowKinds): string => rowsStartingWith(assignmentPartition(id), rowKinds[kind]);
