import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { registrations, type BindingMetadata, type Registration } from './functionsCore';

export type { Registration };

/**
 * The files Azure loads: package.json `main` (a glob such as dist/functions/*.js). With
 * `source`, the TypeScript files they are built from, for tests that run without a build.
 */
export function functionEntryFiles(root: string, options: { source?: boolean } = {}): string[] {
  const main: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).main;
  const pattern = options.source ? main.replace(/^dist\//, '').replace(/\.js$/, '.ts') : main;
  const dir = path.join(root, path.dirname(pattern));
  const [prefix, suffix = ''] = path.basename(pattern).split('*');
  if (!pattern.includes('*')) return [path.join(root, pattern)];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix ?? '') && f.endsWith(suffix) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads the function files; each registers itself through the stand-in core module. */
export function loadFunctions(files: readonly string[]): readonly Registration[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const file of files) require(file);
  return registrations;
}

export const triggerOf = (r: Registration): BindingMetadata | undefined =>
  Object.values(r.metadata.bindings).find((b) => /trigger$/i.test(b.type));

interface HttpRoute {
  readonly registration: Registration;
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly params: readonly string[];
}

/** An http trigger's route template (`register/{id}`) as a matcher under /api, like the host's. */
function httpRoute(registration: Registration): HttpRoute | undefined {
  const trigger = triggerOf(registration);
  if (trigger?.type !== 'httpTrigger') return undefined;
  const template = typeof trigger.route === 'string' ? trigger.route : registration.metadata.name;
  const params: string[] = [];
  const source = template
    .split('/')
    .map((segment) =>
      segment.replace(/\{(\w+)\??\}|[.*+?^$()|[\]\\]/g, (match, name?: string) => {
        if (!name) return `\\${match}`;
        params.push(name);
        return '([^/]+)';
      }),
    )
    .join('/');
  const methods = Array.isArray(trigger.methods) ? trigger.methods.map(String) : ['GET', 'POST'];
  return { registration, methods, params, pattern: new RegExp(`^/api/${source}$`, 'i') };
}

export interface FunctionServer {
  readonly url: string;
  close(): Promise<void>;
}

export type RequestLog = (line: string) => void;

/** The dev host's own endpoints under /admin/ (like the Functions host's admin API): JSON in, JSON out. */
export type AdminRoutes = Record<string, (body: Record<string, unknown>) => Promise<unknown>>;

/** Serves every http-triggered registration on localhost, calling its handler as the host would. */
export async function serveHttp(
  all: readonly Registration[],
  port: number,
  log: RequestLog = () => undefined,
  admin: AdminRoutes = {},
): Promise<FunctionServer> {
  const routes = all.map(httpRoute).filter((r): r is HttpRoute => r !== undefined);
  const server: Server = createServer((req, res) => {
    const started = Date.now();
    const adminRoute = req.method === 'POST' ? admin[new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/admin\//, '')] : undefined;
    (adminRoute && req.url?.startsWith('/admin/') ? answerAdmin(adminRoute, req) : respond(routes, req))
      .then(async (response) => {
        res.writeHead(response.status ?? 200, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        log(`${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}`);
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error in the function (see the dev host log).');
      })
      .finally(() => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started} ms`));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answerAdmin(route: AdminRoutes[string], req: IncomingMessage): Promise<HttpResponse> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return new HttpResponse({ status: 200, jsonBody: await route(text ? JSON.parse(text) : {}) });
  } catch (error) {
    return new HttpResponse({ status: 400, jsonBody: { error: error instanceof Error ? error.message : String(error) } });
  }
}

async function respond(routes: readonly HttpRoute[], req: IncomingMessage): Promise<HttpResponse> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = req.method ?? 'GET';
  const matched = routes.filter((r) => r.pattern.test(url.pathname));
  const route = matched.find((r) => r.methods.includes(method));
  if (!route) return new HttpResponse({ status: matched.length > 0 ? 405 : 404 });
  const values = route.pattern.exec(url.pathname)?.slice(1) ?? [];
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const request = new HttpRequest({
    method,
    url: url.toString(),
    headers: Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    ),
    params: Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(values[i] ?? '')])),
    body: body.length > 0 ? { bytes: body } : undefined,
  });
  const { name } = route.registration.metadata;
  const context = new InvocationContext({
    functionName: name,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => console.log(`[${name}] ${level}:`, ...args),
  });
  const result = (await route.registration.handler(request, context)) as HttpResponseInit | HttpResponse | undefined;
  return result instanceof HttpResponse ? result : new HttpResponse(result ?? { status: 204 });
}
