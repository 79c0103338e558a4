import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { kanalkoll, type Kanalkoll } from '../bot/app';

/**
 * A half-year snapshot (R15) as a PDF, for the municipal archive's link. The name holds a random
 * UUID, so only those who got the link find it; the content is a public start page anyway.
 */
export const archiveWith =
  (bot: Kanalkoll) =>
  async (request: HttpRequest): Promise<HttpResponseInit> => {
    const name = request.params.name ?? '';
    if (!/^[\w%.-]+_\d{4}-H[12]_[0-9a-f-]{36}\.pdf$/i.test(name)) return { status: 404 };
    await bot.ready();
    const found = await bot.archive.get(name);
    if (!found) return { status: 404 };
    return {
      status: 200,
      body: found.pdf,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${found.metadata.fileName.replace(/[^\w. -]/g, '_')}"`,
        'x-content-sha256': found.metadata.sha256,
      },
    };
  };

export const archive = archiveWith(kanalkoll());

app.http('archive', { methods: ['GET'], authLevel: 'anonymous', route: 'archive/{name}', handler: archive });
