import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** The public register of official accounts as a web page (R3), filterable by department and platform. */
export const registerWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest): Promise<HttpResponseInit> => {
    const filters = {
      department: request.query.get('forvaltning') || undefined,
      platform: request.query.get('plattform') || undefined,
      status: request.query.get('status') || undefined,
    };
    const { status, headers, body } = await bot.publishRegister('html', request.headers.get('if-none-match'), filters);
    return { status, headers, body };
  };

export const register = registerWith(kanalkoll());

app.http('register', { methods: ['GET'], authLevel: 'anonymous', route: 'register', handler: register });
