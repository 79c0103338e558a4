import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsAppInstalls } from '../../dev/teamsApps';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** Random trouble, as Teams has on a bad day; decided per request from a seeded generator. */
export interface Chaos {
  readonly seed: number;
  /** Share of sends answered 429 with Retry-After. */
  readonly throttled: number;
  /** Share answered 500, 502, 503, 504 or 412. */
  readonly serverErrors: number;
  /** Share never answered (the request is dropped, nothing is posted). */
  readonly timeouts: number;
  /** Share posted at once but answered only after `slowMs` (Teams took it; the answer is late). */
  readonly slow?: number;
  readonly slowMs?: number;
  readonly retryAfterSeconds?: number;
}

/** Teams' rate limits, enforced like the Bot Connector: over the limit in any sliding window → 429. */
export interface Limits {
  readonly perConversation: number;
  readonly perApp: number;
  readonly windowMs: number;
  readonly retryAfterSeconds: number;
}

/** A small seeded generator (mulberry32), so a chaotic run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestConnector {
  /** Goes into an activity's serviceUrl, so the bot's replies come here. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Requests refused by `refuse` or `failNext`, in order. */
  readonly refusals: ConnectorCall[];
  /** The activities the bot sent or replied, in order. */
  sent(): Record<string, unknown>[];
  /**
   * The next `count` activities sent are refused with `status`. (A 5xx is retried by the
   * connector client itself, so a 4xx such as 400 is what reaches the bot as a failure.)
   */
  failNext(count: number, status?: number): void;
  /** Every request whose path matches `pattern` (and of `method`, if given) is refused with `status` until `allow()`. */
  refuse(pattern: RegExp, status: number, method?: string): void;
  allow(): void;
  /** From now on, sends meet random trouble (undefined: none). */
  chaos(chaos: Chaos | undefined): void;
  /** From now on, sends over Teams' limits are refused with 429 (undefined: no limits). */
  limit(limits: Limits | undefined): void;
  /** What the connector refused or dropped, by kind. */
  readonly trouble: Record<'throttled' | 'serverError' | 'timeout' | 'slow' | 'overLimit', number>;
  /** The cards sent to a conversation, in order (new messages only, not updates). */
  cardsTo(conversationId: string): Record<string, unknown>[];
  /** The updates of a message in a conversation (PUT), in order. */
  updatesOf(conversationId: string, activityId: string): Record<string, unknown>[];
  /**
   * The first card sent to a conversation that `matches`, once it has come (a card an effect sends
   * comes after the turn, from the queue), and when it was seen (performance.now()). Looks every 10 ms
   * until it comes (in a test, jest's own limit catches a hang; the bench gives a number of `tries`).
   */
  cardArriving(conversationId: string, matches: (card: Record<string, unknown>) => boolean, tries?: number): Promise<{ card: Record<string, unknown>; seenAt: number }>;
  close(): Promise<void>;
}

/** Whom the app is installed for (dev/teamsApps.ts), when the connector should ask. */
export type Installs = Pick<TeamsAppInstalls, 'has' | 'userOfChat'>;

/**
 * A stand-in for the Bot Connector service that records what the bot sends and answers like
 * the real one (an id for each activity). Nothing more: the bot under test is the real one.
 * With `installs`, it creates a chat with someone, or sends into their chat with the app, only if
 * the app is installed for them, as Teams does (403 otherwise); without, it reaches everyone.
 */
