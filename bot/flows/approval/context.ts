import { DateTime } from 'luxon';
import type { Approvers } from '../../domain/approval';
import type { Assignment } from '../../domain/assignment';
import type { AuditRecord } from '../../domain/auditRecord';
import { passiveSince, type DutySettings } from '../../domain/duties';
import type { Locale } from '../../domain/locale';
import type { AssignmentStore } from '../../store/assignments';
import type { AuditRecords } from '../../store/auditRecords';
import type { ConversationReferences } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { Messenger } from '../messenger';
import { loadView } from '../shared/planView';
import { currentApprover } from '../shared/approvers';
import type { ApprovalContext } from './view';

/** What approval cards read, wherever they are drawn: a press's answer or a card sent by an effect. */
export interface ApprovalDeps {
  readonly clock: () => Date;
  readonly dutySettings: DutySettings;
  readonly assignments: AssignmentStore;
  readonly audit: AuditRecords;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly messenger: Messenger;
  readonly platforms: readonly string[];
  readonly forcedLocale?: Locale;
}

/** Everything an approval card needs, for one language; `history`, when the caller has the assignment's audit records already. */
export async function approvalContext(deps: ApprovalDeps, state: Assignment, locale: Locale, approvers: Approvers, tenantId: string, known?: readonly AuditRecord[]): Promise<ApprovalContext> {
  const approverAad = currentApprover(state, approvers);
  const [view, history, versions, approverRef] = await Promise.all([
    loadView(deps, locale, { assignments: [state], people: [approverAad] }),
    known ?? deps.audit.history(state.id),
    state.planVersion > 1 ? deps.assignments.versions(state.id) : Promise.resolve([]),
    approverAad ? deps.conversations.user(tenantId, approverAad) : Promise.resolve(undefined),
  ]);
  return {
    passiveSince: passiveSince(state, DateTime.fromJSDate(deps.clock()), deps.dutySettings),
    view,
    history,
    previous: versions.find((v) => v.version === state.planVersion - 1)?.plan,
    communicatorAadObjectId: approvers.communicator,
    approvers,
    approver: approverAad ? { aadObjectId: approverAad, userId: approverRef?.userId ?? approverAad } : undefined,
  };
}
