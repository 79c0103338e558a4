import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { RegisterStore } from '../../bot/store/register';
import { connectTables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { launchChromium } from '../../dev/browser';
import type { FunctionServer } from '../../dev/functionHost';
import { directory } from '../../dev/roles';
import { startFunctionApp } from '../support/functionApp';
import { accountPlan, seed } from '../support/seed';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
/** The rules of WCAG 2.1 levels A and AA, which the law on digital public service (2018:1937) asks for. */
const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Every public page, checked as the law on accessible digital public service (lag 2018:1937) asks:
 * WCAG 2.1 AA by axe-core in Chromium, valid HTML by the W3C Nu HTML Checker, the keyboard alone,
 * 320 px width and 200 % zoom. One Azurite, one app, one Chromium and one run of the checker.
 */
describe('the public pages everyone can use (WCAG 2.1 AA, lag 2018:1937)', () => {
  let azurite: Azurite;
  let app: FunctionServer;
  let browser: Browser;
  /** The register before any account was approved, as the app served it. */
  let emptyRegister: string;

  const filtered = `/api/register?forvaltning=${encodeURIComponent('Kultur- och fritidsförvaltningen')}&plattform=Instagram&status=aktiva`;
  const statement = '/api/tillganglighetsredogorelse';
  const url = (page: string) => `${app.url}${page}`;
  const html = async (page: string) => (await fetch(url(page))).text();

  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    await new DirectoryStore(tables).load(directory);
    [app, browser] = await Promise.all([startFunctionApp({ AzureWebJobsStorage: azurite.connectionString }), launchChromium()]);
    emptyRegister = await html('/api/register');
    const stores = { assignments: new AssignmentStore(tables), register: new RegisterStore(tables) };
    await seed(stores, 'a-instagram', accountPlan({ platform: 'Instagram', accountName: 'Fritidsgårdarna i Botkyrka' }), 'active');
    await seed(stores, 'a-youtube', accountPlan({ platform: 'YouTube', accountName: 'Botkyrka bibliotek' }, 'Tipsa om böcker och berätta om bibliotekens föräldraskapsstödsverksamhet.'), 'active');
    await seed(stores, 'a-facebook', accountPlan({ platform: 'Facebook', accountName: 'Botkyrka kommun' }, 'Nyheter från kommunen.', 'Alla som bor eller arbetar i Botkyrka', 'kommunledning'), 'active');
    await seed(stores, 'a-closed', accountPlan({ platform: 'Facebook', accountName: 'Sommarlovsaktiviteter i Botkyrka' }), 'closed');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await azurite?.stop();
  });

  /** A page opened in Chromium: a public page by its address, the empty register by what the app served. */
  async function open(page: Page, name: string): Promise<void> {
    if (name === 'empty') await page.setContent(emptyRegister);
    else await page.goto(url(name));
  }

  /** axe-core's WCAG 2.1 A and AA rules on what the page shows: each violation with where it is. */
  async function violations(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    const results = await page.evaluate<AxeResults>(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(wcag21aa)} } })`);
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`));
  }

  it('R3: the public register has no WCAG 2.1 AA violation (axe-core in Chromium), with accounts, filtered and empty, nor has its accessibility statement', async () => {
    const page = await browser.newPage();
    try {
      const found: Record<string, string[]> = {};
      for (const name of ['/api/register', filtered, 'empty', statement]) {
        await open(page, name);
        found[name] = await violations(page);
      }

      expect(found).toEqual({ '/api/register': [], [filtered]: [], empty: [], [statement]: [] });
      // The filter found what it says, and the empty register says it is empty.
      await open(page, filtered);
      expect(await page.locator('#aktiva tbody th').allInnerTexts()).toEqual(['Fritidsgårdarna i Botkyrka']);
      await open(page, 'empty');
      expect(await page.locator('#aktiva tbody').innerText()).toBe('Inga konton matchar.');
    } finally {
      await page.close();
    }
  });

  it('R3: the public pages are valid HTML: the W3C Nu HTML Checker finds no error in the register (with accounts, filtered, empty) or the statement', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'kanalkoll-vnu-'));
    try {
      const pages = { 'register.html': await html('/api/register'), 'filtered.html': await html(filtered), 'empty.html': emptyRegister, 'statement.html': await html(statement) };
      const files = await Promise.all(Object.entries(pages).map(async ([name, text]) => (await writeFile(path.join(folder, name), text), path.join(folder, name))));

      // One Java for every page: starting it is the slow part.
      const { stdout } = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', ...files], { maxBuffer: 16 * 1024 * 1024 });
      const messages = (JSON.parse(stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] }).messages;

      expect(messages.filter((m) => m.type !== 'info').map((m) => `${path.basename(m.url ?? '')}:${m.lastLine}: ${m.message}`)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  /**
   * What has the keyboard's focus: its id or text, and whether its focus shows: an outline at least
   * 2 px wide in a colour with at least 3:1 contrast against the white page (WCAG 2.4.7 and 1.4.11).
   */
  const focused = (page: Page) =>
    page.evaluate<{ what: string; shows: boolean }>(`(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      const linear = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      const [r, g, b] = style.outlineColor.match(/[\\d.]+/g).map(Number);
      const contrast = 1.05 / (0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) + 0.05);
      return { what: element.id || element.innerText, shows: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && contrast >= 3 };
    })()`);
  const tab = async (page: Page) => (await page.keyboard.press('Tab'), focused(page));

  it('R3: the register is usable by keyboard alone: Tab goes through the filter to the results, each with its focus showing, and Enter filters', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url('/api/register'));

      const stops = [await tab(page), await tab(page), await tab(page), await tab(page), await tab(page)];

      expect(stops).toEqual([
        { what: 'forvaltning', shows: true },
        { what: 'plattform', shows: true },
        { what: 'status', shows: true },
        { what: 'Visa', shows: true },
        { what: 'Botkyrka kommun', shows: true },
      ]);
      // Back to the platform, the next one chosen with the arrow key, and the form sent with Enter.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toEqual({ what: 'plattform', shows: true });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/plattform=Facebook/);
      expect(await page.locator('#aktiva tbody th').allInnerTexts()).toEqual(['Botkyrka kommun']);
      for (let i = 0; i < 4; i++) await tab(page);
      expect(await tab(page)).toEqual({ what: 'Botkyrka kommun', shows: true });

      // The statement's contents are reached the same way.
      await page.goto(url(statement));
      const first = await tab(page);
      expect(first.shows).toBe(true);
      expect(await page.evaluate('document.activeElement.tagName')).toBe('A');
    } finally {
      await page.close();
    }
  });

  it('R3: every public page reads at 320 px width and at 200 % zoom with nothing to scroll sideways', async () => {
    // 200 % zoom of a 1280 × 800 window is a viewport of 640 × 400 CSS pixels, two device pixels each.
    const sizes = [
      { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
      { name: '200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
    ];
    const wider: string[] = [];
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
      try {
        const page = await context.newPage();
        for (const name of ['/api/register', filtered, 'empty', statement]) {
          await open(page, name);
          const width = await page.evaluate<number>('document.documentElement.scrollWidth');
          if (width > size.viewport.width) wider.push(`${name} at ${size.name}: ${width} px`);
        }
      } finally {
        await context.close();
      }
    }

    expect(wider).toEqual([]);
  });

  it('R3: the accessibility statement follows DIGG\'s model, is linked from every public page and served with the register\'s security headers', async () => {
    const [register, response] = await Promise.all([fetch(url('/api/register')), fetch(url(statement))]);
    const text = await response.text();

    expect(response.status).toBe(200);
    for (const header of ['content-type', 'content-security-policy', 'x-content-type-options', 'cache-control']) {
      expect([header, response.headers.get(header)]).toEqual([header, register.headers.get(header)]);
    }
    expect((await fetch(url(statement), { headers: { 'if-none-match': response.headers.get('etag')! } })).status).toBe(304);
    // DIGG's model: who stands behind it, how accessible it is, how to report a shortcoming, the supervisory authority, when and how it was assessed.
    expect(text).toContain('<h1>Tillgänglighetsredogörelse för Botkyrka kommuns konton i sociala medier</h1>');
    for (const heading of ['Hur tillgänglig är webbplatsen?', 'Vad kan du göra om du inte kan använda delar av webbplatsen?', 'Rapportera brister i webbplatsens tillgänglighet', 'Tillsyn', 'Teknisk information om webbplatsens tillgänglighet', 'Hur vi testat webbplatsen']) {
      expect(text).toContain(`>${heading}</h2>`);
    }
    expect(text).toContain('helt förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service');
    expect(text).toContain('href="https://www.digg.se/tdosanmalan"');
    expect(text).toContain('automatiska tester med axe-core och W3C:s Nu HTML Checker');
    expect(text).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);

    const page = await browser.newPage();
    try {
      for (const name of ['/api/register', filtered, 'empty']) {
        await open(page, name);
        const href = await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).getAttribute('href');
        expect([name, new URL(href!, url('/api/register')).pathname]).toEqual([name, statement]);
      }
      await page.goto(url('/api/register'));
      await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
      await page.waitForURL(/tillganglighetsredogorelse/);
      expect(await page.locator('h1').innerText()).toContain('Tillgänglighetsredogörelse');
    } finally {
      await page.close();
    }
  });
});
