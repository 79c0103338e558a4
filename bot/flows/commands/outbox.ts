import type { Assignment } from '../../domain/assignment';
import type { Log } from '../../log';
import type { AssignmentStore } from '../../store/assignments';
import type { Outbox, PendingEffect } from '../../store/outbox';
import { sendsCards, type Effect } from './effects';

/** What one run of an outbox reads once for all its effects (who decides on the assignment): `once(key, read)`. */
export type Once = <T>(key: string, read: () => Promise<T>) => Promise<T>;

/** How each kind of effect is carried out, given the assignment as stored now (effectHandlers.ts). */
export type EffectHandlers = {
  readonly [K in Effect['kind']]: (effect: Extract<Effect, { kind: K }>, current: Assignment, once: Once) => Promise<void>;
};

export interface OutboxDeps {
  readonly assignments: Pick<AssignmentStore, 'get'>;
  readonly outbox: Outbox;
  readonly effects: EffectHandlers;
  readonly clock: () => Date;
  readonly log: Log;
}

/** How long a runner holds a card-sending effect, and how old a marker is before the sweep takes it. */
export const leaseMs = 60_000;
export const strayAfterMs = 2 * leaseMs;

const later = (clock: () => Date, ms: number) => new Date(clock().getTime() + ms).toISOString();

/**
 * Carries out the effects waiting in an assignment's outbox, oldest first, and removes those done
 * (together, at the end of the run); an effect that fails stays for the next run. Returns how many are left. Safe to run twice
 * and at once: effects are idempotent, and those that send cards are leased and guarded by the
 * record of each card sent.
 */
export async function drainOutbox(deps: OutboxDeps, assignmentId: string): Promise<{ readonly left: number }> {
  // Read before the outbox: a change stored after this read keeps its marker (its revision is newer).
  const stored = await deps.assignments.get(assignmentId);
  const pending = await deps.outbox.pending(assignmentId);
  const now = deps.clock().toISOString();
  let left = 0;
  // Read once per run, handed to every effect that needs it.
  const reads = new Map<string, Promise<unknown>>();
  const once: Once = <T>(key: string, read: () => Promise<T>) => {
    const known = reads.get(key) ?? read();
    reads.set(key, known);
    return known as Promise<T>;
  };
  // Cards go out in the order of the changes: once a card effect of one change waits, those of later
  // changes wait too, so an older announcement never lands after a newer refresh. Within one change
  // they do not wait for each other: a copy Teams cannot update now does not hold up the next approver's card.
  let cardsWaitAfter = Infinity;
  const finished: PendingEffect[] = [];
  for (const row of pending) {
    const effect = row.effect as Effect;
    const cards = sendsCards(effect);
    // A row of a change stored after the read above waits for a run that reads it.
    const skip = !stored || row.revision > stored.value.revision || (cards && row.revision > cardsWaitAfter) || (row.leaseUntil !== undefined && row.leaseUntil > now);
    const claimed = skip ? undefined : cards ? await deps.outbox.claim(assignmentId, row, later(deps.clock, leaseMs)) : row.etag;
    if (!stored || claimed === undefined) {
      left++;
      if (cards) cardsWaitAfter = Math.min(cardsWaitAfter, row.revision);
      continue;
    }
    try {
      await (deps.effects[effect.kind] as (e: Effect, current: Assignment, once: Once) => Promise<void>)(effect, stored.value, once);
      finished.push(row);
    } catch (error) {
      left++;
      if (cards) cardsWaitAfter = Math.min(cardsWaitAfter, row.revision);
      deps.log.warn('effect_failed', { assignmentId, effect: effect.kind, revision: row.revision, error: error instanceof Error ? error.message : String(error) });
      if (cards) {
        await deps.outbox.release(assignmentId, row, claimed).catch((failed: unknown) =>
          deps.log.warn('effect_not_released', { assignmentId, revision: row.revision, error: failed instanceof Error ? failed.message : String(failed) }),
        );
      }
    }
  }
  // Their rows go together, before any marker does: a marker outlives every row it points to.
  await deps.outbox.done(assignmentId, finished);
  if (left === 0 && stored) {
    const stray = new Date(deps.clock().getTime() - strayAfterMs).toISOString();
    for (const marker of await deps.outbox.markers(assignmentId)) {
      // A newer, recent marker belongs to a change still being stored; an old one to a change that never was.
      if (marker.revision <= stored.value.revision || marker.since < stray) await deps.outbox.unmark(marker);
    }
  }
  return { left };
}

/** The assignments whose outbox nobody finished: markers older than a runner's lease. */
export async function strayOutboxes(deps: Pick<OutboxDeps, 'outbox' | 'clock'>): Promise<string[]> {
  const ids = new Set<string>();
  for await (const marker of deps.outbox.stale(new Date(deps.clock().getTime() - strayAfterMs).toISOString())) ids.add(marker.assignmentId);
  return [...ids];
}
