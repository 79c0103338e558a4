import { createServer } from 'node:net';
import type { FunctionServer } from '../../dev/functionHost';
import { startFunctionApp } from '../support/functionApp';

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /api/health', () => {
  let app: FunctionServer;
  afterEach(() => app.close());

  it('answers 200 when storage is reachable', async () => {
    app = await startFunctionApp();
    const response = await fetch(`${app.url}/api/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with a reason when storage is down', async () => {
    const port = await closedPort();
    app = await startFunctionApp({
      AzureWebJobsStorage: (process.env.AzureWebJobsStorage ?? '').replace(/TableEndpoint=http:\/\/[^/]+/, `TableEndpoint=http://127.0.0.1:${port}`),
    });
    const response = await fetch(`${app.url}/api/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('table storage did not answer') });
  });
});
