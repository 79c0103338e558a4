import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startAzurite, type Azurite } from './azurite';
import { useCoreStandIn } from './coreStandIn';
import { freePort } from './freePort';
import { asGraphUsers, startGraph, type GraphUser } from './graph';
import { functionEntryFiles, loadFunctions, serveHttp, triggerOf, type FunctionServer } from './functionHost';
import { moveClock } from './clock';
import { startTriggers } from './triggers';
import { playgroundReference, startPlayground, type Playground } from './playground';
import { directory, roles, tenantId, users, type Role } from './roles';
import { projectRoot } from './projectRoot';

/**
 * `npm start`: Azurite in-process, a Graph stand-in with the mock people, the function app's own
 * registrations on localhost:7071, the seeded departments, and one Agents Playground per role.
 * Ctrl-C stops it all.
 */
const root = projectRoot();
const workDir = path.join(root, '.kanalkoll');
const defaultRoles: Role[] = ['employee', 'chief', 'communicator', 'commschief'];

const usage = `Usage: npm start -- [options]
  --as <roles>   Playgrounds to start, comma-separated, first on port 56150, next on 56151…
                 Roles: ${roles.join(', ')}. Default: ${defaultRoles.join(',')}
  --lang <sv|en> Language the bot answers in (default sv). The Playground reports en-US for
                 everyone, so the dev host sets KANALKOLL_LOCALE instead of trusting it
  --persist      Keep storage in .kanalkoll/data between runs (default: in memory)
  --no-playground  Only storage and the functions (for scripts and the browser tests)
  --port <n>     Port of the functions (default 7071)
  --free-ports   Any free ports instead of 7071, 10000-10002 and 56150… (for tests); see the printed URLs
  --app <dir>    Serve the function app in <dir> (its package.json main), e.g. deploy/ after npm run build:deploy
  --org <file>   Also put these people (a JSON array of Graph users: id, displayName, mail, jobTitle,
                 department, accountEnabled, manager: { id }) in the Graph stand-in; npm run org makes one
  --no-seed      Leave storage empty: no mock directory, no Graph stand-in, no Playground chats remembered,
                 and Kanalkoll's own modules not loaded by the dev host (for another app, or to time a cold start)`;

