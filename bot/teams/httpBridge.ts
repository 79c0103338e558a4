import type { CloudAdapter, Request, Response, TurnContext } from 'botbuilder';
import type { Log } from '../log';
import { invocationIdKey } from './adapter';

/** An HTTP request as the Functions trigger hands it over, free of either SDK's types. */
export interface PlainRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

export interface PlainResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** One activity from the messaging endpoint: noted in the log without what anyone wrote, then run by the bot. */
export function serveActivity(adapter: CloudAdapter, bot: { run(context: TurnContext): Promise<void> }, log: Log, request: PlainRequest, invocationId: string): Promise<PlainResponse> {
  return processActivity(adapter, request, (context) => {
    context.turnState.set(invocationIdKey, invocationId);
    // Enough to follow a turn in Application Insights.
    const { id, type, name, channelData } = context.activity;
    log.info('activity', { invocationId, activityId: id, activityType: type, name, tenantId: channelData?.tenant?.id });
    return bot.run(context);
  });
}

/**
 * CloudAdapter.process was written for Express-like servers: it calls status(), header() and
 * send() on a response object. This collects those calls and returns them as a plain value.
 */
export async function processActivity(
  adapter: CloudAdapter,
  request: PlainRequest,
  logic: (context: TurnContext) => Promise<void>,
): Promise<PlainResponse> {
  let status = 200;
  const headers: Record<string, string> = {};
  let body: unknown;
  const response: Response = {
    socket: null,
    status: (code: number) => {
      status = code;
    },
    header: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    send: (sent?: unknown) => {
      body = sent;
    },
    end: () => undefined,
  };
  const req: Request = { method: request.method, headers: request.headers, body: request.body };
  await adapter.process(req, response, logic);
  return { status, headers, body };
}
