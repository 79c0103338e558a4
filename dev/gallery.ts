import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withFigures, type FiguresCardData } from '../cards/overview';
import { expand, type AdaptiveCard } from '../cards/template';
import { launchChromium } from './browser';
import { CardHost } from './cardHost';
import { projectRoot } from './projectRoot';

/**
 * `npm run cards:gallery`: every card template in cards/, expanded with its sample data, drawn as
 * Teams' light theme draws it, one PNG each, and a README showing them all (docs/cards/).
 */
export interface CardSample {
  /** The template's file name without `.json`: `cards/<name>.json`, `cards/<name>.sample.json`. */
  readonly name: string;
  readonly card: AdaptiveCard;
}

const cardsDir = path.join(projectRoot(), 'cards');

export function cardSamples(): CardSample[] {
  const read = (file: string): object => JSON.parse(readFileSync(path.join(cardsDir, file), 'utf8'));
  return readdirSync(cardsDir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.sample.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const sample = read(`${name}.sample.json`) as { charts?: FiguresCardData };
      // A card with the overview's charts gets them as cards/overview.ts adds them (the overview, the weekly digest).
      return { name, card: withFigures(expand(read(file), sample), sample.charts) };
    });
}

/** What the SDK says about a ChoiceSet without static choices. */
const noChoices = 'An Input.ChoiceSet must have at least one choice defined.';

/** The people pickers of a card: ChoiceSets filled by Teams from Graph (`choices.data`, Data.Query), with no static choices. */
const peoplePickers = (node: unknown): number => {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + peoplePickers(item), 0);
  if (typeof node !== 'object' || node === null) return 0;
  const here = node as { type?: unknown; choices?: unknown; 'choices.data'?: { type?: unknown } };
  const own = here.type === 'Input.ChoiceSet' && Array.isArray(here.choices) && here.choices.length === 0 && here['choices.data']?.type === 'Data.Query' ? 1 : 0;
  return own + Object.values(node).reduce((n: number, v) => n + peoplePickers(v), 0);
};

/** Teams' own charts (`Chart.*`) that carry a fallback: the SDK does not know them and draws the fallback. */
const chartsWithFallback = (node: unknown): number => {
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + chartsWithFallback(item), 0);
  if (typeof node !== 'object' || node === null) return 0;
  const here = node as { type?: unknown; fallback?: unknown };
  const own = typeof here.type === 'string' && here.type.startsWith('Chart.') && typeof here.fallback === 'object' ? 1 : 0;
  return own + Object.values(node).reduce((n: number, v) => n + chartsWithFallback(v), 0);
};

/** What the SDK says about an element type it does not know. */
const unknownChart = /^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/;

/**
 * The SDK's warnings about a card, less one "unknown element" per Teams chart with a fallback (Teams
 * draws the chart; another client the fallback), and less one "no choice defined" per Teams people picker: Teams fills
 * those from the organisation (as its people-picker documentation shows, with `choices: []`), which the
 * SDK does not know. Any other warning stays.
 */
export function withoutPeoplePickers(problems: readonly string[], card: unknown): string[] {
  let allowed = peoplePickers(card);
  let charts = chartsWithFallback(card);
  return problems.filter((p) => !(p === noChoices && allowed-- > 0) && !(unknownChart.test(p) && charts-- > 0));
}

/** Teams on a phone: every card is drawn this wide too, and nothing on it may be cut off. */
export const phoneWidth = 360;

/** Draws every card into `outDir` (and at phone width, `<name>.phone.png`); throws naming each card the SDK warned about or that is cut off on a phone. */
export async function renderGallery(outDir: string, cards: readonly CardSample[] = cardSamples()): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  const browser = await launchChromium();
  try {
    const host = await CardHost.open(browser);
    const phone = await CardHost.open(browser, 1, phoneWidth);
    for (const { name, card } of cards) {
      const problems = withoutPeoplePickers(await host.render(card), card);
      if (problems.length > 0) failures.push(`${name}: ${problems.join('; ')}`);
      else await host.screenshot(path.join(outDir, `${name}.png`));
      await phone.render(card);
      const cut = await phone.cutOff();
      if (cut.length > 0) failures.push(`${name}: cut off at ${phoneWidth} px: ${cut.slice(0, 3).join('; ')}`);
      else await phone.screenshot(path.join(outDir, `${name}.phone.png`));
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) throw new Error(`The Adaptive Cards renderer warned about ${failures.length} card(s):\n  ${failures.join('\n  ')}`);

  const names = cards.map((card) => card.name);
  // A picture of a card that no longer exists would stay in the README's folder forever.
  for (const file of readdirSync(outDir)) if (file.endsWith('.png') && !names.includes(file.replace(/(\.phone)?\.png$/, ''))) rmSync(path.join(outDir, file));
  writeFileSync(path.join(outDir, 'README.md'), galleryReadme(names, path.relative(outDir, cardsDir)));
  return names.map((name) => path.join(outDir, `${name}.png`));
}

function galleryReadme(names: readonly string[], cardsLink: string): string {
  const link = (file: string) => path.posix.join(...cardsLink.split(path.sep), file);
  const sections = names.map(
    (name) => `## ${name}\n\n[\`cards/${name}.json\`](${link(`${name}.json`)}) with [its sample data](${link(`${name}.sample.json`)})\n\n![${name}](${name}.png) ![${name} on a phone, ${phoneWidth} px](${name}.phone.png)\n`,
  );
  return [
    '# The cards',
    '',
    "Every Adaptive Card template in `cards/`, expanded with its sample data and drawn by the Adaptive Cards SDK with Teams' light theme (`dev/cardHost/`), Teams-wide and at a phone's 360 px, where nothing may be cut off.",
    "Teams' own charts (`Chart.*`), which the SDK does not know, are drawn from their data by the gallery's host, as Teams draws them; a client without charts shows each chart's fallback (a fact set).",
    'Generated by `npm run cards:gallery`; do not edit by hand.',
    '',
    ...sections,
  ].join('\n');
}

if (require.main === module) {
  const outDir = path.join(projectRoot(), 'docs', 'cards');
  renderGallery(outDir)
    .then((files) => console.log(`Drew ${files.length} cards in ${path.relative(process.cwd(), outDir)}/ (README.md shows them).`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