function options() {
  const { values } = parseArgs({
    options: {
      as: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      persist: { type: 'boolean', default: false },
      'no-playground': { type: 'boolean', default: false },
      port: { type: 'string', default: '7071' },
      'free-ports': { type: 'boolean', default: false },
      app: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      org: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const chosen = (values.as ?? defaultRoles.join(',')).split(',').map((r) => r.trim());
  const unknown = chosen.filter((r) => !roles.includes(r as Role));
  if (unknown.length > 0) throw new Error(`Unknown role ${unknown.join(', ')}.\n${usage}`);
  return {
    roles: chosen as Role[],
    lang: values.lang,
    persistDir: values.persist ? path.join(workDir, 'data') : undefined,
    playground: !values['no-playground'],
    port: values['free-ports'] ? 0 : Number(values.port),
    freePorts: values['free-ports'],
    appDir: values.app ? path.resolve(values.app) : root,
    seed: !values['no-seed'],
    org: values.org ? path.resolve(values.org) : undefined,
  };
}

/** Like `func start`: the Values of local.settings.json become environment variables. */
function applyLocalSettings(): void {
  const file = path.join(root, 'local.settings.json');
  if (!existsSync(file)) return;
  const values: Record<string, string> = JSON.parse(readFileSync(file, 'utf8')).Values ?? {};
  for (const [key, value] of Object.entries(values)) process.env[key] ??= value;
}

async function main(): Promise<void> {
  const opts = options();
  applyLocalSettings();
  process.env.KANALKOLL_LOCALE ??= opts.lang;
  // Locally the communications chief plays the registrar who receives criticism to register.
  process.env.KANALKOLL_REGISTRAR_AAD_OBJECT_ID ??= users.commschief.aadObjectId;
  // The Playground's tenant, for messages nobody's turn points at (the weekly digest).
  process.env.KANALKOLL_TENANT_ID ??= tenantId;
  // Locally the communications chief also plays the municipal archive, who gets the half-year snapshots.
  process.env.KANALKOLL_ARCHIVE_AAD_OBJECT_ID ??= users.commschief.aadObjectId;
  // With a bot identity and no tenants set, the app serves only the bot's own tenant (bot/config.ts):
  // locally the Playground's mock tenant is served too, or its chats would be dropped.
  if (process.env.MicrosoftAppId?.trim() && !process.env.KANALKOLL_ALLOWED_TENANT_IDS?.trim()) {
    process.env.KANALKOLL_ALLOWED_TENANT_IDS = [process.env.MicrosoftAppTenantId?.trim(), tenantId].filter(Boolean).join(',');
  }
  const stops: (() => unknown)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const ports = opts.freePorts ? { table: 0, queue: 0, blob: 0 } : undefined;
    const azurite: Azurite = await startAzurite({ persistDir: opts.persistDir, ports }).catch((error: Error) => {
      throw new Error(`Azurite could not start on ports 10000-10002 (${error.message}). Is another Azurite running?`);
    });
    stops.push(() => azurite.stop());
    process.env.AzureWebJobsStorage = azurite.connectionString;

    // People come from Entra ID through Graph: locally from the stand-in, seeded with the mock people (and --org).
    // Never the real Graph from here, whatever local.settings.json or the shell say.
    delete process.env.KANALKOLL_GRAPH_URL;
    if (opts.seed) {
      const org: GraphUser[] = opts.org ? JSON.parse(readFileSync(opts.org, 'utf8')) : [];
      const graph = await startGraph([...asGraphUsers(directory), ...org]);
      stops.push(() => graph.close());
      process.env.KANALKOLL_GRAPH_URL = graph.url;
    }

    // The port is chosen before the app reads its settings, so the links it writes (the register, its
    // documentation) point at where it is really served, also with --free-ports or --port.
    const port = opts.port === 0 ? await freePort() : opts.port;
    process.env.KANALKOLL_PUBLIC_BASE_URL ??= `http://localhost:${port}`;
    useCoreStandIn();
    const registrations = loadFunctions(functionEntryFiles(opts.appDir));
    const triggers = startTriggers(registrations, azurite.connectionString, (line) => console.log(`  ${line}`));
    stops.push(() => triggers.stop());
    // npm run tick: move the app's clock, run the timers now, and send what they queued.
    const tick = async (body: Record<string, unknown>) => {
      const before = triggers.handled();
      const now = moveClock(typeof body.at === 'string' ? body.at : undefined);
      const timers = await triggers.fireTimers();
      await triggers.drain();
      // The background poller may have sent some already: count everything handled since the tick began.
      return { now, timers, handled: triggers.handled() - before };
    };
    const server: FunctionServer = await serveHttp(registrations, port, (line) => console.log(`  ${line}`), { tick });
    stops.push(() => server.close());
    // Served from here on, but not ready: turns get "Kanalkoll startar" and /api/health 503 until the first sync is done.
    console.log(`  Functions on ${server.url}, starting: ready once the first directory sync is stored and followed up`);

    // The function files built the app on load. Departments and the communications chief are
    // Kanalkoll's own; the people come from the first directory sync, as they would in Azure.
    const app = opts.seed ? (await import('../bot/app')).kanalkoll() : undefined;
    await app?.ready();
    await app?.directory.load({ ...directory, people: [] });

    const playgrounds: Playground[] = [];
    if (opts.playground) {
      const auth = process.env.MicrosoftAppId
        ? { clientId: process.env.MicrosoftAppId, clientSecret: process.env.MicrosoftAppPassword, tenantId: process.env.MicrosoftAppTenantId }
        : undefined;
      const started = await Promise.all(
        opts.roles.map(async (role, i) =>
          startPlayground({ role, port: opts.freePorts ? await freePort() : 56150 + i, botEndpoint: `${server.url}/api/messages`, workDir: path.join(workDir, 'playground'), auth }),
        ),
      );
      playgrounds.push(...started);
      stops.push(() => playgrounds.forEach((p) => p.stop()));
      for (const p of playgrounds) await app?.conversations.rememberUser(playgroundReference(p, new Date()));
    }
    // After the chats are known: what the sync tells people (new departments, moved approvals) reaches a Playground.
    const synced = await app?.syncDirectory();
    // Ready means ready: the line below is printed only once health says so.
    const health = await fetch(`${server.url}/api/health`);
    if (!health.ok) throw new Error(`/api/health answered ${health.status}: ${await health.text()}`);

    console.log(`
Kanalkoll is running.
  Storage (Azurite, ${opts.persistDir ? `kept in ${path.relative(root, opts.persistDir)}` : 'in memory'}): ${azurite.endpoints.table}
${synced ? `  Directory: ${synced.changed} people from the Graph stand-in at ${process.env.KANALKOLL_GRAPH_URL}\n` : ''}  Functions${opts.appDir === root ? '' : ` (from ${path.relative(root, opts.appDir) || '.'})`}: ${registrations.map((r) => `${r.metadata.name} (${triggerOf(r)?.type})`).join(', ')}
    ${server.url}/api/messages   ${server.url}/api/health
${playgrounds.map((p) => `  Playground as ${p.role.padEnd(12)} ${p.url}`).join('\n')}
Open a Playground in your browser and write "hej". Ctrl-C stops everything.
Move the clock and run the duty timers: npm run tick -- --at 2027-01-04T09:00 (Stockholm time)${opts.port === 7071 ? '' : ` --port ${new URL(server.url).port}`}
`);
  } catch (error) {
    console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    process.exit(1);
  }
}

void main();
