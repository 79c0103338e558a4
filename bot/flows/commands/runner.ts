import { decide, evolve, type Assignment, type Command, type Event, type Refusal } from '../../domain/assignment';
import { auditRecordsOf, type AuditRecord } from '../../domain/auditRecord';
import { ETagConflict } from '../../errors';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { Reach } from '../../store/conversations';
import type { Outbox } from '../../store/outbox';
import type { Stored } from '../../store/repository';
import { effectsOf } from './effects';

/** How a command ended: accepted with its events and the new state, refused by the rules, or lost to a change made meanwhile. */
export type Outcome =
  | { readonly ok: true; readonly events: readonly Event[]; readonly state: Assignment; readonly audit: readonly AuditRecord[] }
  | ({ readonly ok: false } & (Refusal | { readonly reason: 'conflict' }));

export interface RunOptions {
  /** The assignment the command is about (a new id for StartPlan). */
  readonly id: string;
  /** The assignment as the caller already read it, to save reading it again. */
  readonly loaded?: Stored<Assignment>;
  /** Where the people the change concerns are reached. */
  readonly reach: Reach;
  /** The card whose button made the change (its activity id): the press's answer changes it, no effect does. */
  readonly pressed?: string;
}

export interface CommandDeps {
  readonly assignments: Pick<AssignmentStore, 'get' | 'commit'>;
  readonly outbox: Pick<Outbox, 'mark'>;
  /** Hands the change's effects to the effects queue, off the turn; the outbox and its sweep guarantee them anyway. */
  readonly queueEffects: (assignmentId: string) => Promise<void>;
  readonly log: Log;
}

/** Tries before a command that keeps losing the race is answered "the card was no longer current". */
const attempts = 3;

/**
 * The one way an assignment changes (emmett's handleCommand): load it, decide the command on it,
 * and store the new state, the audit rows of its decisions and an outbox row per effect in one
 * transaction; then hand the effects to the queue, so the press is answered at once. A lost race is answered here and nowhere else: read
 * again and decide again, a few times, or report a conflict.
 */
export async function runCommand(deps: CommandDeps, command: Command, options: RunOptions): Promise<Outcome> {
  let stored = options.loaded ?? (await deps.assignments.get(options.id));
  for (let attempt = 1; ; attempt++) {
    const decision = decide(command, stored?.value);
    if (!decision.ok) return decision;
    const state = decision.events.reduce<Assignment | undefined>(evolve, stored?.value) as Assignment;
    // A plan sent, a change of it (R6), or a version the chief corrected before approving (R1), is frozen as that version.
    const submitted = decision.events.find((e) => e.type === 'PlanSubmitted' || e.type === 'ChangeSubmitted' || e.type === 'PlanCorrected');
    const audit = auditRecordsOf(decision.events, state, command.meta);
    const outbox = effectsOf(decision.events, state, options.reach, audit, options.pressed);
    try {
      // The marker first: should the process stop after the transaction, the sweep finds the outbox.
      if (outbox.length > 0) await deps.outbox.mark(state.id, state.revision, command.meta.now);
      await deps.assignments.commit({
        state,
        etag: stored?.etag,
        ...(submitted ? { frozen: { assignmentId: state.id, version: submitted.version, submittedAt: submitted.at, plan: submitted.plan } } : {}),
        audit,
        outbox,
      });
    } catch (error) {
      if (!(error instanceof ETagConflict)) throw error;
      deps.log.info('command_conflict', { assignmentId: options.id, command: command.type, attempt });
      if (attempt >= attempts) return { ok: false, reason: 'conflict' };
      stored = await deps.assignments.get(options.id);
      continue;
    }
    if (outbox.length > 0) await deps.queueEffects(state.id);
    return { ok: true, events: decision.events, state, audit };
  }
}
