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
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with a reason when storage is down', async () => {
    const port = await freePort(); // nothing listens there
    app = await startFunctionApp({
      AzureWebJobsStorage: (process.env.AzureWebJobsStorage ?? '').replace(/TableEndpoint=http:\/\/[^/]+/, `TableEndpoint=http://127.0.0.1:${port}`),
    });
    const response = await fetch(`${app.url}/api/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('table storage did not answer') });
  });
});
