import { InvocationContext } from '@azure/functions';
import { QueueClient, type DequeuedMessageItem } from '@azure/storage-queue';
import { CronExpressionParser } from 'cron-parser';
import { randomUUID } from 'node:crypto';
import { triggerOf, type Registration } from './functionHost';

/**
 * Runs the function app's timer and storage-queue triggers the way the Functions host does:
 * timers on their NCRONTAB schedule in UTC (no runOnStartup), queues polled, messages decoded
 * from base64 and parsed as JSON, a failed message tried again and moved to `<queue>-poison`
 * after `maxDequeueCount` (5) tries.
 */
export interface Triggers {
  /** Runs every timer function once now, as if its schedule had fired. */
  fireTimers(): Promise<string[]>;
  /** Handles queue messages until none is visible. */
  drain(): Promise<number>;
  /** How many queue messages have been handled so far, by any poller. */
  handled(): number;
  stop(): void;
}

const maxDequeueCount = 5;
/** host.json `extensions.queues.batchSize`, and the host's default `newBatchThreshold` (half of it). */
const batchSize = 16;
const newBatchThreshold = batchSize / 2;
/**
 * host.json `extensions.queues.maxPollingInterval` (2 s): an empty queue is polled again after 100 ms,
 * then twice as long each time up to this, as the host does; a message found polls again at once.
 */
const maxPollingMs = 2000;
const minPollingMs = 100;

export function startTriggers(
  all: readonly Registration[],
  connectionString: string,
  log: (line: string) => void,
  options: { readonly schedule?: boolean } = {},
): Triggers {
  // Tests fire timers and drain queues themselves (schedule: false); the dev host runs them on schedule too.
  const scheduled = options.schedule !== false;
  const timers = all.filter((r) => triggerOf(r)?.type === 'timerTrigger');
  const queues = all.filter((r) => triggerOf(r)?.type === 'queueTrigger');
  const handles: NodeJS.Timeout[] = [];
  let stopped = false;

  const context = (r: Registration, triggerMetadata: Record<string, unknown> = {}) =>
    new InvocationContext({
      functionName: r.metadata.name,
      invocationId: randomUUID(),
      triggerMetadata,
      logHandler: (level, ...args) => log(`[${r.metadata.name}] ${level}: ${args.map(String).join(' ')}`),
    });

  const fire = async (r: Registration, last?: Date, next?: Date) => {
    const timer = { isPastDue: false, scheduleStatus: { last: last?.toISOString() ?? '', next: next?.toISOString() ?? '', lastUpdated: new Date().toISOString() } };
    try {
      await r.handler(timer, context(r));
    } catch (error) {
      log(`[${r.metadata.name}] failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  };

  for (const r of scheduled ? timers : []) {
    const schedule = String(triggerOf(r)?.schedule);
    const plan = (after: Date) => {
      if (stopped) return;
      const next = CronExpressionParser.parse(schedule, { tz: 'UTC', currentDate: after }).next().toDate();
      handles.push(setTimeout(() => void fire(r, after, next).then(() => plan(next)), Math.max(0, next.getTime() - Date.now())));
    };
    plan(new Date());
  }

  const clients = queues.map((r) => {
    const name = String(triggerOf(r)?.queueName);
    return { r, client: new QueueClient(connectionString, name), poison: new QueueClient(connectionString, `${name}-poison`) };
  });

  let created: Promise<unknown> | undefined;
  let handledEver = 0;

  const handle = async ({ r, client, poison }: (typeof clients)[number], m: DequeuedMessageItem) => {
    const text = Buffer.from(m.messageText, 'base64').toString('utf8');
    let input: unknown = text;
    try {
      input = JSON.parse(text);
    } catch {
      // Not JSON: the handler gets the string, as on Azure.
    }
    try {
      await r.handler(input, context(r, { id: m.messageId, dequeueCount: m.dequeueCount, insertionTime: m.insertedOn }));
      await client.deleteMessage(m.messageId, m.popReceipt);
    } catch (error) {
      log(`[${r.metadata.name}] message ${m.messageId} failed (try ${m.dequeueCount}): ${error instanceof Error ? error.message : String(error)}`);
      if (m.dequeueCount >= maxDequeueCount) {
        await poison.createIfNotExists();
        await poison.sendMessage(m.messageText);
        await client.deleteMessage(m.messageId, m.popReceipt);
      } else {
        await client.updateMessage(m.messageId, m.popReceipt, undefined, 1);
      }
    }
  };

  /**
   * Handles one queue's messages as the host does (host.json `batchSize` 16, `newBatchThreshold`
   * its default of half that): a batch is fetched whenever at most 8 messages are in hand, each
   * message handled on its own, so at most 24 at once; returns how many were handled once none is
   * visible and none is in hand.
   */
  const feed = async (queue: (typeof clients)[number]): Promise<number> => {
    created ??= Promise.all(clients.map(({ client }) => client.createIfNotExists())).catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    await created;
    let handled = 0;
    const inHand = new Set<Promise<void>>();
    try {
      for (;;) {
        if (inHand.size > newBatchThreshold) {
          await Promise.race(inHand);
          continue;
        }
        const { receivedMessageItems: messages } = await queue.client.receiveMessages({ numberOfMessages: batchSize, visibilityTimeout: 30 });
        if (messages.length === 0) {
          if (inHand.size === 0) return handled;
          await Promise.race(inHand);
          continue;
        }
        handled += messages.length;
        handledEver += messages.length;
        for (const m of messages) {
          const handling: Promise<void> = handle(queue, m).finally(() => inHand.delete(handling));
          inHand.add(handling);
        }
      }
    } finally {
      await Promise.allSettled(inHand);
    }
  };
  const feedAll = async () => (await Promise.all(clients.map(feed))).reduce((a, b) => a + b, 0);

  let polling: Promise<unknown> = Promise.resolve();
  let idleMs = 0;
  const poll = () => {
    if (stopped) return;
    polling = feedAll()
      .catch((error: unknown) => log(`queue poll failed: ${error instanceof Error ? error.message : String(error)}`))
      .then((n) => {
        idleMs = n ? 0 : Math.min(maxPollingMs, Math.max(minPollingMs, idleMs * 2));
        handles.push(setTimeout(poll, idleMs));
      });
  };
  if (scheduled && clients.length > 0) poll();

  return {
    fireTimers: async () => {
      for (const r of timers) await fire(r);
      return timers.map((r) => r.metadata.name);
    },
    handled: () => handledEver,
    drain: async () => {
      const before = handledEver;
      await polling;
      await feedAll();
      return handledEver - before;
    },
    stop: () => {
      stopped = true;
      handles.forEach(clearTimeout);
    },
  };
}
