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
  close(): Promise<void>;
}

/**
 * A stand-in for the Bot Connector service that records what the bot sends and answers like
 * the real one (an id for each activity). Nothing more: the bot under test is the real one.
 */
export async function startConnector(): Promise<TestConnector> {
  const calls: ConnectorCall[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
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
    sent: () => calls.filter((c) => c.method === 'POST' && /\/activities/.test(c.path)).map((c) => c.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
