import { app, type HttpResponseInit } from '@azure/functions';
import { kanalkoll } from '../bot/app';

const bot = kanalkoll();

/** Liveness for load balancers and the dev host: 200 when storage answers, 503 with the reason. */
export async function health(): Promise<HttpResponseInit> {
  const result = await bot.health();
  return { status: result.status === 'ok' ? 200 : 503, jsonBody: result };
}

app.http('health', { methods: ['GET'], authLevel: 'anonymous', handler: health });
