import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';
import { activityIn, maxActivityBytes, readWithin, refusedByHeaders, tooLarge, type Refusal } from '../bot/teams/front';

const refuse = ({ status, error }: Refusal): HttpResponseInit => ({
  status,
  ...(status === 401 ? { headers: { 'WWW-Authenticate': 'Bearer' } } : {}),
  jsonBody: { error },
});

/**
 * The Bot Framework messaging endpoint: every Teams activity arrives here. What the headers
 * alone refuse (no token, too large) is refused before the body is read or parsed.
 */
export const messagesWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const refused = refusedByHeaders(bot.config, request.headers.get('authorization'), request.headers.get('content-length'));
    if (refused) return refuse(refused);
    const bytes = await readWithin(request.body, maxActivityBytes);
    if (!bytes) return refuse(tooLarge);
    const body = activityIn(bytes);
    if (!body) return { status: 400, jsonBody: { error: 'The body must be a Bot Framework activity in JSON.' } };
    const response = await bot.handleActivity({ method: request.method, headers: Object.fromEntries(request.headers), body }, context.invocationId);
    return response.body === undefined
      ? { status: response.status, headers: response.headers }
      : { status: response.status, headers: response.headers, jsonBody: response.body };
  };

export const messages = messagesWith(kanalkoll());

app.http('messages', { methods: ['POST'], authLevel: 'anonymous', handler: messages });