export async function startConnector(options: { readonly installs?: Installs } = {}): Promise<TestConnector> {
  const { installs } = options;
  const calls: ConnectorCall[] = [];
  const refusals: ConnectorCall[] = [];
  let next = 0;
  let failures = 0;
  let failureStatus = 400;
  let refused: { pattern: RegExp; status: number; method?: string } | undefined;
  let chaos: { settings: Chaos; random: () => number } | undefined;
  let limits: Limits | undefined;
  const trouble = { throttled: 0, serverError: 0, timeout: 0, slow: 0, overLimit: 0 };
  const recent = new Map<string, number[]>();
  const hung = new Set<ServerResponse>();
  /** Whether one more send to `conversation` fits the limits now; counts it if so. */
  const withinLimits = (conversation: string): boolean => {
    if (!limits) return true;
    const now = performance.now();
    const windows = [`app`, conversation].map((key) => {
      const times = (recent.get(key) ?? []).filter((t) => t > now - (limits as Limits).windowMs);
      recent.set(key, times);
      return times;
    });
    const [app = [], mine = []] = windows;
    if (app.length >= limits.perApp || mine.length >= limits.perConversation) return false;
    app.push(now);
    mine.push(now);
    return true;
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const sending = req.method === 'POST' && /^\/v3\/conversations(\/[^/]+\/activities(\/[^/]+)?)?\/?$/.test((req.url ?? '').split('?')[0] ?? '');
      if (sending && chaos) {
        const roll = chaos.random();
        const { throttled, serverErrors, timeouts, slow = 0, slowMs = 0, retryAfterSeconds = 0 } = chaos.settings;
        if (roll < timeouts) {
          trouble.timeout++;
          hung.add(res);
          return;
        }
        if (roll >= 1 - slow) {
          trouble.slow++;
          calls.push({ method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : {} });
          const id = `sent-${++next}`;
          setTimeout(() => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ id }));
          }, slowMs);
          return;
        }
        if (roll < timeouts + throttled) {
          trouble.throttled++;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) });
          res.end(JSON.stringify({ error: { code: 'Throttled', message: 'too many requests' } }));
          return;
        }
        if (roll < timeouts + throttled + serverErrors) {
          trouble.serverError++;
          res.writeHead([500, 502, 503, 504, 412][Math.floor(chaos.random() * 5)] ?? 500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'try again' } }));
          return;
        }
      }
      if (sending && limits && !withinLimits(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? 'create')) {
        trouble.overLimit++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limits.retryAfterSeconds) });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'over the rate limit' } }));
        return;
      }
      if (sending && installs && !installedFor(installs, req.url ?? '', raw)) {
        refusals.push({ method: req.method ?? '', path: req.url ?? '', body: {} });
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
        return;
      }
      if (refused?.pattern.test(req.url ?? '') && (!refused.method || refused.method === req.method)) {
        refusals.push({ method: req.method ?? '', path: req.url ?? '', body: {} });
        res.writeHead(refused.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'refused by the test' } }));
        return;
      }
      if (failures > 0 && /\/activities/.test(req.url ?? '')) {
        refusals.push({ method: req.method ?? '', path: req.url ?? '', body: {} });
        failures--;
        res.writeHead(failureStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'connector refused' } }));
        return;
      }
      calls.push({ method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    refusals,
    failNext: (count, status = 400) => {
      failures = count;
      failureStatus = status;
    },
    refuse: (pattern, status, method) => {
      refused = { pattern, status, method };
    },
    allow: () => {
      refused = undefined;
    },
    chaos: (settings) => {
      chaos = settings && { settings, random: seeded(settings.seed) };
    },
    limit: (settings) => {
      limits = settings;
      recent.clear();
    },
    trouble,
    cardsTo: (conversationId) =>
      calls
        .filter((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
        .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content)),
    updatesOf: (conversationId, activityId) =>
      calls
        .filter((c) => c.method === 'PUT' && c.path === `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`)
        .map((c) => c.body),
    sent: () => calls.filter((c) => c.method === 'POST' && /\/activities/.test(c.path)).map((c) => c.body),
    cardArriving: async (conversationId, matches, tries = Infinity) => {
      for (let i = 0; i < tries; i++) {
        const card = calls
          .filter((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
          .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content))
          .find(matches);
        if (card) return { card, seenAt: performance.now() };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no such card came to ${conversationId}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether Teams would take this send: a new chat with someone, or a message in someone's chat with the app, needs the app installed for them. */
function installedFor(installs: Installs, url: string, raw: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (/^\/v3\/conversations\/?$/.test(path)) {
    const members = (JSON.parse(raw || '{}') as { members?: { id?: string }[] }).members ?? [];
    return members.every((m) => !m.id || installs.has(m.id));
  }
  const conversation = decodeURIComponent(/^\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? '');
  const user = installs.userOfChat(conversation);
  return user === undefined || installs.has(user);
}
