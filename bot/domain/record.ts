import type { ActivityPlan } from './activityPlan';
import type { FinalSnapshot } from './account';
import type { Absence, Assignment, DutyLog, PersonRef } from './assignmentTypes';
import type { AuditRecord } from './auditRecord';
import type { DutyEvidence, EvaluationReport } from './dutyCommands';

/**
 * An assignment's record (akt, R4): everything Kanalkoll holds about it, for the registrar and the
 * municipal archive. Every plan version, every decision with who, when and comment, evaluations,
 * removals recorded, archive snapshots with checksums, the duty history, and the criticism and messages
 * reported to the account (R13). The JSON is this object; the PDF shows the same, in words.
 */
export interface AssignmentRecord {
  readonly schemaVersion: 1;
  readonly generatedAt: string;
  readonly assignment: {
    readonly id: string;
    readonly kind: ActivityPlan['kind'] | 'draft';
    readonly status: Assignment['status'];
    readonly owner: PersonRef;
    readonly departmentId?: string;
    readonly account?: { readonly platform: string; readonly name: string; readonly url: string };
    readonly createdAt: string;
    readonly submittedAt?: string;
    readonly activatedAt?: string;
    readonly closedAt?: string;
    /** R15: the last start-page snapshot the account closed with. */
    readonly finalSnapshot?: FinalSnapshot;
  };
  readonly planVersions: readonly RecordedPlan[];
  /** Every decision, oldest first, as the audit log keeps it (holds on the account included). */
  readonly decisions: readonly AuditRecord[];
  readonly evaluations: readonly { readonly period: string; readonly completedAt: string; readonly report: EvaluationReport }[];
  readonly removals: readonly { readonly removedOn: string; readonly ground: string; readonly what: string; readonly recordedBy: string; readonly recordedAt: string }[];
  readonly snapshots: readonly RecordedSnapshot[];
  readonly duties: {
    readonly completed: readonly { readonly duty: string; readonly period: string; readonly at: string }[];
    readonly absences: readonly Absence[];
    readonly snoozed: readonly { readonly duty: string; readonly period: string; readonly until: string; readonly times: number }[];
    readonly lastActivityAt?: string;
    readonly pausedUntil?: string;
  };
  /** Criticism and messages reported to the account (R13), sent for registration: never who reported them. */
  readonly reports: readonly RecordedReport[];
}

export interface RecordedPlan {
  readonly version: number;
  readonly submittedAt: string;
  readonly plan: ActivityPlan;
  /** R6: who sent this version, and (a change of an approved plan) what it changed, as `step.field`. */
  readonly submittedBy?: string;
  readonly changed?: readonly string[];
  /** Who approved this version, step by step (none: it was never approved). */
  readonly approvedBy?: readonly { readonly name: string; readonly role: AuditRecord['role']; readonly at: string }[];
}

/** R6: each version's story from the audit: who sent it and what it changed, who approved it. */
function withStory(version: RecordedPlan, audit: readonly AuditRecord[]): RecordedPlan {
  const ofVersion = audit.filter((r) => r.version === version.version);
  const sent = ofVersion.find((r) => r.type === 'PlanSubmitted' || r.type === 'ChangeSubmitted');
  const approvals = ofVersion.filter((r) => r.type === 'PlanApproved' || r.type === 'ChangeApproved').map((r) => ({ name: r.actorName, role: r.role, at: r.at }));
  return { ...version, ...(sent ? { submittedBy: sent.actorName } : {}), ...(sent?.changed ? { changed: sent.changed.split(',') } : {}), ...(approvals.length > 0 ? { approvedBy: approvals } : {}) };
}

export type RecordedSnapshot =
  | { readonly period: string; readonly completedAt: string; readonly kind: 'snapshot'; readonly fileName: string; readonly size: number; readonly sha256: string; readonly blobName: string }
  | { readonly period: string; readonly completedAt: string; readonly kind: 'sentToArchive'; readonly reference: string };

export interface RecordedReport {
  readonly id: string;
  /** Criticism, or a message the account received (absent in records made before messages were reported: criticism). */
  readonly kind?: 'criticism' | 'message';
  readonly filedAt: string;
  readonly diaryNumber?: string;
  /** False when no registrar was set: no number is asked for in Kanalkoll. */
  readonly numberAsked?: boolean;
  readonly link: string;
  readonly excerpt: string;
  /** A message's picture: a link to it or what it shows. */
  readonly picture?: string;
}

