import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './projectRoot';

/**
 * `npm run package`: the Teams app package (appPackage.zip) from manifest/, with the bot id and the
 * app's domain filled in from configuration, validated against the manifest schema before it is
 * written (the schemas ship with @microsoft/app-manifest, so no network is needed).
 */
const root = projectRoot();
const manifestDir = path.join(root, 'manifest');

export interface PackageSettings {
  /** The bot's app registration (client) id: MicrosoftAppId. */
  readonly botId: string;
  /** The Teams app id; by default the bot id, as is usual for a bot-only app. */
  readonly teamsAppId: string;
  /** Where the app is reached: KANALKOLL_PUBLIC_BASE_URL. */
  readonly publicBaseUrl: string;
}

export function filledManifest(settings: PackageSettings): AppManifest {
  const template = readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
  const filled = template
    .replaceAll('${{TEAMS_APP_ID}}', settings.teamsAppId)
    .replaceAll('${{BOT_ID}}', settings.botId)
    .replaceAll('${{DOMAIN}}', new URL(settings.publicBaseUrl).host);
  return JSON.parse(filled) as AppManifest;
}

/** Schema problems of the manifest and its localisation file; empty when both are valid. */
export async function manifestProblems(manifest: AppManifest): Promise<string[]> {
  const localization = JSON.parse(readFileSync(path.join(manifestDir, 'en-us.json'), 'utf8'));
  const localizationSchema = await AppManifestUtils.fetchSchema(localization.$schema);
  // The localisation schema's key patterns are not valid with the `u` flag Ajv uses by default.
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  const validate = ajv.compile(localizationSchema);
  validate(localization);
  return [
    ...(await AppManifestUtils.validateAgainstSchema(manifest)),
    ...(validate.errors ?? []).map((e) => `en-us.json: ${e.instancePath} ${e.message}`),
  ];
}

export async function buildAppPackage(settings: PackageSettings): Promise<Buffer> {
  const manifest = filledManifest(settings);
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The manifest is not valid:\n${problems.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const file of ['en-us.json', 'color.png', 'outline.png']) zip.file(file, readFileSync(path.join(manifestDir, file)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function settingsFromEnvironment(): PackageSettings {
  const file = path.join(root, 'local.settings.json');
  const local: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).Values ?? {}) : {};
  const get = (name: string) => process.env[name] || local[name] || undefined;
  const botId = get('MicrosoftAppId');
  const publicBaseUrl = get('KANALKOLL_PUBLIC_BASE_URL');
  if (!botId || !publicBaseUrl) {
    throw new Error('Set MicrosoftAppId and KANALKOLL_PUBLIC_BASE_URL (environment or local.settings.json); see README, "Deploy".');
  }
  return { botId, publicBaseUrl, teamsAppId: get('KANALKOLL_TEAMS_APP_ID') ?? botId };
}

if (require.main === module) {
  buildAppPackage(settingsFromEnvironment())
    .then((zip) => {
      const out = path.join(root, 'appPackage.zip');
      writeFileSync(out, zip);
      console.log(`Wrote ${path.relative(process.cwd(), out)}: upload it in Teams admin center (see README, "Deploy").`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
