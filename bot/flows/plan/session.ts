import type { Locale } from '../../domain/locale';
import { decide, evolve, type Assignment, type Command, type Decision, type Event, type PersonRef } from '../../domain/assignment';
import type { AuditLog } from '../../store/audit';
import type { AssignmentStore } from '../../store/assignments';
import type { DirectoryStore } from '../../store/directory';
import type { PlanView } from './view';

/** What the plan flow needs, handed in at the composition root. */
export interface PlanDeps {
  readonly assignments: AssignmentStore;
  readonly audit: AuditLog;
  readonly directory: DirectoryStore;
  readonly platforms: readonly string[];
  readonly clock: () => Date;
  readonly newId: () => string;
}

export async function loadView(deps: PlanDeps, locale: Locale): Promise<PlanView> {
  const [departments, people] = await Promise.all([deps.directory.allDepartments(), deps.directory.everyone()]);
  return { locale, departments, people, platforms: deps.platforms };
}

/** Events that are decisions, and so go to the audit log (R4); saving a step is not one. */
const audited = new Set<Event['type']>(['PlanStarted', 'PlanSubmitted', 'DraftCancelled']);

/**
 * Decides the command on the stored assignment and, if accepted, stores the result with the ETag
 * it was read with (an ETagConflict if someone else got there first), freezes a submitted plan
 * in the same transaction, and records the decision in the audit log.
 */
export async function carryOut(
  deps: PlanDeps,
  command: Command,
  stored: { value: Assignment; etag: string } | undefined,
): Promise<Decision & { readonly state?: Assignment }> {
  const decision = decide(command, stored?.value);
  if (!decision.ok) return decision;
  const state = decision.events.reduce<Assignment | undefined>(evolve, stored?.value) as Assignment;
  const submitted = decision.events.find((e) => e.type === 'PlanSubmitted');
  if (!stored) await deps.assignments.create(state);
  else if (submitted?.type === 'PlanSubmitted') {
    await deps.assignments.submit(state, stored.etag, { assignmentId: state.id, version: submitted.version, submittedAt: submitted.at, plan: submitted.plan });
  } else await deps.assignments.save(state, stored.etag);
  for (const event of decision.events.filter((e) => audited.has(e.type))) {
    await deps.audit.append({
      assignmentId: state.id,
      revision: state.revision,
      type: event.type,
      actorAadObjectId: command.meta.actor.aadObjectId,
      actorName: command.meta.actor.name,
      role: 'applicant',
      at: command.meta.now,
      version: state.version,
    });
  }
  return { ...decision, state };
}

export const metaOf = (deps: PlanDeps, actor: PersonRef) => ({ actor, now: deps.clock().toISOString() });
