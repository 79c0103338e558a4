/**
 * How long Kanalkoll keeps personal data that is no public record (GDPR art. 5.1 e), in days. Public
 * records (plans, decisions, evaluations, snapshots, registered criticism) are kept: only the
 * municipality's decision to dispose of records (gallringsbeslut) could let them go, and Kanalkoll
 * takes none. The defaults are proposals for the archivist and the data protection officer to confirm.
 */
export interface RetentionSettings {
  /** Reports of bullying or a crime, and of negative material: the report goes, its audit row is anonymised. */
  readonly reportDays: number;
  /** An absence (and its substitute), counted from its last day. */
  readonly absenceDays: number;
  /** A draft never sent, counted from its last change. */
  readonly draftDays: number;
  /** Where to reach someone in Teams, counted from when they left. */
  readonly leaverChatDays: number;
  /** A leaver's directory entry is cut to their name (old plans and decisions still name them). */
  readonly leaverDirectoryDays: number;
}

export const defaultRetention: RetentionSettings = {
  reportDays: 730,
  absenceDays: 90,
  draftDays: 180,
  leaverChatDays: 30,
  leaverDirectoryDays: 365,
};

const dayMs = 86_400_000;

/** The instant (ISO) before which what began is expired, `days` before `now`. */
export const expiredBefore = (now: Date, days: number): string => new Date(now.getTime() - days * dayMs).toISOString();
