import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../dev/browser';
import { startDevHost, type DevHost } from '../support/devHost';
import { texts } from '../../bot/i18n';
import { pdfText } from '../support/pdfText';
import { PlaygroundPage } from './playground';

/**
 * The whole journey in the Agents Playground, in Chromium, against the dev host as `npm start`
 * runs it: an employee sends an activity plan, three approvers approve, the account is on the
 * public register, and at the half-year turn the owner gets the archive nudge and completes it.
 * Pictures of each step go to docs/journey/; on a failure the screen of every role and the
 * Playground logs go to browser-results/.
 */
const root = path.resolve(__dirname, '..', '..');
const pictures = path.join(root, 'docs', 'journey');
const failures = path.join(root, 'browser-results');
const roles = ['employee', 'chief', 'communicator', 'commschief'] as const;
type Role = (typeof roles)[number];

const account = 'Fritidsgårdarna i Botkyrka';

describe('the journey in the Agents Playground, one browser tab per role', () => {
  let host: DevHost;
  let functions: string;
  let browser: Browser;
  const as = {} as Record<Role, PlaygroundPage>;
  const extraPages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(pictures, { recursive: true });
    host = startDevHost(['--as', roles.join(',')]);
    functions = await host.ready(90_000);
    // Pin the clock to a Monday morning so the dates below mean the same thing on every run.
    await tick('2026-11-23T09:00');
    browser = await launchChromium();
    const urls = Object.fromEntries([...host.output().matchAll(/Playground as (\w+)\s+(http:\/\/\S+)/g)].map((m) => [m[1], m[2]]));
    for (const role of roles) as[role] = await PlaygroundPage.open(browser, role, urls[role]!);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    host?.child.kill('SIGTERM');
    await host?.exited;
  }, 30_000);

  /** Runs a step; if it fails, keeps what each role saw and the Playground logs, then fails. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      mkdirSync(failures, { recursive: true });
      for (const role of roles) {
        await as[role]?.page.screenshot({ path: path.join(failures, `${name}-${role}.png`), fullPage: true }).catch(() => undefined);
        const log = path.join(root, '.kanalkoll', 'playground', role, 'm365agentsplayground.log');
        if (existsSync(log)) copyFileSync(log, path.join(failures, `${role}-m365agentsplayground.log`));
      }
      for (const [i, page] of extraPages.entries()) await page.screenshot({ path: path.join(failures, `${name}-page${i}.png`) }).catch(() => undefined);
      throw new Error(`${name} failed (screens and Playground logs in ${path.relative(root, failures)}/): ${(error as Error).message}\n--- dev host ---\n${host.output().slice(-4000)}`);
    }
  }

  async function tick(at: string): Promise<{ handled: number }> {
    const response = await fetch(`${functions}/admin/tick`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
    if (!response.ok) throw new Error(`tick answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { handled: number };
  }

  const picture = (name: string) => path.join(pictures, `${name}.png`);

  /**
   * The communications chief's "Hämta akten" on the register card, and the signed link its button opens
   * (Action.OpenUrl: the Playground hands the link to the browser to open, window.open, as Teams does).
   */
  async function recordLink(): Promise<{ ready: Locator; link: string }> {
    const johan = as.commschief;
    const register = await johan.say('registret', 'Kommunens konton i sociala medier');
    const ready = await johan.press(register, 'Hämta akten', `Akten för ${account}`);
    type Opening = { opened: string[]; open: (url?: unknown) => null };
    await johan.page.evaluate(() => {
      const page = globalThis as unknown as Opening;
      page.opened = [];
      page.open = (url) => {
        page.opened.push(String(url));
        return null;
      };
    });
    await ready.locator('button', { hasText: 'Öppna akten (PDF)' }).last().click();
    await johan.page.waitForFunction(() => (globalThis as unknown as Opening).opened.length > 0, undefined, { timeout: 10_000 });
    return { ready, link: await johan.page.evaluate(() => (globalThis as unknown as Opening).opened[0]!) };
  }

  it('R1: the employee fills in the whole activity plan in cards and sends it to the chief', () =>
    step('plan', async () => {
      const elin = as.employee;
      let card = await elin.say('ny ansökan', 'Vad vill du göra?');
      await card.locator('input[type=radio][value="account"]').check();
      // R1: nobody picks a chief: the card names Elin's manager from the directory.
      expect(await card.innerText()).toContain('Din chef: Karim Berg.');
      card = await elin.press(card, 'Fortsätt', 'Var finns kontot?');

      await elin.choose(card, 0, 'Instagram');
      await elin.fields(card).nth(0).fill(account);
      // The day the clock is pinned to: an assignment starts on its start date, and the register lists it from then.
      await elin.date(card, 1, '2026-11-23');
      // An address that would read as two (and make a second link on the register card) is stopped on the card
      // itself, saying why (the server refuses it too, for a card made by hand: test/flows/plan.test.ts).
      await elin.fields(card).nth(1).fill('https://instagram.com/x) Logga in: [botkyrka.se](https://evil.example/p');
      await card.locator('button[title="Fortsätt"]').last().click();
      await card.getByText('Skriv hela adressen utan mellanslag').waitFor();
      await elin.fields(card).nth(1).fill('https://www.instagram.com/fritidbotkyrka');
      card = await elin.press(card, 'Fortsätt', 'Syfte');

      const purpose = elin.fields(card);
      await purpose.nth(0).fill('Berätta om kvällens aktiviteter på fritidsgårdarna.');
      await purpose.nth(1).fill('Unga 13–17 år i Botkyrka');
      await purpose.nth(2).fill('200 följare inom ett halvår');
      await purpose.nth(5).fill('Programmet finns på botkyrka.se.');
      await purpose.nth(6).fill('https://www.botkyrka.se/fritidsgardar');
      card = await elin.press(card, 'Fortsätt', 'inloggning');

      // R10, R14: the admins and the substitute are picked from the directory with Teams people pickers.
      await elin.pickPerson(card, 0, 'Elin', 'Elin Ek');
      await elin.pickPerson(card, 1, 'Aida', 'Aida Haddad');
      await elin.fields(card).nth(0).fill('Kommunens lösenordshanterare');
      await elin.pickPerson(card, 3, 'Aida', 'Aida Haddad');
      card = await elin.press(card, 'Fortsätt', '48 timmar');

      const commitments = card.locator('input[type=checkbox]');
      for (let i = 0; i < (await commitments.count()); i++) await commitments.nth(i).check();
      card = await elin.press(card, 'Fortsätt', 'Läs igenom och skicka');
      await elin.picture(card, picture('1-review'));

      card = await elin.press(card, 'Skicka till din chef', 'Ansökan är skickad');
      expect(await card.innerText()).toContain('Karim Berg');
    }),
  120_000);

  it('R1, R4: the chief, the communicator and the communications chief approve from their cards', () =>
    step('approvals', async () => {
      const karim = as.chief;
      let card = await karim.card('Din tur att bestämma');
      await karim.picture(card, picture('2-chief'));
      await karim.press(card, 'Godkänn', 'Nu går ansökan till Sara Lind');

      card = await as.communicator.card('Din tur att bestämma');
      await as.communicator.press(card, 'Godkänn', 'Du har godkänt');

      card = await as.commschief.card('Din tur att bestämma');
      card = await as.commschief.press(card, 'Godkänn', 'Uppdraget gäller nu');
      await as.commschief.picture(card, picture('3-approved'));

      const elinsNews = await as.employee.card('Din ansökan är godkänd');
      expect(await elinsNews.innerText()).toContain(account);
    }),
  120_000);

  it('R3: the account appears on the public register page', () =>
    step('register', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      extraPages.push(page);
      await page.goto(`${functions}/api/register`);
      const row = page.locator('tr', { hasText: account });
      await row.waitFor({ timeout: 10_000 });
      expect(await row.innerText()).toContain('Instagram');
      await page.screenshot({ path: picture('4-register') });
    }),
  60_000);

  it('R4: the communications chief gets the account\'s record (akt) from the register card; the PDF opens and has every section', () =>
    step('record', async () => {
      const johan = as.commschief;
      const { ready, link } = await recordLink();
      const tab = await browser.newPage();
      extraPages.push(tab);
      // It opens: the browser gets the PDF from the signed link.
      const opened = await tab.goto(link);
      expect([opened?.headers()['content-type'], opened?.headers()['content-type'] === 'application/pdf' ? '' : await opened?.text()]).toEqual(['application/pdf', '']);
      expect(new URL(link).searchParams.get('sig')).toBeTruthy();
      const response = await johan.page.request.get(link);
      expect(response.headers()['content-type']).toBe('application/pdf');
      const { text, title } = pdfText(Buffer.from(await response.body()));
      expect(title).toBe(`Akt: ${account}`);
      for (const section of Object.values(texts('sv').records.sections)) expect(text).toContain(section);
      expect(text.replace(/\s+/g, ' ')).toContain('(kommunikationschef) godkände');
      await johan.picture(ready, picture('4b-record'));
    }),
  60_000);

  it('Security: in a team\'s channel, "@Kanalkoll registret" answers with the register as the public sees it, with no "Hämta akten"', () =>
    step('channel', async () => {
      const johan = as.commschief;
      await johan.openChannel('General');
      const card = await johan.mention('Kanalkoll', 'registret', 'Kommunens konton i sociala medier');
      expect(await card.innerText()).toContain(account);
      expect(await card.locator('button', { hasText: 'Hämta akten' }).count()).toBe(0);
      await johan.picture(card, picture('4d-channel-register'));
      await johan.openChannel('Personal Chat');
    }),
  60_000);

  it('R1, R2: the communications chief names a department\'s communicator with the people picker ("förvaltningar")', () =>
    step('departments', async () => {
      const johan = as.commschief;
      const card = await johan.say('förvaltningar', 'Kommunikatör per förvaltning');
      expect(await card.innerText()).toContain('Kommunledningsförvaltningen');
      // The pickers in order: the communications chief, then one per department by name (Kommunledning first).
      await johan.pickPerson(card, 1, 'Nora', 'Nora Sjöberg');
      await johan.press(card, 'Spara', 'Sparat. En ändring.');
    }),
  60_000);

  it('R14: the owner records a removed post (asked to fix it first, nothing typed lost), then says she will be away with a substitute', () =>
    step('removal and absence', async () => {
      const elin = as.employee;
      let card = await elin.say('borttaget inlägg', 'Registrera ett borttaget inlägg');
      await card.getByText('Personangrepp', { exact: true }).click();
      card = await elin.press(card, 'Spara', 'Något behöver rättas');
      // The ground chosen is still chosen; only what was removed is missing.
      expect(await card.getByRole('radio', { name: 'Personangrepp' }).isChecked()).toBe(true);
      await elin.fields(card).last().fill('En kommentar med ett personangrepp under inlägget om sommarlovet.');
      card = await elin.press(card, 'Spara', 'Sparat. Det borttagna inlägget finns nu i historiken');
      await elin.picture(card, picture('4c-removal'));

      card = await elin.say('jag är borta', 'Första dagen du är borta');
      await elin.date(card, 0, '2026-12-21');
      await elin.date(card, 1, '2027-01-01');
      await elin.pickPerson(card, 0, 'Nora', 'Nora Sjöberg');
      card = await elin.press(card, 'Spara', 'Nora Sjöberg får veta det när frånvaron börjar');
      expect(await card.innerText()).toContain('2026-12-21–2027-01-01');
    }),
  60_000);

  it('R15: at the half-year turn the owner gets the archive nudge and completes it', () =>
    step('archive', async () => {
      const elin = as.employee;
      const title = `Spara startsidan för ${account}`;
      expect(await elin.count(title)).toBe(0);

      const { handled } = await tick('2027-01-04T09:00');
      expect(handled).toBeGreaterThan(0);
      let card = await elin.card(title);
      await elin.picture(card, picture('5-archive-nudge'));

      await elin.fields(card).first().fill('KA 2027/14');
      card = await elin.press(card, 'Skickad till kommunarkivet', 'Arkiveringen (andra halvåret 2026) är gjord');
      await elin.picture(card, picture('6-archive-done'));

      // Done means done: past the day the reminder was due, none comes.
      await tick('2027-01-19T09:00');
      // The tick has sent what it queued; give the Playground a moment to show anything that came.
      await elin.page.waitForTimeout(2000);
      expect(await elin.count(`Påminnelse: startsidan för ${account}`)).toBe(0);
    }),
  120_000);

  it('Everyday use 8, 9: what falls due together comes as one card, and a done section says so in place', () =>
    step('one card', async () => {
      const elin = as.employee;
      // Since February the activity check has asked when the account was last updated; on 1 July the next archive snapshot is due.
      await tick('2027-07-05T09:00');
      let card = await elin.card('2 saker väntar på dig');
      expect(await elin.count('2 saker väntar på dig')).toBe(1);
      await elin.picture(card, picture('7-one-card'));
      // R11: the day of the latest post, within the 60 days.
      await elin.date(card, 0, '2027-07-01');
      card = await elin.press(card, 'Skicka datumet', 'Vi frågar igen 30 augusti 2027');
      // The same card: the archive section still asks, with its own button.
      expect(await card.locator('button[title="Skickad till kommunarkivet"]').count()).toBe(1);
      await elin.picture(card, picture('8-one-done'));
    }),
  120_000);

  it('R6: the owner evaluates her account, changes a goal from the evaluation, the chief approves, and the account card and the record show version 2', () =>
    step('evaluation and change', async () => {
      const elin = as.employee;
      // The evaluation opens from the account at any time (R6: at least once a year).
      let card = await elin.say('mina konton', 'Skriv en utvärdering');
      card = await elin.press(card, 'Skriv en utvärdering', `Utvärdering av ${account}`);
      // Per goal of the approved plan: reached or not, and the figure it named.
      await card.getByRole('radio', { name: 'Delvis', exact: true }).first().check();
      const figures = card.locator('input[role=spinbutton]');
      for (const [i, figure] of ['140', '140', '85', '2'].entries()) await figures.nth(i).fill(figure);
      await card.getByRole('radio', { name: 'Oftast', exact: true }).check();
      await elin.fields(card).last().fill('Målet om följare var för lågt satt för ett halvår.');
      await card.getByRole('radio', { name: 'Ja, men vi ändrar målen', exact: true }).check();
      await elin.picture(card, picture('9-evaluation'));
      card = await elin.press(card, 'Skicka utvärderingen', 'Ändra målen');

      // "Ändra målen" opens the change of the plan at its goals, filled with the approved version.
      card = await elin.press(card, 'Ändra målen', 'Du ändrar en godkänd aktivitetsplan');
      const goal = elin.fields(card).nth(2);
      expect(await goal.inputValue()).toBe('200 följare inom ett halvår');
      await goal.fill('400 följare inom ett år');
      card = await elin.press(card, 'Fortsätt', 'Skicka ändringen till närmaste chef');
      // Sent, her card shows the change waiting, with what changed; version 1 stands until it is approved.
      card = await elin.press(card, 'Skicka ändringen till närmaste chef', 'Ta tillbaka ändringen');
      expect(await card.innerText()).toContain('version 1 gäller tills den är godkänd');

      // Karim sees what changed against the version in force, and approves: a goal needs the chief alone.
      const karim = as.chief;
      card = await karim.card('Ändrat mot den version som gäller');
      expect(await card.innerText()).toContain('400 följare inom ett år');
      await karim.picture(card, picture('10-change-chief'));
      await karim.press(card, 'Godkänn', 'Version 2 av aktivitetsplanen gäller nu');

      // Elin is told, and her account card (updated in place) shows version 2: what changed, and who approved it.
      await elin.card('Ändringen är godkänd. Version 2 av aktivitetsplanen gäller nu.');
      card = await elin.card('Karim Berg godkände ändringen, version 2');
      expect(await card.innerText()).toContain('400 följare inom ett år');
      await elin.picture(card.getByText('Ändrat sedan förra versionen'), picture('10b-version-2'));

      // The record (akt) tells both versions: who changed what, and who approved it.
      const { link } = await recordLink();
      const pdf = pdfText(Buffer.from(await (await as.commschief.page.request.get(link)).body())).text.replace(/\s+/g, ' ');
      expect(pdf).toContain('Version 2');
      expect(pdf).toContain('Ändrad av Elin Ek: mål');
    }),
  120_000);

  it('R16: the communications chief opens "översikt": every department in charts, with what is overdue', () =>
    step('overview', async () => {
      const johan = as.commschief;
      const card = await johan.say('översikt', 'Konton per förvaltning');
      expect(await card.innerText()).toContain('Visa försenade');
      expect(await card.innerText()).not.toContain('kunde jag inte läsa');
      await johan.picture(card, picture('11-overview'));
    }),
  60_000);
});
