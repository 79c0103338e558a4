import type { SealedAudit } from '../../store/sealedAudit';
import type { RegisterStore } from '../../store/register';
import { announce, refreshCopies, type AnnounceDeps } from '../approval/announce';
import { closeNudges, type FollowDutyDeps } from '../duties/closeNudges';
import { reschedule, type ScheduleDeps } from '../duties/schedule';
import { remindOwner } from '../duties/remind';
import { archiveRecord, type RecordDeps } from '../records/handlers';
import type { Assignment } from '../../domain/assignment';
import { approversFor, trackWaiting } from '../shared/approvers';
import type { EffectHandlers, Once } from './outbox';

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
  // Who decides on the assignment, from the directory: read once for all the effects of one run.
  const deciders = (current: Assignment, once: Once) => once('approvers', () => approversFor(cards.directory, current));
  return {
    seal: async (_effect, current) => deps.auditTrail.append(current.id, await cards.audit.history(current.id)),
    archiveRecord: (_effect, current) => archiveRecord(deps.records, current),
    index: (effect, current) => cards.assignments.index(current.id, effect.aadObjectId, effect.as, current),
    indexDepartment: (effect, current) => cards.assignments.indexDepartment(current.id, effect.departmentId),
    waiting: async (_effect, current, once) => trackWaiting(cards, current, await deciders(current, once)),
    closeNudges: async (effect, current, once) => closeNudges(cards, current, effect.reach.tenantId, await deciders(current, once)),
    register: (_effect, current) => deps.register.sync(current),
    schedule: async (effect, current, once) => reschedule(deps.duties, current, effect.reach, await deciders(current, once)),
    refreshCopies: async (effect, current, once) => refreshCopies(cards, current, effect.reach.tenantId, effect.pressed, await deciders(current, once)),
    remindOwner: async (effect, current, once) => remindOwner(cards, current, effect, await deciders(current, once)),
    // An announcement is of the change it was made for: who decided then, unless that is the assignment as it is now.
    announce: async (effect, current, once) => announce(cards, effect, effect.state.revision === current.revision ? await deciders(current, once) : undefined),
  };
}
