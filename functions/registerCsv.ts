import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** The register as a spreadsheet for Excel. */
export const registerCsvWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest): Promise<HttpResponseInit> => {
    const { status, headers, body } = await bot.publishRegister('csv', request.headers.get('if-none-match'));
    return { status, headers, body };
  };

export const registerCsv = registerCsvWith(kanalkoll());

app.http('registerCsv', { methods: ['GET'], authLevel: 'anonymous', route: 'register.csv', handler: registerCsv });
