import type { SealedAudit } from '../../store/sealedAudit';
import type { RegisterStore } from '../../store/register';
import { announce, refreshCopies, type AnnounceDeps } from '../approval/announce';
import { trackWaiting } from '../shared/approvers';
import { closeNudges, type FollowDutyDeps } from '../duties/closeNudges';
import { reschedule, type ScheduleDeps } from '../duties/schedule';
import { archiveRecord, type RecordDeps } from '../records/handlers';
import type { EffectHandlers } from './outbox';

/** What carrying out the effects reads and writes. */
export interface EffectDeps {
  /** Cards: announcements, copies, nudge cards that follow their duty. */
  readonly cards: AnnounceDeps & FollowDutyDeps;
  readonly records: Omit<RecordDeps, 'exports'>;
  readonly duties: Pick<ScheduleDeps, 'directory' | 'schedule' | 'settings' | 'clock'>;
  readonly register: Pick<RegisterStore, 'sync'>;
  readonly auditTrail: Pick<SealedAudit, 'append'>;
}

/**
 * How each kind of effect is carried out, given the assignment as stored now (bot/flows/commands/
 * effects.ts says which a change has). A mapped type: a new kind of effect without its handler does not compile.
 */
export function effectHandlers(deps: EffectDeps): EffectHandlers {
  const { cards } = deps;
  return {
    seal: async (_effect, current) => deps.auditTrail.append(current.id, await cards.audit.history(current.id)),
    archiveRecord: (_effect, current) => archiveRecord(deps.records, current),
    index: (effect, current) => cards.assignments.index(current.id, effect.aadObjectId, effect.as, current),
    indexDepartment: (effect, current) => cards.assignments.indexDepartment(current.id, effect.departmentId),
    waiting: (_effect, current) => trackWaiting(cards, current),
    closeNudges: (effect, current) => closeNudges(cards, current, effect.reach.tenantId),
    register: (_effect, current) => deps.register.sync(current),
    schedule: (effect, current) => reschedule(deps.duties, current, effect.reach),
    refreshCopies: (effect, current) => refreshCopies(cards, current, effect.reach.tenantId, effect.pressed),
    announce: (effect) => announce(cards, effect),
  };
}
