import { DateTime } from 'luxon';
import { retention } from '../../domain/dutyCommands';
import { digestWeek } from '../../domain/digest';
import { isRegisteredKind } from '../../domain/report';
import { localDate } from '../../domain/calendar';
import { disposableReports, expiredBefore, type GallringDecision, type RetentionSettings } from '../../domain/retention';
import type { Reach } from '../../store/conversations';
import type { FlowDeps } from '../deps';

export type RetentionDeps = Pick<FlowDeps, 'assignments' | 'audit' | 'reports' | 'directory' | 'conversations' | 'register' | 'run' | 'clock' | 'log'> & {
  readonly retention: RetentionSettings;
  /** R4: the municipality's gallring decision, if it made one; without it no report is disposed of. */
  readonly gallring?: GallringDecision;
  /** The home tenant and its Teams service: where leavers' conversation references are, and what a change made here reaches. */
  readonly home?: Reach;
};

export interface RetentionReport {
  readonly reports: number;
  readonly absences: number;
  readonly drafts: number;
  readonly chats: number;
  readonly directory: number;
  readonly held: number;
}

/**
 * GDPR, daily: removes or anonymises the personal data that is no public record whose time is up
 * (RetentionSettings), and nothing about an account under a hold: one the communications chief
 * stopped, or one with criticism still waiting for its diary number. Public records (plans sent,
 * decisions, evaluations, snapshots, reports) are kept; only the reports a gallring decision names
 * are disposed of, after its periods (R4). Each kind is its own step; one that fails is logged and
 * tried again tomorrow.
 */
export async function sweepRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const now = deps.clock();
  const r = deps.retention;
  const counts = { reports: 0, absences: 0, drafts: 0, chats: 0, directory: 0, held: 0 };
  const step = async (kind: string, work: () => Promise<void>) => {
    await work().catch((error: unknown) => deps.log.warn('retention_failed', { kind, error: error instanceof Error ? error.message : String(error) }));
  };

  await step('reports', async () => {
    const decision = deps.gallring;
    if (!decision) return;
    for (const kind of disposableReports) {
      const days = decision.days[kind];
      if (days === undefined) continue;
      for (const report of await deps.reports.filedBefore([kind], expiredBefore(now, days))) {
        await deps.audit.anonymiseReport(report.id, `gallrad enligt ${decision.reference}`);
        await deps.reports.forget(report, digestWeek(DateTime.fromISO(report.filedAt)));
        counts.reports++;
      }
    }
  });

  await step('absences', async () => {
    const reach = deps.home;
    if (!reach) throw new Error('no home tenant (KANALKOLL_TENANT_ID): a change to an account needs it');
    const held = await heldAccounts(deps);
    const before = localDate(expiredBefore(now, r.absenceDays));
    for (const record of await deps.register.all()) {
      if (held.has(record.id)) {
        counts.held++;
        continue;
      }
      const stored = await deps.assignments.get(record.id);
      const absences = stored?.value.status === 'active' ? (stored.value.dutyLog?.absences ?? []) : [];
      if (!stored || !absences.some((a) => a.to < before)) continue;
      const outcome = await deps.run({ type: 'ForgetAbsences', meta: { actor: retention, now: now.toISOString() }, before }, { id: record.id, loaded: stored, reach });
      if (outcome.ok) counts.absences += absences.filter((a) => a.to < before).length;
    }
  });

  await step('drafts', async () => {
    const before = expiredBefore(now, r.draftDays);
    for (const draft of await deps.assignments.draftsUnchangedSince(before)) {
      // Saved or sent since it was listed: it stays.
      if (await deps.assignments.deleteDraft(draft.id, before)) counts.drafts++;
    }
  });

  await step('leavers', async () => {
    for (const leaver of await deps.directory.leavers()) {
      const person = await deps.directory.person(leaver.aadObjectId);
      if (person && person.enabled !== false) {
        await deps.directory.cameBack(leaver.aadObjectId);
        continue;
      }
      if (deps.home && !leaver.chatForgotten && leaver.leftAt < expiredBefore(now, r.leaverChatDays)) {
        await deps.conversations.forget(deps.home.tenantId, leaver.aadObjectId);
        await deps.directory.chatForgotten(leaver.aadObjectId);
        counts.chats++;
      }
      const whole = person && (person.email || person.title || person.departmentId || person.chiefAadObjectId);
      if (whole && leaver.leftAt < expiredBefore(now, r.leaverDirectoryDays)) {
        await deps.directory.reduceLeaver(leaver.aadObjectId);
        counts.directory++;
      }
    }
  });

  deps.log.info('retention', counts);
  return counts;
}

/** Accounts nothing may be removed about: held by the communications chief, or with criticism or a message waiting for its diary number. */
export async function heldAccounts(deps: Pick<RetentionDeps, 'assignments' | 'reports'>): Promise<Set<string>> {
  const held = new Set((await deps.assignments.holds()).keys());
  for (const waiting of await deps.reports.awaitingNumber()) {
    const report = await deps.reports.get(waiting.id);
    const accountId = report && isRegisteredKind(report.value.kind) ? (report.value.content as { accountId?: string }).accountId : undefined;
    if (accountId) held.add(accountId);
  }
  return held;
}
