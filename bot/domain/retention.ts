/**
 * How long Kanalkoll keeps personal data that is no public record (GDPR art. 5.1 e), in days: drafts
 * never sent, absences, leavers' Teams references and directory entries. The defaults are proposals
 * for the archivist and the data protection officer to confirm.
 *
 * What the municipality has received or decided (plans sent, decisions, evaluations, snapshots,
 * reports of criticism, bullying and negative material) is a public record (allmän handling,
 * arkivlagen, OSL): Kanalkoll keeps it. Only the municipality's own decision to dispose of records
 * (gallringsbeslut, in its dokumenthanteringsplan) can let some go: `GallringDecision`.
 */
export interface RetentionSettings {
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
  absenceDays: 90,
  draftDays: 180,
  leaverChatDays: 30,
  leaverDirectoryDays: 365,
};

/** The public records a gallring decision may let Kanalkoll dispose of: reports of bullying or a crime, and of negative material. */
export const disposableReports = ['bullying', 'negative'] as const;
export type DisposableReport = (typeof disposableReports)[number];

/**
 * The municipality's decision to dispose of records (gallringsbeslut): its reference as the
 * dokumenthanteringsplan names it, and for each kind of report it covers, the days after filing
 * before it is disposed of. A kind it does not name is kept.
 */
export interface GallringDecision {
  readonly reference: string;
  readonly days: Readonly<Partial<Record<DisposableReport, number>>>;
}

const dayMs = 86_400_000;

/** The instant (ISO) before which what began is expired, `days` before `now`. */
export const expiredBefore = (now: Date, days: number): string => new Date(now.getTime() - days * dayMs).toISOString();
