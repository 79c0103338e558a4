import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UserReference } from '../bot/store/conversations';
import { botId, playgroundConfig, tenantId, users, type Role } from './roles';

export interface Playground {
  readonly role: Role;
  readonly url: string;
  readonly logFile: string;
  stop(): void;
}

export interface PlaygroundOptions {
  readonly role: Role;
  readonly port: number;
  readonly botEndpoint: string;
  /** Folder for the generated config and the Playground's log. */
  readonly workDir: string;
  /** Passed through when the bot has an identity, so the Playground can sign its calls. */
  readonly auth?: { clientId: string; clientSecret?: string; tenantId?: string };
}

const cli = () => require.resolve('@microsoft/m365agentsplayground/cli.js');

/**
 * Starts the Microsoft 365 Agents Playground as `role`, without opening a browser or sending
 * telemetry. Its own errors go only to its log file, so callers show that file on failure.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const dir = path.join(options.workDir, options.role);
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, '.m365agentsplayground.yml');
  const logFile = path.join(dir, 'm365agentsplayground.log');
  writeFileSync(configFile, playgroundConfig(options.role));
  writeFileSync(logFile, '');
  const args = [cli(), 'start', '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams'];
  args.push('--port', String(options.port), '--disable-telemetry');
  if (options.auth) {
    args.push('--client-id', options.auth.clientId);
    if (options.auth.clientSecret) args.push('--client-secret', options.auth.clientSecret);
    if (options.auth.tenantId) args.push('--tenant-id', options.auth.tenantId);
  }
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://localhost:${options.port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  try {
    await waitUntilServing(url, child, 45_000);
  } catch (error) {
    stop();
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    throw new Error(
      `The Playground for ${options.role} did not start on ${url}: ${(error as Error).message}\n` +
        `--- its output ---\n${output.trim()}\n--- ${logFile} ---\n${log.trim()}`,
    );
  }
  // "Listening" comes before the config is read; a bad config only shows as an error line.
  if (/error Failed to start/.test(output)) {
    stop();
    throw new Error(`The Playground for ${options.role} refused to start:\n${output.trim()}`);
  }
  return { role: options.role, url, logFile, stop };
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer within ${timeoutMs / 1000} s`);
}

/**
 * Where the bot reaches `role` in their Playground: the personal chat of its configuration, on its
 * own connector. Stored at start, as if Teams had the app installed for everyone (a setup policy),
 * so a card for the chief arrives in the chief's Playground even before anyone opens it.
 */
export function playgroundReference(playground: Playground, now: Date): UserReference {
  const user = users[playground.role];
  return {
    kind: 'user',
    tenantId,
    serviceUrl: `${playground.url}/_connector`,
    channelId: 'msteams',
    bot: { id: botId, name: 'Kanalkoll' },
    updatedAt: now.toISOString(),
    aadObjectId: user.aadObjectId,
    userId: user.id,
    name: user.name,
    personalConversationId: `personal-chat-${playground.role}`,
  };
}
