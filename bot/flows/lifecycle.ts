import { decide, evolve, type Assignment, type Command, type Decision, type Event } from '../domain/assignment';
import type { AuditEvent, AuditLog } from '../store/audit';
import type { AssignmentStore } from '../store/assignments';
import type { Reach } from '../store/conversations';
import type { RegisterStore } from '../store/register';
import type { Stored } from '../store/repository';

export type { Reach } from '../store/conversations';

/** Tells the people concerned what a change means for them (cards, updates); runs after it is stored. */
export type Announce = (events: readonly Event[], state: Assignment, reach: Reach) => Promise<void>;

/** Plans the assignment's next duty nudges after a change (flows/duties/schedule.ts). */
export type Reschedule = (state: Assignment, reach: Reach) => Promise<void>;

export interface LifecycleDeps {
  readonly assignments: AssignmentStore;
  readonly register: RegisterStore;
  readonly audit: AuditLog;
  readonly announce: Announce;
  readonly reschedule: Reschedule;
}

/** Events that are decisions, and so go to the audit log (R4); saving a step is not one. */
function auditEntry(event: Event, state: Assignment): Pick<AuditEvent, 'role' | 'comment'> | undefined {
  switch (event.type) {
    case 'PlanStarted':
    case 'PlanSubmitted':
    case 'DraftCancelled':
      return { role: 'applicant' };
    case 'PlanApproved':
    case 'ChangesRequested':
    case 'PlanRejected':
    case 'OwnerChangeApproved':
    case 'OwnerChangeRejected':
      return { role: event.step, ...(event.comment ? { comment: event.comment } : {}) };
    case 'AccountClosed':
    case 'AdministrationChanged':
    case 'OwnerChangeProposed':
    case 'DutyCompleted':
    case 'ActivityPaused':
    case 'DutySnoozed':
    case 'AbsenceRegistered': {
      const by = event.by.aadObjectId;
      const role = by === state.applicant.aadObjectId ? 'owner' : by === state.plan?.who.chiefAadObjectId ? 'chief' : 'communicator';
      return { role };
    }
    case 'StepSaved':
    case 'StepOpened':
      return undefined;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/**
 * Decides the command on the stored assignment and, if accepted, stores the result with the ETag
 * it was read with (an ETagConflict if someone else got there first, and then nothing more
 * happens), freezes a submitted plan in the same transaction, plans its duty nudges, records
 * the decision in the audit log, and announces it. One path for every change, so none skips a step.
 */
export async function carryOut(
  deps: LifecycleDeps,
  command: Command,
  stored: Stored<Assignment> | undefined,
  reach: Reach,
): Promise<Decision & { readonly state?: Assignment }> {
  const decision = decide(command, stored?.value);
  if (!decision.ok) return decision;
  const state = decision.events.reduce<Assignment | undefined>(evolve, stored?.value) as Assignment;
  const submitted = decision.events.find((e) => e.type === 'PlanSubmitted');
  if (!stored) await deps.assignments.create(state);
  else if (submitted?.type === 'PlanSubmitted') {
    await deps.assignments.submit(state, stored.etag, { assignmentId: state.id, version: submitted.version, submittedAt: submitted.at, plan: submitted.plan });
  } else await deps.assignments.save(state, stored.etag);
  // A new owner finds the account in "mina konton".
  if (decision.events.some((e) => e.type === 'OwnerChangeApproved')) await deps.assignments.index(state);
  // Filling in a draft changes neither the register nor the duties: a draft has neither.
  if (!decision.events.every((e) => e.type === 'StepSaved' || e.type === 'StepOpened')) {
    await deps.register.sync(state);
    await deps.reschedule(state, reach);
  }
  for (const event of decision.events) {
    const entry = auditEntry(event, state);
    if (!entry) continue;
    await deps.audit.append({
      assignmentId: state.id,
      revision: state.revision,
      type: event.type,
      actorAadObjectId: command.meta.actor.aadObjectId,
      actorName: command.meta.actor.name,
      at: command.meta.now,
      version: state.version,
      ...entry,
    });
  }
  await deps.announce(decision.events, state, reach);
  return { ...decision, state };
}
