import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** The Bot Framework messaging endpoint: every Teams activity arrives here. */
export const messagesWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const body: unknown = await request.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: 400, jsonBody: { error: 'The body must be a Bot Framework activity in JSON.' } };
    }
    const response = await bot.handleActivity(
      { method: request.method, headers: Object.fromEntries(request.headers), body: body as Record<string, unknown> },
      context.invocationId,
    );
    return response.body === undefined
      ? { status: response.status, headers: response.headers }
      : { status: response.status, headers: response.headers, jsonBody: response.body };
  };

export const messages = messagesWith(kanalkoll());

app.http('messages', { methods: ['POST'], authLevel: 'anonymous', handler: messages });
