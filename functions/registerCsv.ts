import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll } from '../bot/app';

const bot = kanalkoll();

/** The register as a spreadsheet for Excel. */
export async function registerCsv(request: HttpRequest): Promise<HttpResponseInit> {
  const { status, headers, body } = await bot.publishRegister('csv', request.headers.get('if-none-match'));
  return { status, headers, body };
}

app.http('registerCsv', { methods: ['GET'], authLevel: 'anonymous', route: 'register.csv', handler: registerCsv });
