import { freePort } from '../../dev/freePort';
import type { FunctionServer } from '../../dev/functionHost';
import { startFunctionApp } from '../support/functionApp';

describe('GET /api/health', () => {
  let app: FunctionServer;
  afterEach(() => app.close());

  it('answers 200 when storage is reachable', async () => {
    app = await startFunctionApp();
    const response = await fetch(`${app.url}/api/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', directory: 'in place' });
  });

  it('answers 503 with a fixed reason when storage is down, and keeps the storage\'s own error text for the log', async () => {
    const port = await freePort(); // nothing listens there
    app = await startFunctionApp({
      AzureWebJobsStorage: (process.env.AzureWebJobsStorage ?? '').replace(/TableEndpoint=http:\/\/[^/]+/, `TableEndpoint=http://127.0.0.1:${port}`),
    });
    const logged = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const response = await fetch(`${app.url}/api/health`);
      const text = await response.text();

      expect(response.status).toBe(503);
      // Anyone may ask: the answer names no address, port or error of the storage.
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', reason: 'table storage did not answer' });
      expect(text).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|ECONNREFUSED|connect`));
      const line = logged.mock.calls.map(([entry]) => String(entry)).find((entry) => entry.includes('health_storage_unavailable'));
      expect(line).toContain(String(port));
    } finally {
      logged.mockRestore();
    }
  });
});
