import type { Config } from './config';
import { isEnabled } from './domain/directory';
import type { GraphProbe } from './graph/probe';
import type { Log } from './log';
import type { DirectoryStore } from './store/directory';

/**
 * What a setting Kanalkoll needs is: `ok` (set, and works where that can be tried), `missing`,
 * `failing` (set, but does not work: Graph refuses, the person is not in the directory or has
 * left), `unchecked` (a person who cannot be looked up before the first directory sync).
 */
export type SettingState = 'ok' | 'missing' | 'failing' | 'unchecked';

export const settingNames = ['botIdentity', 'tenant', 'graph', 'communicationsChief', 'registrar', 'archive', 'publicBaseUrl'] as const;
export type Setting = (typeof settingNames)[number];

/** Each setting's state, never its value: anyone may read it at /api/health. */
export type SettingsReport = Readonly<Record<Setting, SettingState>>;

export interface SettingsDeps {
  readonly config: Config;
  readonly directory: Pick<DirectoryStore, 'person' | 'communicationsChief'>;
  readonly graphProbe?: GraphProbe;
  readonly log: Log;
}

const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** How long Graph's answer may take before the check calls it failing (its own retries go on in the SDK). */
const graphTimeoutMs = 5000;

/** Checks every setting; `inPlace`: the directory can be asked about people. Why Graph failed goes to the log only. */
export async function checkSettings(deps: SettingsDeps, inPlace: boolean): Promise<SettingsReport> {
  const { config } = deps;
  const person = async (aadObjectId: string | undefined): Promise<SettingState> => {
    if (!aadObjectId) return 'missing';
    const found = await deps.directory.person(aadObjectId);
    if (found) return isEnabled(found) ? 'ok' : 'failing';
    return inPlace ? 'failing' : 'unchecked';
  };
  const [graph, communicationsChief, registrar, archive] = await Promise.all([
    graphState(deps),
    deps.directory.communicationsChief().then(person),
    person(config.registrarAadObjectId),
    person(config.archive.aadObjectId),
  ]);
  // Locally the app is served on this machine; in Azure a loopback address is the default of an unset setting.
  const publicBaseUrl = config.hosting === 'azure' && loopback.test(new URL(config.publicBaseUrl).hostname) ? 'missing' : 'ok';
  return {
    botIdentity: config.bot.kind === 'unauthenticated' ? 'missing' : 'ok',
    tenant: config.home ? 'ok' : 'missing',
    graph,
    communicationsChief,
    registrar,
    archive,
    publicBaseUrl,
  };
}

async function graphState({ graphProbe, log }: SettingsDeps): Promise<SettingState> {
  if (!graphProbe) return 'missing';
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Graph did not answer in ${graphTimeoutMs} ms`)), graphTimeoutMs);
  });
  try {
    await Promise.race([graphProbe(), late]);
    return 'ok';
  } catch (error) {
    log.warn('settings_graph_failing', { error: error instanceof Error ? error.message : String(error) });
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The settings without which a part of the policy would silently not happen (R13: criticism reaches
 * no registrar; R15: the half-year snapshots reach no archive; links in cards lead nowhere). In
 * production (Azure) each makes the app not ready; locally they are reported only.
 */
export function notReadyReasons(report: SettingsReport, hosting: Config['hosting']): string[] {
  if (hosting !== 'azure') return [];
  const reasons: string[] = [];
  const person = (state: SettingState, name: string, what: string) => {
    if (state === 'missing') reasons.push(`${name} is not set: ${what}`);
    if (state === 'failing') reasons.push(`${name} is not an enabled person in the directory: ${what}`);
  };
  person(report.registrar, 'KANALKOLL_REGISTRAR_AAD_OBJECT_ID', 'factual criticism would reach no registrar');
  person(report.archive, 'KANALKOLL_ARCHIVE_AAD_OBJECT_ID', 'the half-year snapshots would reach no archive');
  if (report.publicBaseUrl === 'missing') reasons.push('KANALKOLL_PUBLIC_BASE_URL is not set: links in cards and the register would lead nowhere');
  return reasons;
}

/** Graph's answer is kept this long: anyone may ask /api/health, and not every ask should reach Graph. */
export function cachedProbe(probe: GraphProbe, clock: () => Date, forMs = 60_000): GraphProbe {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return () => {
    const now = clock().getTime();
    if (!last || now - last.at >= forMs || now < last.at) last = { at: now, outcome: probe() };
    return last.outcome;
  };
}
