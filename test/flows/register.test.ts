import { DirectoryStore } from '../../bot/store/directory';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { connectTables, type Tables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import type { FunctionServer } from '../../dev/functionHost';
import { directory } from '../../dev/roles';
import path from 'node:path';
import { launchChromium } from '../../dev/browser';
import { startFunctionApp } from '../support/functionApp';

const docs = path.resolve(__dirname, '../../docs');
import { startTeams, type TeamsWorld } from '../support/teams';
import { startConnector, type TestConnector } from '../support/connector';
import { accountPlan, eventsTo, monitoringPlan, seed } from '../support/seed';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { countStorage, storagePorts, type StorageCounts } from '../../bench/storageCount';
import { actionsOf, TeamsClient, textOf } from '../support/teamsClient';

/** A register of its own: this suite runs on an Azurite no other test writes to. */
describe('the public register (R3), served over HTTP from Azurite', () => {
  let azurite: Azurite;
  let tables: Tables;
  let app: FunctionServer;
  let stores: { assignments: AssignmentStore; register: RegisterStore };

  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    await new DirectoryStore(tables).load(directory);
    stores = { assignments: new AssignmentStore(tables), register: new RegisterStore(tables) };
    await seed(stores, 'a-draft', accountPlan({ platform: 'Facebook', accountName: 'Utkastet' }), 'draft');
    await seed(stores, 'a-waiting', accountPlan({ platform: 'Facebook', accountName: 'Väntande' }), 'awaiting_communicator');
    await seed(stores, 'a-changes', accountPlan({ platform: 'Facebook', accountName: 'Ändras' }), 'changes_requested');
    await seed(stores, 'a-rejected', accountPlan({ platform: 'Facebook', accountName: 'Nekat' }), 'rejected');
    await seed(stores, 'a-closed', accountPlan({ platform: 'Facebook', accountName: 'Stängt' }), 'closed');
    await seed(stores, 'a-monitoring', monitoringPlan, 'active');
    await seed(stores, 'a-youtube', accountPlan({ platform: 'YouTube', accountName: 'Botkyrka bibliotek' }), 'active');
    await seed(stores, 'a-instagram', accountPlan({ platform: 'Instagram', accountName: 'Fritidsgårdarna i Botkyrka' }), 'active');
    await seed(
      stores,
      'a-evil',
      accountPlan(
        { platform: 'X', accountName: '"><img src=x onerror=alert(1)>', accountUrl: 'https://example.org/"onmouseover="x' },
        '<script>alert("syfte")</script>',
        '=HYPERLINK("http://evil.example","klicka") \u202Eטקסט מימין לשמאל ' + 'å'.repeat(1900),
        'kommunledning',
      ),
      'active',
    );
    app = await startFunctionApp({ AzureWebJobsStorage: azurite.connectionString });
  });
  afterAll(async () => {
    await app.close();
    await azurite.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('R3: lists the official accounts, active ones first by department then account, closed ones below; never monitoring; with the public fields', async () => {
    const body = (await (await get('/api/register.json')).json()) as { schemaVersion: number; accounts: Record<string, string>[] };

    expect(body.schemaVersion).toBe(2);
    expect(body.accounts.map((a) => a.accountName)).toEqual(['"><img src=x onerror=alert(1)>', 'Botkyrka bibliotek', 'Fritidsgårdarna i Botkyrka', 'Stängt']);
    expect(body.accounts.map((a) => a.status)).toEqual(['active', 'active', 'active', 'closed']);
    expect(body.accounts.map((a) => a.department)).toEqual(['Kommunledningsförvaltningen', 'Kultur- och fritidsförvaltningen', 'Kultur- och fritidsförvaltningen', 'Kultur- och fritidsförvaltningen']);
    expect(body.accounts[2]).toEqual({
      platform: 'Instagram',
      accountName: 'Fritidsgårdarna i Botkyrka',
      accountUrl: 'https://example.org/konto',
      department: 'Kultur- och fritidsförvaltningen',
      responsible: 'Elin Ek, Fritidsledare',
      purpose: 'Berätta om verksamheten.',
      audience: 'Invånare i Botkyrka',
      activeSince: '2026-11-02',
      status: 'active',
      records: expect.stringMatching(/^Kommunarkivet/),
    });
  });

  it('R3: a closed account stays on the register, marked closed with its date and where its records are', async () => {
    const instagram = (await stores.assignments.get('a-instagram'))!;
    const { revision } = instagram.value;
    const closed = { ...instagram.value, status: 'closed', closedAt: '2026-11-20T10:00:00.000Z', revision: revision + 1 } as typeof instagram.value;
    await stores.register.sync(closed);
    try {
      type Listed = { accountName: string; status: string; closedOn?: string; records: string; responsible: string };
      const listed = async () => ((await (await get('/api/register.json')).json()) as { accounts: Listed[] }).accounts.find((a) => a.accountName === 'Fritidsgårdarna i Botkyrka');
      expect(await listed()).toMatchObject({ status: 'closed', closedOn: '2026-11-20', records: expect.stringMatching(/^Kommunarkivet/) });
      // The department answers for a closed account, not the person who ran it.
      expect((await listed())?.responsible).not.toContain('Elin Ek');
      const html = await (await get('/api/register?status=stangda')).text();
      expect(html).toContain('<h2 id="stangda">Stängda konton</h2>');
      expect(html).toContain('Fritidsgårdarna i Botkyrka</a>');
      expect(html).not.toContain('<table id="aktiva">');
      expect(await (await get('/api/register.csv')).text()).toMatch(/"Fritidsgårdarna i Botkyrka".*"Stängt";"2026-11-20";"Kommunarkivet/);
      // The register never goes back to an older state of the account (two outbox runs may race).
      await stores.register.sync(instagram.value);
      expect((await listed())?.status).toBe('closed');
    } finally {
      // Listed again, as a later change would.
      await stores.register.sync({ ...instagram.value, revision: revision + 2 });
    }
  });

  it('R3: the HTML page escapes every user-written text and has a real table with headers', async () => {
    const response = await get('/api/register');
    const html = await response.text();

    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<th scope="col">Ansvarig</th>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;syfte&quot;)&lt;/script&gt;');
    // The address as a browser reads it (a quote in it is %22), escaped for the attribute all the same.
    expect(html).toContain('href="https://example.org/%22onmouseover=%22x"');
    expect(html).toContain('<caption>3 konton</caption>');
  });

  it('R3: filters by department and platform', async () => {
    const html = await (await get('/api/register?plattform=YouTube')).text();

    expect(html).toContain('<caption>1 konto</caption>');
    expect(html).toContain('Botkyrka bibliotek');
    expect(html).not.toContain('Fritidsgårdarna i Botkyrka</a>');
  });

  it('R3: the CSV opens in Excel with å, ä, ö and runs no formula', async () => {
    const response = await get('/api/register.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    const csv = bytes.toString('utf8');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe('"Plattform";"Konto";"Adress";"Förvaltning";"Ansvarig";"Syfte";"Målgrupp";"Aktivt sedan";"Status";"Stängt";"Handlingar finns hos"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klicka"")`);
    expect(csv).not.toMatch(/(^|;)"=/m);
    expect(csv).toContain('"Kultur- och fritidsförvaltningen"');
  });

  it('R3: answers 304 to a client that has the current version, and says how long to cache', async () => {
    const first = await get('/api/register.json');
    const etag = first.headers.get('etag')!;

    const again = await get('/api/register.json', { 'if-none-match': etag });

    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/api/register.json', { 'if-none-match': '"old"' })).status).toBe(200);
  });

  it('R3: in a browser, the page shows the table, filters, and works on a phone', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${app.url}/api/register`);
      expect(await page.locator('#aktiva tbody tr').count()).toBe(3);
      expect(await page.locator('#stangda-konton tbody tr').count()).toBe(1);
      // A 2,000-character word in one cell must not push the page sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      // Long Swedish words are hyphenated at syllables, not cut anywhere ("fritidsförvaltninge / n").
      expect(await page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('tbody td[data-label="Förvaltning"]')); return [document.documentElement.lang, s.overflowWrap, s.hyphens]; })()`)).toEqual(['sv', 'break-word', 'auto']);

      await page.selectOption('#forvaltning', 'Kultur- och fritidsförvaltningen');
      await page.click('button[type=submit]');
      await page.waitForURL(/forvaltning=/);
      expect(await page.locator('#aktiva tbody tr').count()).toBe(2);
      await page.screenshot({ path: path.join(docs, 'register.png'), fullPage: true });
      await page.goto(`${app.url}/api/register`);

      await page.selectOption('#plattform', 'YouTube');
      await page.click('button[type=submit]');
      await page.waitForURL(/plattform=YouTube/);
      expect(await page.locator('#aktiva tbody tr').count()).toBe(1);
      expect(await page.locator('tbody th').first().innerText()).toBe('Botkyrka bibliotek');

      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(`${app.url}/api/register`);
      expect((await phone.locator('#aktiva thead').boundingBox())!.x).toBeLessThan(0); // the headers move into each row
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(await phone.evaluate("getComputedStyle(document.querySelector('tbody td')).display")).toBe('block');
    } finally {
      await browser.close();
    }
  });

  /** The storage requests the app makes while `work` runs (it runs in this process: Node's HTTP diagnostics channel sees them). */
  const storageDuring = async <T>(work: () => Promise<T>): Promise<{ result: T; storage: StorageCounts }> => {
    const counter = countStorage(storagePorts(azurite.connectionString));
    try {
      const before = counter.snapshot();
      const result = await work();
      return { result, storage: counter.since(before) };
    } finally {
      counter.stop();
    }
  };
  const pages = ['/api/register', '/api/register?forvaltning=Kultur-+och+fritidsf%C3%B6rvaltningen&status=aktiva', '/api/register.json', '/api/register.csv'];

  it('R3 flood: a request for the version the client has gets 304 from two point reads, with nothing of the register read or drawn', async () => {
    for (const page of pages) {
      const etag = (await get(page)).headers.get('etag')!;

      const { result: again, storage } = await storageDuring(() => get(page, { 'if-none-match': etag }));

      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      // The register's version row and the directory's stamp; not the register's partition, not a person.
      expect(storage.byOperation).toEqual({ 'GET register entity': 1, 'GET directory entity': 1 });
    }
  });

  it('R3 flood: the register is read once per version; every other request is served what was drawn, after two point reads', async () => {
    for (const page of pages) {
      const first = await (await get(page)).text();

      const { result: again, storage } = await storageDuring(async () => {
        const response = await get(page);
        return { status: response.status, body: await response.text() };
      });

      expect(again).toEqual({ status: 200, body: first });
      expect(storage.byOperation).toEqual({ 'GET register entity': 1, 'GET directory entity': 1 });
    }
  });

  it('R3 flood: a change to the register is on the next request at every instance, with a new ETag', async () => {
    const other = await startFunctionApp({ AzureWebJobsStorage: azurite.connectionString });
    const youtube = (await stores.assignments.get('a-youtube'))!.value;
    const named = (state: Assignment, accountName: string, revision: number) =>
      ({ ...state, revision, plan: { ...state.plan, channel: { ...(state.plan as { channel: object }).channel, accountName } } }) as Assignment;
    const names = async (response: Response) => ((await response.json()) as { accounts: { accountName: string }[] }).accounts.map((a) => a.accountName);
    try {
      const instances = [app.url, other.url];
      const before = await Promise.all(instances.map(async (url) => (await fetch(`${url}/api/register.json`)).headers.get('etag')!));
      // The same version is the same ETag at every instance.
      expect(before[1]).toBe(before[0]);

      // Stored by another instance (the effects queue runs anywhere).
      await stores.register.sync(named(youtube, 'Botkyrka bibliotek i Tumba', youtube.revision + 1));

      for (const url of instances) {
        const response = await fetch(`${url}/api/register.json`, { headers: { 'if-none-match': before[0]! } });
        expect(response.status).toBe(200);
        expect(response.headers.get('etag')).not.toBe(before[0]);
        expect(await names(response)).toContain('Botkyrka bibliotek i Tumba');
      }
      expect(await (await fetch(`${other.url}/api/register`)).text()).toContain('Botkyrka bibliotek i Tumba</a>');
    } finally {
      await stores.register.sync(named(youtube, 'Botkyrka bibliotek', youtube.revision + 2));
      await other.close();
    }
    expect(await names(await get('/api/register.json'))).toContain('Botkyrka bibliotek');
  });

  it('R3 flood: a change in the directory (a department\'s mailbox) is on the next request, with a new ETag', async () => {
    const directoryStore = new DirectoryStore(tables);
    const withMailbox = (mailbox: string) => ({ ...directory, departments: directory.departments.map((d) => (d.id === 'kultur-fritid' ? { ...d, mailbox } : d)) });
    const records = async (response: Response) => ((await response.json()) as { accounts: { records: string }[] }).accounts.map((a) => a.records);
    const first = await get('/api/register.json');
    const etag = first.headers.get('etag')!;
    expect(await records(first)).toContain('Kommunarkivet, kultur.fritid@botkyrka.example');
    try {
      await directoryStore.load(withMailbox('kulturochfritid@botkyrka.example'));

      const next = await get('/api/register.json', { 'if-none-match': etag });

      expect(next.status).toBe(200);
      expect(next.headers.get('etag')).not.toBe(etag);
      expect(await records(next)).toContain('Kommunarkivet, kulturochfritid@botkyrka.example');
    } finally {
      await directoryStore.load(directory);
    }
  });

  it('R3 flood: an account approved to start later is on the register once its start has come, with a new ETag', async () => {
    const later = eventsTo('a-later', accountPlan({ platform: 'TikTok', accountName: 'Botkyrka startar snart' }), 'active').reduce<Assignment | undefined>(evolve, undefined) as Assignment & { activatedAt: string };
    const names = async (response: Response) => ((await response.json()) as { accounts: { accountName: string }[] }).accounts.map((a) => a.accountName);
    const days = 24 * 60 * 60 * 1000;
    const offset = process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await stores.register.sync({ ...later, activatedAt: new Date(Date.now() + 2 * days).toISOString() } as Assignment);
    try {
      const before = await get('/api/register.json');
      const etag = before.headers.get('etag')!;
      expect(await names(before)).not.toContain('Botkyrka startar snart');

      // The app's clock (bot/clock.ts) three days on: the start has come, and nothing was written meanwhile.
      process.env.KANALKOLL_CLOCK_OFFSET_MS = String(3 * days);
      const after = await get('/api/register.json', { 'if-none-match': etag });

      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(await names(after)).toContain('Botkyrka startar snart');
    } finally {
      if (offset === undefined) delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
      else process.env.KANALKOLL_CLOCK_OFFSET_MS = offset;
      // Off the register again (a state that is not listed), for the tests after this one.
      await stores.register.sync({ ...later, status: 'draft', revision: later.revision + 1 } as unknown as Assignment);
    }
    expect(await names(await get('/api/register.json'))).not.toContain('Botkyrka startar snart');
  });

  it('R3: can name only a role and a functional mailbox as responsible', async () => {
    const roleOnly = await startFunctionApp({ AzureWebJobsStorage: azurite.connectionString, KANALKOLL_REGISTER_RESPONSIBLE: 'role' });
    try {
      const body = (await (await fetch(`${roleOnly.url}/api/register.json`)).json()) as { accounts: { responsible: string }[] };
      expect(body.accounts[2]?.responsible).toBe('Fritidsledare, kultur.fritid@botkyrka.example');
      expect(JSON.stringify(body)).not.toContain('Elin Ek');
    } finally {
      await roleOnly.close();
    }
  });
});

describe('the register in Teams ("registret")', () => {
  let azurite: Azurite;
  let app: FunctionServer;
  let connector: TestConnector;
  let elin: TeamsClient;

  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    const tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    await new DirectoryStore(tables).load(directory);
    const stores = { assignments: new AssignmentStore(tables), register: new RegisterStore(tables) };
    for (let i = 1; i <= 6; i++) await seed(stores, `k${i}`, accountPlan({ platform: 'Facebook', accountName: `Fritid ${i}` }), 'active');
    await seed(stores, 'k7', accountPlan({ platform: 'LinkedIn', accountName: 'Jobba i Botkyrka' }, 'Rekrytering', 'Arbetssökande', 'kommunledning'), 'active');
    await seed(stores, 'k8', monitoringPlan, 'active');
    app = await startFunctionApp({ AzureWebJobsStorage: azurite.connectionString });
    connector = await startConnector();
    elin = new TeamsClient(`${app.url}/api/messages`, connector, 'employee');
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    await azurite.stop();
  });

  it('R3: shows the register five accounts at a time, with the next page a button away', async () => {
    const first = await elin.say('registret');
    expect(textOf(first)).toContain('Konton 1–5 av 7');
    expect(textOf(first)).toContain('Jobba i Botkyrka');

    const second = await elin.press(first, 'Nästa');

    expect(textOf(second)).toContain('Konton 6–7 av 7');
    expect(actionsOf(second).map((a) => a.title)).toEqual(['Visa', 'Föregående']); // no Nästa on the last page
    expect(textOf(second)).toContain('Öppna registret på webben');
  });

  it('R3: filters the register by department', async () => {
    const card = await elin.say('registret');

    const filtered = await elin.press(card, 'Visa', { department: 'Kommunledningsförvaltningen' });

    expect(textOf(filtered)).toContain('Ett konto.');
    expect(textOf(filtered)).toContain('Jobba i Botkyrka');
    expect(textOf(filtered)).not.toContain('Fritid 1');
  });
});

/**
 * What people write cannot make a link: an address or a purpose written as markdown shows as text,
 * and the account's one link goes to its address. The account is stored as validation once let
 * such an address through (older data), so the card and the page are tried on their own.
 */
describe('user text on the register makes no link (issue 34)', () => {
  const crafted = 'https://instagram.com/x) Logga in: [botkyrka.se](https://evil.example/p';
  let world: TeamsWorld;

  /** Every link a Teams client would show on the card's entries: markdown links in texts and facts, and Action.OpenUrl. */
  function linksOf(node: unknown): string[] {
    if (Array.isArray(node)) return node.flatMap(linksOf);
    if (typeof node !== 'object' || node === null) return [];
    const element = node as Record<string, unknown>;
    // A backslash-escaped character is text, never markdown.
    const markdown = (text: unknown) => (typeof text === 'string' ? [...text.replace(/\\./g, '').matchAll(/\[[^\]]*\]\(([^)\s]*)/g)].map((m) => m[1]!) : []);
    const own = [
      ...(element.type === 'Action.OpenUrl' ? [String(element.url)] : []),
      ...(element.type === 'TextBlock' ? markdown(element.text) : []),
      ...(element.type === 'FactSet' ? (element.facts as { title: unknown; value: unknown }[]).flatMap((f) => [...markdown(f.title), ...markdown(f.value)]) : []),
    ];
    return [...own, ...Object.values(element).flatMap(linksOf)];
  }

  beforeAll(async () => {
    world = await startTeams(['employee'], {}, async (tables) => {
      const stores = { assignments: new AssignmentStore(tables), register: new RegisterStore(tables) };
      await seed(stores, 'crafted', accountPlan({ platform: 'Instagram', accountName: 'Fritid *i* _Botkyrka_', accountUrl: crafted }, 'Nyheter. [Logga in här](https://evil.example/syfte)'), 'active');
    });
  });
  afterAll(() => world.close());

  it('the register card shows one link for the account, to its address, and what was written as markdown as text', async () => {
    const card = await world.client('employee').say('registret');
    const entries = (card.body as { type: string }[]).filter((e) => e.type === 'Container');

    const links = linksOf(entries);

    expect(links).toHaveLength(1);
    expect(new URL(links[0]!).hostname).toBe('instagram.com');
    expect(links[0]).toBe(new URL(crafted).href);
    expect(textOf(card)).not.toMatch(/[^\\]\[Logga in här\]/);
    // The name is the link's text: a TextRun, where markdown is never read, so it shows as written.
    expect(JSON.stringify(entries)).toContain('"text":"Fritid *i* _Botkyrka_"');
  });

  it('the public page links the account once, to its address, and shows the rest as text', async () => {
    const html = await (await fetch(`${world.app.url}/api/register`)).text();
    const table = html.slice(html.indexOf('<table id="aktiva">'), html.indexOf('</table>'));

    const hrefs = [...table.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);

    expect(hrefs).toEqual([new URL(crafted).href]);
    expect(html).not.toContain('href="https://evil.example');
  });
});
