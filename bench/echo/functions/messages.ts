import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { processActivity } from '../../../bot/teams/httpBridge';
import { adapter, echoBot } from '../echoBot';

/** The echo bot's messaging endpoint, with Kanalkoll's glue to CloudAdapter (which expects an Express-like response). */
export async function messages(request: HttpRequest): Promise<HttpResponseInit> {
  const body = (await request.json()) as Record<string, unknown>;
  const response = await processActivity(adapter, { method: request.method, headers: Object.fromEntries(request.headers), body }, (context) => echoBot.run(context));
  return { status: response.status, headers: response.headers, jsonBody: response.body };
}

app.http('messages', { methods: ['POST'], authLevel: 'anonymous', handler: messages });
