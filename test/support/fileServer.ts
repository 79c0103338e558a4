import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where Teams keeps a file sent in the chat, as its download URL: serves what a test puts there. */
export interface FileServer {
  /** Its origin (http://127.0.0.1:port): the app downloads from it only when told to (KANALKOLL_TEST_FILE_ORIGIN). */
  readonly origin: string;
  /** Serves `bytes` under a new name; its URL. */
  serve(bytes: Buffer): string;
  /** A new URL that answers with a redirect to `to`. */
  redirect(to: string): string;
  /** How many requests it has answered. */
  requests(): number;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const served = new Map<string, Buffer>();
  const redirects = new Map<string, string>();
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const to = redirects.get(req.url ?? '');
    if (to) {
      res.writeHead(302, { location: to });
      res.end();
      return;
    }
    const body = served.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const named = () => `/${randomUUID()}.pdf`;
  return {
    origin,
    serve: (bytes) => {
      const path = named();
      served.set(path, bytes);
      return `${origin}${path}`;
    },
    redirect: (to) => {
      const path = named();
      redirects.set(path, to);
      return `${origin}${path}`;
    },
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
