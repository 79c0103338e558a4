import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where Teams keeps a file sent in the chat, as its download URL: serves what a test puts there. */
export interface FileServer {
  /** Serves `bytes` under a new name; its URL. */
  serve(bytes: Buffer): string;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const served = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serve: (bytes) => {
      const path = `/${randomUUID()}.pdf`;
      served.set(path, bytes);
      return `${base}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
