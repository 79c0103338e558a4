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
 * Holds each send back until it fits under both limits in every sliding window, as the Bot
 * Connector counts them, so sends are spread out rather than refused with 429. Per process: with
 * several instances, a 429 from Teams still slows them down (the sender honours Retry-After).
 * Written here because the token buckets of the usual libraries allow a burst of twice the limit
 * across a window's edge, which a strict sliding window refuses.
 */
export class Throttle {
  private readonly all: number[] = [];
  private readonly byConversation = new Map<string, number[]>();
  /** Each send counts a little longer than the window: requests reach Teams a moment after they leave. */
  private readonly windowMs: number;

  constructor(
    private readonly limits: SendLimits = teamsLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = limits.windowMs * 1.05;
  }

  /** Resolves when one more send to `conversation` is allowed; counts it, at the instant it resolves with. */
  async acquire(conversation: string): Promise<number> {
    for (;;) {
      const t = this.now();
      const mine = this.byConversation.get(conversation) ?? [];
      this.prune(this.all, t);
      this.prune(mine, t);
      const wait = Math.max(this.waitFor(this.all, this.limits.perApp, t), this.waitFor(mine, this.limits.perConversation, t));
      if (wait <= 0) {
        this.all.push(t);
        mine.push(t);
        this.byConversation.set(conversation, mine);
        return t;
      }
      if (mine.length === 0) this.byConversation.delete(conversation);
      await sleep(Math.ceil(wait));
    }
  }

  private prune(times: number[], t: number): void {
    while (times.length > 0 && (times[0] ?? 0) <= t - this.windowMs) times.shift();
  }

  private waitFor(times: readonly number[], limit: number, t: number): number {
    return times.length < limit ? 0 : (times[times.length - limit] ?? t) + this.windowMs - t;
  }
}
