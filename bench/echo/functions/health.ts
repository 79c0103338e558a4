import { app, type HttpResponseInit } from '@azure/functions';
import { tableService } from '../echoBot';

/** 200 when the table service answers, as Kanalkoll's health (the dev host asks before it says it runs). */
export async function health(): Promise<HttpResponseInit> {
  await tableService.listTables().byPage({ maxPageSize: 1 }).next();
  return { status: 200, jsonBody: { status: 'ok' } };
}

app.http('health', { methods: ['GET'], authLevel: 'anonymous', handler: health });