/** What the record is made of, as the stores hold it. */
export interface RecordSources {
  readonly state: Assignment;
  readonly versions: readonly RecordedPlan[];
  readonly audit: readonly AuditRecord[];
  readonly reports: readonly RecordedReport[];
  readonly generatedAt: string;
}

const split = (key: string): { duty: string; period: string } => {
  const at = key.indexOf('|');
  return { duty: key.slice(0, at), period: key.slice(at + 1) };
};

/** The record of an assignment, from what the stores hold about it. Pure. */
export function assignmentRecord(sources: RecordSources): AssignmentRecord {
  const { state } = sources;
  const log: DutyLog = ('dutyLog' in state ? state.dutyLog : undefined) ?? {};
  const evidence = Object.entries(log.evidence ?? {}) as [string, DutyEvidence][];
  const doneAt = (key: string) => log.done?.[key] ?? '';
  const plan = state.plan;
  const byTime = <T extends { at: string }>(items: T[]) => items.sort((a, b) => a.at.localeCompare(b.at));
  return {
    schemaVersion: 1,
    generatedAt: sources.generatedAt,
    assignment: {
      id: state.id,
      kind: plan?.kind ?? 'draft',
      status: state.status,
      owner: state.applicant,
      ...(plan ? { departmentId: plan.who.departmentId } : {}),
      ...(plan?.kind === 'account' ? { account: { platform: plan.channel.platform, name: plan.channel.accountName, url: plan.channel.accountUrl } } : {}),
      createdAt: state.createdAt,
      ...('submittedAt' in state ? { submittedAt: state.submittedAt } : {}),
      ...('activatedAt' in state ? { activatedAt: state.activatedAt } : {}),
      ...(state.status === 'closed' ? { closedAt: state.closedAt, ...(state.finalSnapshot ? { finalSnapshot: state.finalSnapshot } : {}) } : {}),
    },
    planVersions: [...sources.versions].sort((a, b) => a.version - b.version).map((v) => withStory(v, sources.audit)),
    decisions: [...sources.audit].sort((a, b) => a.at.localeCompare(b.at) || a.revision - b.revision),
    evaluations: evidence
      .flatMap(([key, e]) => (e.kind === 'evaluation' ? [{ period: split(key).period, completedAt: doneAt(key), report: e.report }] : []))
      .sort((a, b) => a.period.localeCompare(b.period)),
    removals: sources.audit
      .filter((e) => e.type === 'RemovalRecorded')
      .map((e) => ({ removedOn: e.removedOn ?? '', ground: e.ground ?? '', what: e.comment ?? '', recordedBy: e.actorName, recordedAt: e.at })),
    snapshots: evidence
      .flatMap(([key, e]): RecordedSnapshot[] => {
        const { period } = split(key);
        if (e.kind === 'snapshot') return [{ period, completedAt: doneAt(key), kind: 'snapshot', fileName: e.fileName, size: e.size, sha256: e.sha256, blobName: e.blobName }];
        if (e.kind === 'sentToArchive') return [{ period, completedAt: doneAt(key), kind: 'sentToArchive', reference: e.reference }];
        return [];
      })
      .sort((a, b) => a.period.localeCompare(b.period)),
    duties: {
      completed: byTime(Object.entries(log.done ?? {}).map(([key, at]) => ({ ...split(key), at }))),
      absences: log.absences ?? [],
      snoozed: Object.entries(log.snoozes ?? {}).map(([key, s]) => ({ ...split(key), until: s.until, times: s.count })),
      ...(log.lastActivityAt ? { lastActivityAt: log.lastActivityAt } : {}),
      ...(log.pausedUntil ? { pausedUntil: log.pausedUntil } : {}),
    },
    reports: [...sources.reports].sort((a, b) => a.filedAt.localeCompare(b.filedAt)),
  };
}

/** Who may fetch an assignment's record: the communications chief, the registrar, its chief and its department's communicator. */
export interface RecordReaders {
  readonly commsChief?: string;
  readonly registrar?: string;
  readonly communicator?: string;
  /** The owner's manager in the directory now: the chief recorded when the plan was sent may have moved on (they stay in the record). */
  readonly chief?: string;
}

export const mayReadRecord = (viewer: string, readers: RecordReaders): boolean =>
  [readers.commsChief, readers.registrar, readers.communicator, readers.chief].some((id) => id !== undefined && id === viewer);
