import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export interface TestConnector {
  /** Goes into an activity's serviceUrl, so the bot's replies come here. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** The activities the bot sent or replied, in order. */
  sent(): Record<string, unknown>[];
  /**
   * The next `count` activities sent are refused with `status`. (A 5xx is retried by the
   * connector client itself, so a 4xx such as 400 is what reaches the bot as a failure.)
   */
  failNext(count: number, status?: number): void;
  /** Every request whose path matches `pattern` is refused with `status` until `allow()`. */
  refuse(pattern: RegExp, status: number): void;
  allow(): void;
  /** The cards sent to a conversation, in order (new messages only, not updates). */
  cardsTo(conversationId: string): Record<string, unknown>[];
  /** The updates of a message in a conversation (PUT), in order. */
  updatesOf(conversationId: string, activityId: string): Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * A stand-in for the Bot Connector service that records what the bot sends and answers like
 * the real one (an id for each activity). Nothing more: the bot under test is the real one.
 */
export async function startConnector(): Promise<TestConnector> {
  const calls: ConnectorCall[] = [];
  let next = 0;
  let failures = 0;
  let failureStatus = 400;
  let refused: { pattern: RegExp; status: number } | undefined;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (refused?.pattern.test(req.url ?? '')) {
        res.writeHead(refused.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'refused by the test' } }));
        return;
      }
      if (failures > 0 && /\/activities/.test(req.url ?? '')) {
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
    failNext: (count, status = 400) => {
      failures = count;
      failureStatus = status;
    },
    refuse: (pattern, status) => {
      refused = { pattern, status };
    },
    allow: () => {
      refused = undefined;
    },
    cardsTo: (conversationId) =>
      calls
        .filter((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`))
        .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content)),
    updatesOf: (conversationId, activityId) =>
      calls
        .filter((c) => c.method === 'PUT' && c.path === `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`)
        .map((c) => c.body),
    sent: () => calls.filter((c) => c.method === 'POST' && /\/activities/.test(c.path)).map((c) => c.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
