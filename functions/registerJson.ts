import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll } from '../bot/app';

const bot = kanalkoll();

/** The register as open data (schema: docs/register.md). */
export async function registerJson(request: HttpRequest): Promise<HttpResponseInit> {
  const { status, headers, body } = await bot.publishRegister('json', request.headers.get('if-none-match'));
  return { status, headers, body };
}

app.http('registerJson', { methods: ['GET'], authLevel: 'anonymous', route: 'register.json', handler: registerJson });
