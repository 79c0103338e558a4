import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The floor of the register part (bench/registerFlood.ts), in a process of its own as the dev host
 * is: a plain static file server over one folder, doing per request what one does (stat the file,
 * an ETag from its size and time, 304 to a client that has it, else the file streamed from disk).
 * Sends its port to the parent once it listens.
 */
const folder = process.argv[2] ?? '.';

const server = createServer((request, response) => {
  const file = path.join(folder, path.basename(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')));
  stat(file).then(
    (found) => {
      const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size, ETag: etag, 'Cache-Control': 'public, max-age=300' });
      createReadStream(file).pipe(response);
    },
    () => {
      response.writeHead(404);
      response.end();
    },
  );
});

server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
process.on('disconnect', () => server.close(() => process.exit(0)));
