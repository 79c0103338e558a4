import { setTimeout as sleep } from 'node:timers/promises';

/** Teams' limits for a bot's messages (7 per second per conversation, 50 per second per app and tenant). */
export interface SendLimits {
  readonly perConversation: number;
  readonly perApp: number;
  /** The window the counts are over, in milliseconds (Teams: one second). */
  readonly windowMs: number;
}

export const teamsLimits: SendLimits = { perConversation: 7, perApp: 50, windowMs: 1000 };

/**
 * The app's sending time, shared by every instance of the app (bot/store/sendBudget.ts keeps it in
 * Table storage; `LocalBudget` is the same for a single process): a line on the clock that
 * instances lease stretches of, one after another, so that together they never send faster than
 * the app may.
 */
export interface SendBudget {
  /** Leases `durationMs` of sending time from `now` on, or from the end of what was leased before; its start (epoch ms). */
  lease(durationMs: number, now: number): Promise<number>;
  /** Teams answered 429: no lease starts before `until` (epoch ms), for any instance. */
  pause(until: number): Promise<void>;
}

/** A budget for one process alone: tests, and a host that runs a single instance. */
export class LocalBudget implements SendBudget {
  private next = 0;

  async lease(durationMs: number, now: number): Promise<number> {
    const start = Math.max(this.next, now);
    this.next = start + durationMs;
    return start;
  }

  async pause(until: number): Promise<void> {
    this.next = Math.max(this.next, until);
  }
}

/** Each send's slot is this much longer than the limit allows: requests reach Teams a moment after they leave. */
const margin = 0.04;
/** The most slots leased at once: what an instance leases and then has no send for is lost to the others. */
const maxLease = 10;

/**
 * Holds each send back until it fits under Teams' limits as the Bot Connector counts them (any
 * sliding window), so sends are spread out rather than refused with 429. The app's limit is kept
 * across instances: each leases slots `windowMs / perApp` apart from the shared budget and sends
 * in them, so in any window there are never more than `perApp` sends of all instances together;
 * a slot is given up rather than used late: one already a quarter of the margin past when taken (so
 * sends keep to their slots, and jitter on the way to Teams rarely makes a 429), and one whose wait
 * ended more than the whole margin late (so the instant a send is counted at is never past what the
 * limit allows). A 429 pauses the budget for everyone (`pause`). The per-conversation limit is kept per process: one person's card goes
 * out from one instance at a time. Written here because the usual libraries' token buckets allow
 * a burst of twice the limit across a window's edge, and none shares its budget this way.
 */
export class Throttle {
  private readonly byConversation = new Map<string, number[]>();
  /** Slots leased and not yet used, ascending (epoch ms). */
  private slots: number[] = [];
  private leasing: Promise<void> | undefined;
  /** Sends in `acquire` now: how many slots this process could use soon. */
  private pending = 0;
  private readonly spacing: number;
  private readonly lateness: number;
  /** The per-conversation windows count a little long too. */
  private readonly windowMs: number;

  constructor(
    private readonly limits: SendLimits = teamsLimits,
    private readonly budget: SendBudget = new LocalBudget(),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.spacing = (limits.windowMs * (1 + margin)) / limits.perApp;
    this.lateness = (limits.windowMs * margin) / 4;
    this.windowMs = limits.windowMs * (1 + margin);
  }

  /** Resolves when one more send to `conversation` is allowed; counts it, at the instant it resolves with. */
  async acquire(conversation: string): Promise<number> {
    this.pending++;
    try {
      return await this.acquiring(conversation);
    } finally {
      this.pending--;
    }
  }

  private async acquiring(conversation: string): Promise<number> {
    for (;;) {
      const roomAt = this.roomIn(conversation);
      if (roomAt > 0) {
        await sleep(Math.ceil(roomAt));
        continue;
      }
      const slot = await this.slot();
      const wait = slot - this.now();
      if (wait > 0) await sleep(wait);
      // One instant for the checks and the count: a send counted a moment after it was checked could land
      // a hair past the margin, and the next window would then hold one send too many.
      const t = this.now();
      // Woken the whole margin late or more (a busy event loop), the slot is lost: sending now could crowd the next ones.
      if (t - slot >= this.limits.windowMs * margin) continue;
      // Another send to the same conversation may have taken the room meanwhile; the slot is then lost.
      if (this.roomIn(conversation, t) > 0) continue;
      const mine = this.byConversation.get(conversation) ?? [];
      mine.push(t);
      this.byConversation.set(conversation, mine);
      return t;
    }
  }

  /** Teams answered 429 with Retry-After: nobody on this budget sends before it is over. */
  async pause(retryAfterMs: number): Promise<void> {
    this.slots = [];
    await this.budget.pause(this.now() + retryAfterMs);
  }

  /** How long until `conversation` has room for one more send (0: now). */
  private roomIn(conversation: string, t = this.now()): number {
    const mine = this.byConversation.get(conversation);
    if (!mine) return 0;
    while (mine.length > 0 && (mine[0] ?? 0) <= t - this.windowMs) mine.shift();
    if (mine.length === 0) {
      this.byConversation.delete(conversation);
      return 0;
    }
    return mine.length < this.limits.perConversation ? 0 : (mine[mine.length - this.limits.perConversation] ?? t) + this.windowMs - t;
  }

  /** The next leased slot still usable, leasing more (one lease at a time, for everyone waiting) when none is left. */
  private async slot(): Promise<number> {
    for (;;) {
      const t = this.now();
      while (this.slots.length > 0 && (this.slots[0] ?? 0) < t - this.lateness) this.slots.shift();
      const slot = this.slots.shift();
      if (slot !== undefined) return slot;
      this.leasing ??= this.leaseMore().finally(() => (this.leasing = undefined));
      await this.leasing;
    }
  }

  /** Leases as many slots as sends are waiting here, whether for a slot or for the slot they hold, up to `maxLease`. */
  private async leaseMore(): Promise<void> {
    const count = Math.min(maxLease, Math.max(1, this.pending));
    const start = await this.budget.lease(count * this.spacing, this.now());
    for (let i = 0; i < count; i++) this.slots.push(start + i * this.spacing);
  }
}
