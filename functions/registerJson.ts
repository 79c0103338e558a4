import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** The register as open data (schema: docs/register.md). */
export const registerJsonWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest): Promise<HttpResponseInit> => {
    const { status, headers, body } = await bot.publishRegister('json', request.headers.get('if-none-match'));
    return { status, headers, body };
  };

export const registerJson = registerJsonWith(kanalkoll());

app.http('registerJson', { methods: ['GET'], authLevel: 'anonymous', route: 'register.json', handler: registerJson });
