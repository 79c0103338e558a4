import { Throttle } from '../../bot/notify/throttle';

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
    const quick = new Throttle({ perConversation: 7, perApp: 50, windowMs: 1000 });
    const started = performance.now();
    for (let i = 0; i < 40; i++) await quick.acquire(`personal-${i}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
