import { app, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** Liveness for load balancers and the dev host: 200 when the app can serve, else 503 with a fixed reason (never error text). */
export const healthWith =
  (bot: Kanalkoll) =>
  async (): Promise<HttpResponseInit> => {
    const result = await bot.health();
    return { status: result.status === 'ok' ? 200 : 503, jsonBody: result };
  };

export const health = healthWith(kanalkoll());

app.http('health', { methods: ['GET'], authLevel: 'anonymous', handler: health });
