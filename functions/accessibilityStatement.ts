import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/** The public register's accessibility statement (tillgänglighetsredogörelse, lag 2018:1937), linked from every public page. */
export const accessibilityStatementWith =
  (bot: Kanalkoll) =>
  (request: HttpRequest): HttpResponseInit => {
    const { status, headers, body } = bot.publishStatement(request.headers.get('if-none-match'));
    return { status, headers, body };
  };

export const accessibilityStatement = accessibilityStatementWith(kanalkoll());

app.http('accessibilityStatement', { methods: ['GET'], authLevel: 'anonymous', route: 'tillganglighetsredogorelse', handler: accessibilityStatement });
