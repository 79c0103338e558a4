import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AdaptiveCard } from '../cards/template';
import { projectRoot } from './projectRoot';

const hostDir = path.join(projectRoot(), 'dev', 'cardHost');

/**
 * Teams' light theme as an Adaptive Cards host config: the one the Adaptive Cards designer uses for
 * Teams (microsoft/AdaptiveCards, samples/HostConfig/microsoft-teams-light.json), with a font stack
 * for machines without Segoe UI and its fact set's `warp` spelt `wrap`. What a host config cannot
 * say (buttons, inputs, the frame) is in dev/cardHost/teams.css.
 */
export const teamsHostConfig: object = JSON.parse(readFileSync(path.join(hostDir, 'teamsHostConfig.json'), 'utf8'));

/** What dev/cardHost/renderCard.js defines in the page. */
interface PageGlobals {
  renderCard(card: AdaptiveCard, hostConfig: object): string[];
  cutOff(): string[];
}

/**
 * A Chromium page that draws cards as Teams' light theme does, with the real Adaptive Cards SDK
 * (the browser bundle) and nothing from the network.
 */
export class CardHost {
  private constructor(
    private readonly page: Page,
    private readonly requests: string[],
  ) {}

  /** `width`: the page's width; Teams on a phone is 360 px wide. */
  static async open(browser: Browser, deviceScaleFactor = 1, width = 540): Promise<CardHost> {
    const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor, locale: 'sv-SE' });
    const requests: string[] = [];
    // A card that fetched an image or a font would look different off the network: refuse and report.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent('<!doctype html><html lang="sv"><head><meta charset="utf-8"></head><body><div id="card" class="teams-card"></div></body></html>');
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addStyleTag({ path: path.join(hostDir, 'teams.css') });
    // Narrower than Teams' desktop card (a phone): the card takes the screen's whole width, its border included.
    if (width < 540) await page.addStyleTag({ content: `body { padding: 0; } .teams-card { width: ${width - 2}px; }` });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
    await page.addScriptTag({ path: path.join(hostDir, 'renderCard.js') });
    return new CardHost(page, requests);
  }

  /** Draws the card; what the SDK (or the network guard) found wrong, empty when nothing. */
  async render(card: AdaptiveCard): Promise<string[]> {
    this.requests.length = 0;
    const problems = await this.page.evaluate(
      ({ card, hostConfig }) => (globalThis as unknown as PageGlobals).renderCard(card, hostConfig),
      { card, hostConfig: teamsHostConfig },
    );
    await this.page.evaluate('document.fonts.ready.then(() => true)');
    return [...problems, ...this.requests.map((url) => `asked the network for ${url}`)];
  }

  /** What of the card as drawn is cut off (past its right edge, or text clipped in its box); empty when nothing. */
  cutOff(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).cutOff());
  }

  /** The card as drawn, and nothing around it, as PNG. */
  screenshot(file: string): Promise<Buffer> {
    return this.page.locator('#card').screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  }
}
