import { LocalBudget, Throttle } from '../../bot/notify/throttle';
import { SharedSendBudget } from '../../bot/store/sendBudget';
import { connectTables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';

/** The most sends that fell in any window of `windowMs`. */
const busiest = (times: readonly number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe('the send throttle (Teams: 7 per second per conversation, 50 per second per app)', () => {
  it('never lets more than the limit into any sliding window of one conversation, and spreads the rest out', async () => {
    const throttle = new Throttle({ perConversation: 7, perApp: 1000, windowMs: 100 });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 21 }, async () => {
      // The instant the throttle counted the send: what it promises about, whatever the event loop does after.
      times.push(await throttle.acquire('personal-elin'));
    }));
    expect(busiest(times, 100)).toBeLessThanOrEqual(7);
    // 21 sends at 7 per window need at least two more windows after the first burst.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(190);
  });

  it('counts every conversation against the app limit, and conversations do not wait for each other below it', async () => {
    const throttle = new Throttle({ perConversation: 7, perApp: 10, windowMs: 100 });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 30 }, async (_, i) => {
      times.push(await throttle.acquire(`personal-${i}`));
    }));
    expect(busiest(times, 100)).toBeLessThanOrEqual(10);
    // Below the app's limit nobody waits for another conversation's window: one send each to 40 people,
    // with a window of a minute per conversation, all go in the first window (a throttle that made them
    // wait for each other would spread them over 40 minutes; a slow machine only makes the first window busier).
    const quick = new Throttle({ perConversation: 1, perApp: 1000, windowMs: 60_000 });
    const instants: number[] = [];
    for (let i = 0; i < 40; i++) instants.push(await quick.acquire(`personal-${i}`));
    expect(Math.max(...instants) - Math.min(...instants)).toBeLessThan(60_000);
  });

  it('keeps the app limit across instances that share one budget, and a 429 seen by one pauses them all once their slots in hand are spent', async () => {
    const budget = new LocalBudget();
    const instances = Array.from({ length: 4 }, () => new Throttle({ perConversation: 7, perApp: 20, windowMs: 200 }, budget));
    const times: number[] = [];
    await Promise.all(instances.flatMap((throttle, i) => Array.from({ length: 15 }, async (_, j) => times.push(await throttle.acquire(`personal-${i}-${j}`)))));
    // Each instance alone would allow 20 per window: together they still do not.
    expect(busiest(times, 200)).toBeLessThanOrEqual(20);

    await instances[0]!.pause(300);
    const paused = Date.now();
    // Another instance still sends in the few slots it holds (at most ten), then waits for the pause.
    const after = await Promise.all(Array.from({ length: 11 }, (_, i) => instances[3]!.acquire(`personal-after-${i}`)));
    expect(Math.max(...after) - paused).toBeGreaterThanOrEqual(290);
  });
});

describe('the shared send budget in Table storage', () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  });
  afterAll(() => azurite.stop());

  it('gives instances leasing at the same moment stretches of time that never overlap, and moves them all past a pause', async () => {
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    const instances = Array.from({ length: 4 }, () => new SharedSendBudget(tables));
    const now = Date.now();
    const leases = await Promise.all(instances.flatMap((budget) => Array.from({ length: 5 }, async () => budget.lease(100, now))));
    const sorted = [...leases].sort((a, b) => a - b);
    // Twenty leases of 100 ms from one instant: one after another, whoever won each race.
    expect(sorted).toEqual(Array.from({ length: 20 }, (_, i) => now + i * 100));

    await instances[1]!.pause(now + 10_000);
    expect(await instances[2]!.lease(100, now)).toBe(now + 10_000);
  });
});
