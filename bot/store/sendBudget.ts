import type { TableClient } from '@azure/data-tables';
import { setTimeout as sleep } from 'node:timers/promises';
import { ETagConflict } from '../errors';
import type { SendBudget } from '../notify/throttle';
import { orConflict, unlessMissing } from './statuses';
import type { Tables } from './tables';

/** One row for the app: Teams counts a bot's sends per app (and tenant), whichever instance sends. */
const key = { partitionKey: 'teams', rowKey: 'app' };

/**
 * The app's sending time in Table storage (table `throttle`), so that every instance of the queue
 * function shares Teams' 50 sends a second instead of each taking them all (issue 21, P3): the row
 * holds the instant up to which sending time is leased, and a lease moves it on under its ETag. A
 * 429 moves it past the Retry-After, which pauses every instance at its next lease. An instance
 * writes once per lease of up to ten sends, and reads only when another instance wrote since.
 */
export class SharedSendBudget implements SendBudget {
  private readonly table: TableClient;
  /** The row as this instance last wrote or read it. */
  private known: { readonly next: number; readonly etag: string } | undefined;

  constructor(tables: Tables) {
    this.table = tables.client('throttle');
  }

  async lease(durationMs: number, now: number): Promise<number> {
    let start = now;
    await this.move((next) => {
      start = Math.max(next, now);
      return start + durationMs;
    });
    return start;
  }

  async pause(until: number): Promise<void> {
    await this.move((next) => Math.max(next, until));
  }

  /** Moves the row's instant as `to` says, from its value as it is: read again and retried when another instance moved it first. */
  private async move(to: (next: number) => number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const known = this.known ?? (await this.read());
      const next = to(known?.next ?? 0);
      try {
        const write = known ? this.table.updateEntity({ ...key, next }, 'Replace', { etag: known.etag }) : this.table.createEntity({ ...key, next });
        const { etag } = await orConflict(write, 'throttle', 'teams/app');
        this.known = { next, etag: etag ?? '' };
        return;
      } catch (error) {
        this.known = undefined;
        if (!(error instanceof ETagConflict) || attempt >= 50) throw error;
        // Others lease at the same moment: a short random wait spreads the next tries.
        await sleep(Math.random() * 5 * Math.min(attempt, 10));
      }
    }
  }

  private async read(): Promise<{ next: number; etag: string } | undefined> {
    const row = await unlessMissing(this.table.getEntity<{ next?: number }>(key.partitionKey, key.rowKey));
    return row && { next: Number(row.next ?? 0), etag: row.etag };
  }
}
