import { DateTime } from 'luxon';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { decide, evolve, type Assignment, type Event, type PersonRef } from '../../bot/domain/assignment';
import { auditRecordsOf, type AuditRecord } from '../../bot/domain/auditRecord';
import { nextNudgeAfter, ownerDuties, type OwnerDuty } from '../../bot/domain/duties';
import type { DutyEvidence } from '../../bot/domain/dutyCommands';
import type { AssignmentStore } from '../../bot/store/assignments';
import type { RegisterStore } from '../../bot/store/register';
import { accountPlan, eventsTo } from './seed';

export interface AccountOf {
  readonly id: string;
  readonly owner: PersonRef;
  readonly departmentId: string;
  readonly chiefAadObjectId: string;
  /** A second admin and the substitute. */
  readonly colleague: string;
  readonly activatedAt: DateTime;
}

const evidenceOf = (duty: OwnerDuty, n: number): DutyEvidence =>
  duty === 'archive'
    ? { kind: 'sentToArchive', reference: `KA 2026/${n}` }
    : duty === 'evaluation'
      ? { kind: 'evaluation', report: { goals: [{ goal: 'Mål', met: 'partly' }], followers: 120 + n, posts: 40, answeredWithin48h: 'mostly', incidents: 0, change: 'Fler filmer.', decision: 'continue' } }
      : { kind: 'confirmed' };

/**
 * An active account as it looks after its owner did every duty from `activatedAt` to `until` (two
 * years of archive snapshots, evaluations, activity checks, login checks): each completion decided
 * by the domain the day after its first nudge, and the audit row of every decision.
 */
export function activeWithHistory(account: AccountOf, until: DateTime): { state: Assignment; audit: AuditRecord[] } {
  const at = account.activatedAt.toUTC().toISO() ?? '';
  const base = <Extract<ActivityPlan, { kind: 'account' }>>accountPlan({ platform: 'Instagram', accountName: `Botkyrka ${account.id}` }, 'Berätta om verksamheten.', 'Invånare i Botkyrka', account.departmentId);
  const plan = {
    ...base,
    who: { kind: 'account' as const, departmentId: account.departmentId, chiefAadObjectId: account.chiefAadObjectId },
    administration: { ...base.administration, admins: [account.owner.aadObjectId, account.colleague], substitute: account.colleague },
  };
  const audit: AuditRecord[] = [];
  const apply = (state: Assignment | undefined, events: readonly Event[], by: PersonRef, now: string) => {
    const next = events.reduce<Assignment | undefined>(evolve, state) as Assignment;
    audit.push(...auditRecordsOf(events, next, { actor: by, now }));
    return next;
  };
  let state = apply(undefined, eventsTo(account.id, plan, 'active', at).map((e) => (e.type === 'PlanStarted' ? { ...e, applicant: account.owner } : e)), account.owner, at);
  let cursor = account.activatedAt;
  for (let n = 0; n < 100; n++) {
    const nudge = nextNudgeAfter(state, cursor);
    if (!nudge || DateTime.fromISO(nudge.at) > until) break;
    cursor = DateTime.fromISO(nudge.at);
    const duty = nudge.duty as OwnerDuty;
    if (!ownerDuties.includes(duty)) continue;
    const now = cursor.plus({ days: 1 }).toUTC().toISO() ?? '';
    const decision = decide({ type: 'CompleteDuty', meta: { actor: account.owner, now }, duty, period: nudge.period, evidence: evidenceOf(duty, n) }, state);
    if (decision.ok) state = apply(state, decision.events, account.owner, now);
  }
  return { state, audit };
}

/** Stores the account with its audit rows, its indexes and its register row, as the lifecycle's effects would have. */
export async function storeWithHistory(stores: { assignments: AssignmentStore; register: RegisterStore }, account: { state: Assignment; audit: AuditRecord[] }): Promise<void> {
  const { state } = account;
  // One transaction holds at most 100 rows: the oldest decisions are left out beyond that.
  const frozen = state.status === 'active' ? { assignmentId: state.id, version: state.planVersion, submittedAt: state.activatedAt, plan: state.plan } : undefined;
  await stores.assignments.commit({ state, etag: undefined, frozen, audit: account.audit.slice(-98), outbox: [] });
  await stores.assignments.index(state.id, state.applicant.aadObjectId);
  if (state.status === 'active' && state.plan.kind === 'account') {
    await stores.assignments.indexDepartment(state.id, state.plan.who.departmentId);
    for (const admin of state.plan.administration.admins) await stores.assignments.index(state.id, admin, 'admin');
  }
  await stores.register.sync(state);
}
