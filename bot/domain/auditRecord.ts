import { substituteOn } from './account';
import type { Assignment, CommandMeta, Event } from './assignment';
import { localDate } from './calendar';
import { fieldKey } from './planDiff';

/**
 * An audit record: one decision on an assignment (R4), created once, never changed. Three words, one
 * each: the audit record (this), the audit records kept in tables with the change (store/auditRecords.ts),
 * and the sealed audit, their write-once copy (store/sealedAudit.ts).
 */
export interface AuditRecord {
  readonly assignmentId: string;
  /** The assignment's revision the event produced: orders the log. */
  readonly revision: number;
  readonly type: string;
  readonly actorAadObjectId: string;
  readonly actorName: string;
  /**
   * In which role the actor decided; 'owner' covers whoever closes or changes an active account;
   * 'directory' is Kanalkoll recording what Entra ID showed (a leaver, a new manager); 'retention' is
   * Kanalkoll forgetting personal data whose time is up (GDPR); 'archive' is Kanalkoll keeping a
   * record already in the archive rather than writing another over it.
   */
  readonly role: 'applicant' | 'owner' | 'admin' | 'substitute' | 'chief' | 'communicator' | 'commschief' | 'reporter' | 'registrar' | 'directory' | 'retention' | 'archive';
  readonly at: string;
  readonly version: number;
  readonly comment?: string;
  /** Whom the decision is about, by name: the approver named or moved to, the leaver. */
  readonly subject?: string;
  /** R14: a recorded removal: the day the post was removed and the policy's ground (what was removed is the comment). */
  readonly removedOn?: string;
  readonly ground?: string;
  /** R1, R6: what the chief changed in a draft, or a change of the plan sent changed against the version in force: `step.field`, comma-separated (a table column holds no list). */
  readonly changed?: string;
}

/** Events that are decisions, and so go to the audit log (R4); the applicant saving a step is not one. */
function auditEntry(event: Event, state: Assignment): Pick<AuditRecord, 'role' | 'comment' | 'subject' | 'removedOn' | 'ground' | 'changed'> | undefined {
  switch (event.type) {
    case 'ChiefAsked':
      return { role: 'applicant', subject: event.chief.name };
    case 'PlanCorrected':
      return { role: 'chief' };
    case 'PlanStarted':
    case 'PlanSubmitted':
    case 'DraftCancelled':
    case 'PlanWithdrawn':
      return { role: 'applicant' };
    case 'ApproverAssigned':
      return { role: 'communicator', subject: event.person.name };
    case 'ApprovalMoved':
      return { role: 'directory', ...(event.to ? { subject: event.to.name } : {}) };
    case 'OwnerLeft':
      return { role: 'directory', subject: event.owner.name };
    case 'AdminLeft':
      return { role: 'directory', subject: event.admin.name };
    case 'SubstituteLeft':
      return { role: 'directory', subject: event.substitute.name };
    case 'ApplicantLeft':
      return { role: 'directory', subject: event.applicant.name };
    case 'PlanApproved':
    case 'ChangesRequested':
    case 'PlanRejected':
    case 'OwnerChangeApproved':
    case 'OwnerChangeRejected':
    case 'ChangeApproved':
    case 'ChangeRequested':
    case 'ChangeRejected':
      return { role: event.step, ...(event.comment ? { comment: event.comment } : {}) };
    // R6: a change of the plan is the owner's or their chief's.
    case 'ChangeStarted':
    case 'ChangeWithdrawn':
      return { role: event.by.aadObjectId === state.applicant.aadObjectId ? 'owner' : 'chief' };
    case 'ChangeSubmitted':
      return { role: event.by.aadObjectId === state.applicant.aadObjectId ? 'owner' : 'chief', changed: event.changed.join(',') };
    case 'AccountClosed':
    case 'AdministrationChanged':
    case 'OwnerChangeProposed':
    case 'DutyCompleted':
    case 'ActivityPaused':
    case 'DutySnoozed':
    case 'AbsenceRegistered': {
      const by = event.by.aadObjectId;
      // A closing says in which role (the chief is the owner's manager then, R11); a closing recorded before it did, and the owner's other changes, are told by who made them.
      const closedAs = event.type === 'AccountClosed' ? event.closedAs : undefined;
      const role = by === state.applicant.aadObjectId ? 'owner' : (closedAs ?? (by === state.plan?.who.chiefAadObjectId ? 'chief' : 'communicator'));
      return { role };
    }
    // "Påminn nu": who had the owner reminded, in which role, and of what.
    case 'OwnerReminded':
      return { role: event.as, comment: `${event.duty} ${event.period}` };
    // GDPR: Kanalkoll forgetting what it keeps no longer is on record too.
    case 'AbsencesForgotten':
      return { role: 'retention', comment: event.before };
    case 'RemovalRecorded': {
      const by = event.by.aadObjectId;
      const plan = state.plan?.kind === 'account' ? state.plan : undefined;
      const role = by === state.applicant.aadObjectId ? 'owner' : plan?.administration.admins.includes(by) ? 'admin' : substituteOn(state, by, localDate(event.at)) ? 'substitute' : 'communicator';
      return { role, comment: event.removal.what, removedOn: event.removal.removedOn, ground: event.removal.ground };
    }
    // R1: a step the chief changed is theirs on record; the applicant's own saves are no decisions.
    case 'StepSaved':
      return event.changed?.length ? { role: 'chief', changed: event.changed.map(fieldKey).join(',') } : undefined;
    case 'StepOpened':
      return undefined;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/** The audit records of a change: one per decision among its events, by the command's actor. */
export function auditRecordsOf(events: readonly Event[], state: Assignment, meta: CommandMeta): AuditRecord[] {
  return events.flatMap((event) => {
    const entry = auditEntry(event, state);
    if (!entry) return [];
    // The version the event is about (a change sent or decided on is not the version in force).
    const version = 'version' in event && typeof event.version === 'number' ? event.version : state.planVersion;
    return [{ assignmentId: state.id, revision: state.revision, type: event.type, actorAadObjectId: meta.actor.aadObjectId, actorName: meta.actor.name, at: meta.now, version, ...entry }];
  });
}
