import type { AuditRecord } from '../../domain/auditRecord';
import type { RemovalGround } from '../../domain/removal';
import { texts } from '../../i18n';
import { changedFieldNames } from './planChanges';
import type { PlanView } from './planView';

/** A person's own words, in the language's quotation marks (Swedish: ”…”). */
export const quoted = (locale: PlanView['locale'], text: string) => (locale === 'sv' ? `”${text}”` : `"${text}"`);

/** What someone did, in words, for a line of an assignment's history (the approval card, the record). */
export function historyText(view: PlanView, event: AuditRecord): string {
  const h = texts(view.locale).approval.history;
  switch (event.type) {
    case 'PlanSubmitted':
    case 'PlanCorrected':
      return h[event.type](event.version);
    case 'ChiefAsked':
      return h.ChiefAsked(event.subject ?? '');
    case 'PlanStarted':
    case 'PlanApproved':
    case 'ChangesRequested':
    case 'PlanRejected':
    case 'DraftCancelled':
    case 'AccountClosed':
    case 'AdministrationChanged':
    case 'OwnerChangeProposed':
    case 'OwnerChangeApproved':
    case 'OwnerChangeRejected':
    case 'PlanWithdrawn':
      return h[event.type];
    case 'ApproverAssigned':
    case 'OwnerLeft':
    case 'AdminLeft':
    case 'SubstituteLeft':
    case 'ApplicantLeft':
      return h[event.type](event.subject ?? '');
    case 'ApprovalMoved':
      return h.ApprovalMoved(event.subject);
    case 'ChangeStarted':
    case 'ChangeRequested':
    case 'ChangeRejected':
    case 'ChangeWithdrawn':
      return texts(view.locale).planChange.history[event.type];
    case 'ChangeSubmitted':
      return texts(view.locale).planChange.history.ChangeSubmitted(event.version, changedFieldNames(texts(view.locale), event.changed?.split(',') ?? []).join(', '));
    case 'ChangeApproved':
      return texts(view.locale).planChange.history.ChangeApproved(event.version);
    case 'RemovalRecorded':
      return h.RemovalRecorded(texts(view.locale).removal.grounds[event.ground as RemovalGround] ?? '', event.removedOn ?? '');
    case 'DutyCompleted':
    case 'DutySnoozed':
    case 'ActivityPaused':
    case 'AbsenceRegistered':
    case 'AbsencesForgotten':
    case 'OwnerReminded':
    case 'StepSaved':
    case 'StepOpened':
      return h[event.type];
    default:
      // Never the event's name in code: what someone did, in words.
      return h.other;
  }
}
