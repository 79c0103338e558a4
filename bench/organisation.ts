import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { zone } from '../bot/domain/calendar';
import { defaultDutySettings } from '../bot/domain/duties';
import { sendDigests } from '../bot/flows/duties/digest';
import { countFigures } from '../bot/flows/shared/countFigures';
import { RegisterPublisher } from '../bot/flows/register/publish';
import type { Messenger } from '../bot/flows/messenger';
import { consoleLog, type Log } from '../bot/log';
import { AssignmentStore } from '../bot/store/assignments';
import { ConversationReferences } from '../bot/store/conversations';
import { DirectoryStore } from '../bot/store/directory';
import { DutySchedule } from '../bot/store/duties';
import { NudgeLedger } from '../bot/store/nudges';
import { RegisterStore } from '../bot/store/register';
import { ReportStore } from '../bot/store/reports';
import { FigureStore } from '../bot/store/figures';
import type { Tables } from '../bot/store/tables';
import { generateOrg } from '../dev/generateOrg';
import { directory, tenantId, users } from '../dev/roles';
import { activeWithHistory, storeWithHistory, type AccountOf } from '../test/support/accountHistory';
import { cardsSent, keepingCards, teamsBytes, teamsCardLimit, type Answered } from '../test/support/cardSizes';
import { everyCardJourney } from '../test/support/cardJourney';
import { startConnector, type TestConnector } from '../test/support/connector';
import { startDevHost, type DevHost } from '../test/support/devHost';
import { tablesOf } from '../test/support/devHostStorage';
import { settled } from './settled';
import { channel } from '../test/support/samplePlan';
import { TeamsClient, type Card } from '../test/support/teamsClient';
import { eachLimited } from '../bot/eachLimited';
import { count, median, ms, times, yesNo, type Part, type Row } from './report';
import { countStorage, type StorageCounts } from './storageCount';

/**
 * P5, organisation scale: the same work on two dev hosts, one with the six local people and a few
 * accounts (the floor), one with the generator's organisation and hundreds of active accounts with
 * two years of history (seeded through the stores into the host's Azurite). The cards, the P1 turns
 * and the register over HTTP; the weekly digest in this process against each host's storage, so its
 * storage requests can be counted (bench/storageCount.ts). Every figure is a ratio against the floor.
 */
export const turnKinds = ['hej', 'ny ansökan', 'plan.save', 'mina konton', 'registret', 'översikt'] as const;
export type TurnKind = (typeof turnKinds)[number];
export const formats = ['html', 'json', 'csv'] as const;
type Format = (typeof formats)[number];
const routes: Record<Format, string> = { html: 'register', json: 'register.json', csv: 'register.csv' };
/** Accounts Elin owns at either site: "mina konton" lists the same on both. */
const elinsAccounts = 3;
const quiet: Log = { info: () => undefined, warn: () => undefined, error: consoleLog.error };

interface Site {
  readonly host: DevHost;
  readonly url: string;
  readonly tables: Tables;
  readonly port: number;
  readonly accounts: number;
  readonly elin: TeamsClient;
  /** The communications chief: "översikt" over every department (R16). */
  readonly johan: TeamsClient;
  readonly turns: Record<TurnKind, number[]>;
  readonly register: Record<Format, number[]>;
}

export interface DigestFigures {
  readonly ms: number;
  readonly sent: number;
  readonly storage: StorageCounts;
}

export interface SiteFigures {
  readonly people: number;
  readonly accounts: number;
  /** A kind measured since: absent in figures stored before it was. */
  readonly turns: Partial<Record<TurnKind, { readonly median: number; readonly p99: number }>>;
  readonly register: Record<Format, number>;
  readonly registerStorage: StorageCounts;
  readonly digest: DigestFigures;
  /** One `AssignmentStore.all()`: every assignment entity once, the floor of a digest's assignment reads. */
  readonly assignmentsOnce: StorageCounts;
  /** The largest card of each kind, in UTF-16 bytes. */
  readonly cards: Record<string, number>;
}

export interface OrganisationFigures {
  readonly turns: number;
  readonly warmup: number;
  readonly digestRuns: number;
  readonly seedSeconds: number;
  readonly local: SiteFigures;
  readonly organisation: SiteFigures;
  readonly note: string;
}

const personRef = (p: { aadObjectId: string; name: string }) => ({ aadObjectId: p.aadObjectId, name: p.name });
const elinAccount = (i: number, activatedAt: DateTime): AccountOf => ({
  id: `elin-${i}`, owner: personRef(users.employee), departmentId: users.employee.departmentId, chiefAadObjectId: users.chief.aadObjectId, colleague: users.admin.aadObjectId, activatedAt,
});

/** Who owns the accounts at the floor: the local people, in their departments. */
function localOwners(count: number, activatedAt: (i: number) => DateTime): AccountOf[] {
  const others = [users.colleague, users.admin, users.communicator];
  return Array.from({ length: count }, (_, i) => {
    if (i < elinsAccounts) return elinAccount(i, activatedAt(i));
    const owner = others[i % others.length]!;
    return { id: `local-${i}`, owner: personRef(owner), departmentId: owner.departmentId, chiefAadObjectId: users.chief.aadObjectId, colleague: users.employee.aadObjectId, activatedAt: activatedAt(i) };
  });
}

/** Who owns the accounts in the organisation: its staff, spread over every department, under their own chiefs. */
function orgOwners(org: ReturnType<typeof generateOrg>, departmentIds: Map<string, string>, count: number, activatedAt: (i: number) => DateTime): AccountOf[] {
  const staff = org.filter((p) => p.manager && !['Enhetschef', 'Förvaltningschef'].includes(p.jobTitle ?? ''));
  const stride = Math.max(1, Math.floor(staff.length / count));
  return Array.from({ length: count }, (_, i) => {
    if (i < elinsAccounts) return elinAccount(i, activatedAt(i));
    const owner = staff[(i * stride) % staff.length]!;
    const colleague = staff[(i * stride + 1) % staff.length]!;
    const departmentId = departmentIds.get(owner.department ?? '');
    if (!departmentId) throw new Error(`no department "${owner.department}" in the host's directory`);
    return { id: `org-${i}`, owner: { aadObjectId: owner.id, name: owner.displayName }, departmentId, chiefAadObjectId: owner.manager!.id, colleague: colleague.id, activatedAt: activatedAt(i) };
  });
}

async function seedSite(site: Site, owners: readonly AccountOf[], now: DateTime, communicators: Map<string, string>) {
  const stores = { assignments: new AssignmentStore(site.tables), register: new RegisterStore(site.tables) };
  // One at a time: each renews the register's version row, which two at once would race for (the app's effects retry; a seed need not).
  await eachLimited([...owners], 1, (account) => storeWithHistory(stores, activeWithHistory(account, now)));
  // Every department gets a communicator, so each has a reader of its own digest.
  const directoryStore = new DirectoryStore(site.tables);
  const departments = (await directoryStore.allDepartments()).map((d) => ({ ...d, communicatorAadObjectId: d.communicatorAadObjectId || (communicators.get(d.name) ?? '') }));
  await directoryStore.load({ departments, people: [], communicationsChiefAadObjectId: users.commschief.aadObjectId });
}

async function serve(args: readonly string[], connector: TestConnector, accounts: number): Promise<Site> {
  const host = startDevHost([...args, '--no-playground']);
  const url = await host.ready(300_000);
  const { tables, port } = tablesOf(host);
  const client = (role: 'employee' | 'commschief') => new TeamsClient(`${url}/api/messages`, connector, role);
  return { host, url, tables, port, accounts, elin: client('employee'), johan: client('commschief'), turns: { hej: [], 'ny ansökan': [], 'plan.save': [], 'mina konton': [], registret: [], översikt: [] }, register: { html: [], json: [], csv: [] } };
}

/** Every card of the journey at a site, the weekly digest's cards among them: the largest of each kind. */
async function cardsAt(site: Site, connector: TestConnector, digestCards: readonly Card[]): Promise<Record<string, number>> {
  const answered: Answered[] = [];
  const client = (role: 'employee' | 'chief' | 'communicator' | 'commschief') => keepingCards(new TeamsClient(`${site.url}/api/messages`, connector, role), answered);
  // A turn of their own first: the host then knows their chats, and sends them the approval cards.
  for (const role of ['chief', 'communicator', 'commschief'] as const) await new TeamsClient(`${site.url}/api/messages`, connector, role).say('hej');
  const before = connector.sent().length;
  const elin = client('employee');
  await elin.say('hej');
  await everyCardJourney({ elin, karim: client('chief'), sara: client('communicator'), johan: client('commschief') }, connector);
  // R16: the overview of every department and its first page of overdue duties.
  const johan = client('commschief');
  await johan.press(await johan.say('översikt'), 'Visa försenade');
  // A message's answer also went through the connector: kept once, under what was said.
  const said = new Set(answered.map((a) => JSON.stringify(a.card)));
  const sent = cardsSent(connector, before).filter((c) => !said.has(JSON.stringify(c.card)));
  const all = [...answered, ...sent, ...digestCards.map((card) => ({ what: 'weekly digest', card }))];
  const largest: Record<string, number> = {};
  for (const { what, card } of all) largest[what] = Math.max(largest[what] ?? 0, teamsBytes(card));
  return largest;
}

/** The weekly digest in this process against the site's storage, with fresh stores (a timer's run), its storage requests counted. */
async function digestAt(site: Site, connector: TestConnector, monday: DateTime, cards: Card[]): Promise<DigestFigures> {
  const t = site.tables;
  const sender: Messenger = {
    sendCard: async (_reach, aadObjectId, card) => {
      if (typeof card !== 'string') cards.push(card as Card);
      return { ok: true, sent: { aadObjectId, conversationId: `personal-${aadObjectId}`, activityId: String(cards.length), serviceUrl: connector.serviceUrl } };
    },
    updateCard: async () => 'updated',
  };
  const deps = {
    assignments: new AssignmentStore(t), directory: new DirectoryStore(t), conversations: new ConversationReferences(t), ledger: new NudgeLedger(t), reports: new ReportStore(t), schedule: new DutySchedule(t), figures: new FigureStore(t),
    sender, settings: defaultDutySettings, clock: () => monday.toJSDate(), log: quiet, reach: { tenantId, serviceUrl: connector.serviceUrl },
  };
  const counter = countStorage([site.port]);
  const before = counter.snapshot();
  const started = performance.now();
  const { sent } = await sendDigests(deps);
  const ms = performance.now() - started;
  const storage = counter.since(before);
  counter.stop();
  if (sent === 0) throw new Error(`no digest sent on ${monday.toISO()}`);
  return { ms, sent, storage };
}

async function counted(port: number, work: () => Promise<unknown>): Promise<StorageCounts> {
  const counter = countStorage([port]);
  const before = counter.snapshot();
  await work();
  const counts = counter.since(before);
  counter.stop();
  return counts;
}

async function timedTurns(sites: readonly Site[], turns: number, warmup: number) {
  const saves = new Map<Site, Card>();
  for (const site of sites) {
    const who = await site.elin.say('ny ansökan');
    saves.set(site, await site.elin.press(who, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId }));
  }
  const turn = async (site: Site, kind: TurnKind) => {
    // R16: the communications chief's overview of every department, read from the counted rows.
    if (kind === 'översikt') return site.johan.say(kind);
    if (kind !== 'plan.save') return site.elin.say(kind);
    const card = await site.elin.press(saves.get(site)!, 'Spara', channel);
    saves.set(site, card);
    return card;
  };
  for (let i = 0; i < warmup + turns; i++) {
    const order = i % 2 === 0 ? sites : [...sites].reverse();
    for (const kind of turnKinds) {
      for (const site of order) {
        // On a host that has finished what earlier turns left on its effects queue.
        await settled(site.tables);
        const started = performance.now();
        await turn(site, kind);
        if (i >= warmup) site.turns[kind].push(performance.now() - started);
      }
    }
  }
}

async function timedRegister(sites: readonly Site[], requests: number) {
  for (let i = 0; i < requests + 3; i++) {
    for (const format of formats) {
      for (const site of i % 2 === 0 ? sites : [...sites].reverse()) {
        const started = performance.now();
        const response = await fetch(`${site.url}/api/${routes[format]}`);
        const body = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200 || !body.includes(`Botkyrka elin-0`)) throw new Error(`${routes[format]} answered ${response.status}: ${body.slice(0, 300)}`);
        if (i >= 3) site.register[format].push(elapsed);
      }
    }
  }
}

const p99 = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * 0.99) - 1)] ?? 0;

export async function organisationBench(options: { people: number; accounts: number; floorAccounts: number; turns: number; digestRuns: number }): Promise<OrganisationFigures> {
  const org = generateOrg(options.people);
  const orgFile = path.join(os.tmpdir(), `kanalkoll-org-${options.people}.json`);
  writeFileSync(orgFile, JSON.stringify(org));
  const connector = await startConnector();
  const sites: Site[] = [];
  const began = performance.now();
  const say = (what: string) => process.stdout.write(`  ${((performance.now() - began) / 1000).toFixed(0)} s: ${what}\n`);
  try {
    sites.push(await serve([], connector, options.floorAccounts));
    say(`the dev host with the local people is up; the one with ${options.people} people syncs them…`);
    sites.push(await serve(['--org', orgFile], connector, options.accounts));
    const [local, organisation] = sites as [Site, Site];

    // Activated over the two years before now, so each has up to two years of duties done.
    const now = DateTime.now().setZone(zone);
    const activatedAt = (count: number) => (i: number) => now.minus({ days: 30 + Math.floor(((i + 0.5) / count) * 700) });
    const seedStart = performance.now();
    say(`seeding ${options.floorAccounts} and ${options.accounts} active accounts with their history…`);
    const departmentIds = new Map((await new DirectoryStore(organisation.tables).allDepartments()).map((d) => [d.name, d.id]));
    const communicators = new Map<string, string>();
    for (const p of org) if (p.jobTitle === 'Kommunikatör' && p.department && !communicators.has(p.department)) communicators.set(p.department, p.id);
    await seedSite(local, localOwners(options.floorAccounts, activatedAt(options.floorAccounts)), now, new Map());
    await seedSite(organisation, orgOwners(org, departmentIds, options.accounts, activatedAt(options.accounts)), now, communicators);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // R16: the overview's figures, counted as the morning timer counts them.
    for (const site of sites) {
      const t = site.tables;
      await countFigures({ assignments: new AssignmentStore(t), directory: new DirectoryStore(t), reports: new ReportStore(t), figures: new FigureStore(t), settings: defaultDutySettings, clock: () => new Date(), log: quiet });
    }

    say('the weekly digest…');
    const digests = new Map<Site, DigestFigures[]>(sites.map((s) => [s, []]));
    const digestCards = new Map<Site, Card[]>(sites.map((s) => [s, []]));
    for (let week = 1; week <= options.digestRuns; week++) {
      const monday = now.plus({ weeks: week }).startOf('week').set({ hour: 9 });
      for (const site of week % 2 === 0 ? sites : [...sites].reverse()) digests.get(site)!.push(await digestAt(site, connector, monday, digestCards.get(site)!));
    }
    const assignmentsOnce = new Map<Site, StorageCounts>();
    const registerStorage = new Map<Site, StorageCounts>();
    for (const site of sites) {
      assignmentsOnce.set(site, await counted(site.port, () => new AssignmentStore(site.tables).all()));
      const deps = { register: new RegisterStore(site.tables), directory: new DirectoryStore(site.tables), registerResponsible: 'role' as const, publicBaseUrl: site.url, clock: () => new Date() };
      // A publisher of its own: what one instance reads for a version it has not drawn yet.
      registerStorage.set(site, await counted(site.port, () => new RegisterPublisher(deps).publish('json', null)));
    }
    say('the register…');
    await timedRegister(sites, Math.max(10, Math.round(options.turns / 4)));

    say('every card…');
    const cards = new Map<Site, Record<string, number>>();
    for (const site of sites) cards.set(site, await cardsAt(site, connector, digestCards.get(site)!));
    say('the P1 turns…');
    const warmup = Math.ceil(options.turns / 10);
    await timedTurns(sites, options.turns, warmup);

    say('done');
    const figuresOf = (site: Site, people: number): SiteFigures => {
      const runs = digests.get(site)!;
      const middle = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
      return {
        people,
        accounts: site.accounts,
        turns: Object.fromEntries(turnKinds.map((k) => [k, { median: median(site.turns[k]), p99: p99(site.turns[k]) }])) as SiteFigures['turns'],
        register: Object.fromEntries(formats.map((f) => [f, median(site.register[f])])) as SiteFigures['register'],
        registerStorage: registerStorage.get(site)!,
        digest: { ms: middle.ms, sent: middle.sent, storage: runs[0]!.storage },
        assignmentsOnce: assignmentsOnce.get(site)!,
        cards: cards.get(site)!,
      };
    };
    return {
      turns: options.turns,
      warmup,
      digestRuns: options.digestRuns,
      seedSeconds,
      local: figuresOf(local, directory.people.length),
      organisation: figuresOf(organisation, directory.people.length + options.people),
      note: `cards ≤ ${teamsCardLimit / 1024} KB in UTF-16; digest and register storage counted in the bench process against each host's Azurite`,
    };
  } finally {
    for (const { host } of sites) host.child.kill('SIGINT');
    await Promise.all(sites.map(({ host }) => host.exited));
    await connector.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const perAccount = (n: number, accounts: number) => (n / accounts).toFixed(2);
/** The busiest operations of a count, for the measure's words: `GET assignments scan ×1, GET directory entity ×27`. */
const profile = (c: StorageCounts) =>
  Object.entries(c.byOperation)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([op, n]) => `${op} ×${n}`)
    .join(', ');

function rowsOf(f: OrganisationFigures): Row[] {
  const { local: floor, organisation: org } = f;
  const scale = `${count(org.people)} people, ${count(org.accounts)} accounts`;
  const floorScale = `${count(floor.people)} people, ${count(floor.accounts)} accounts`;
  const growth = org.accounts / floor.accounts;
  const grows = (figure: number, floorFigure: number, measure: string, shown: (n: number) => string): Row => ({
    measure,
    figure: shown(figure),
    floor: `${shown(floorFigure)} (${floorScale})`,
    ratio: times(figure / floorFigure),
    goal: `≤ ${times(growth)} (accounts)`,
    met: yesNo(figure / floorFigure <= growth),
  });
  const cards = Object.entries(org.cards)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]): Row => ({
      measure: `P5 largest card at ${scale}: ${kind}`,
      figure: kb(bytes),
      floor: floor.cards[kind] === undefined ? '—' : `${kb(floor.cards[kind])} (${floorScale})`,
      ratio: floor.cards[kind] === undefined ? '—' : times(bytes / floor.cards[kind]),
      goal: `≤ ${teamsCardLimit / 1024} KB`,
      met: yesNo(bytes <= teamsCardLimit),
    }));
  const turns = turnKinds.map((kind): Row => {
    const [mine, theirs] = [org.turns[kind], floor.turns[kind]];
    const what = `P5 turn ${kind === 'plan.save' ? kind : `"${kind}"`} at ${scale}`;
    if (!mine || !theirs) return { measure: `${what} (not yet measured)`, figure: '—', floor: '—', ratio: '—', goal: '≤ 1.2×', met: '—' };
    const ratio = mine.median / theirs.median;
    return {
      measure: `${what}, median of ${f.turns} (p99 ${ms(mine.p99)} / ${ms(theirs.p99)})`,
      figure: ms(mine.median),
      floor: `${ms(theirs.median)} (${floorScale})`,
      ratio: times(ratio),
      goal: '≤ 1.2×',
      met: yesNo(ratio <= 1.2),
    };
  });
  const register = formats.map((format) => grows(org.register[format], floor.register[format], `P5 register ${format === 'html' ? 'page' : format.toUpperCase()} for ${count(org.accounts)} accounts, median`, ms));
  const assignmentBytes = (c: StorageCounts) => Object.entries(c.bytesByOperation).filter(([op]) => op.startsWith('GET assignments')).reduce((sum, [, n]) => sum + n, 0);
  const digestAssignments = assignmentBytes(org.digest.storage);
  const once = assignmentBytes(org.assignmentsOnce);
  return [
    ...cards,
    ...turns,
    ...register,
    {
      measure: `P5 register storage reads (${perAccount(org.registerStorage.reads, org.accounts)} per account; ${profile(org.registerStorage)})`,
      figure: `${count(org.registerStorage.reads)} (${kb(org.registerStorage.bytesIn)})`,
      floor: `${count(floor.registerStorage.reads)} (${kb(floor.registerStorage.bytesIn)}) (${floorScale})`,
      ratio: times(org.registerStorage.reads / floor.registerStorage.reads),
      goal: '(a profile, not a goal)',
      met: '—',
    },
    grows(org.digest.ms, floor.digest.ms, `P5 weekly digest to ${org.digest.sent} readers (floor ${floor.digest.sent}), median of ${f.digestRuns}`, (n) => `${(n / 1000).toFixed(2)} s`),
    grows(org.digest.storage.reads, floor.digest.storage.reads, `P5 digest storage reads (${perAccount(org.digest.storage.reads, org.accounts)} per account; ${profile(org.digest.storage)}; ${kb(org.digest.storage.bytesIn)} in)`, count),
    {
      measure: `P5 digest: assignment rows read ÷ one read of every assignment (${org.digest.sent} readers)`,
      figure: kb(digestAssignments),
      floor: `${kb(once)} (AssignmentStore.all once)`,
      ratio: once > 0 ? times(digestAssignments / once) : '—',
      goal: '≤ 1.5× (not per department)',
      met: yesNo(digestAssignments / once <= 1.5),
    },
  ];
}

export const organisationPart: Part<OrganisationFigures> = {
  name: 'organisation',
  file: 'organisation.json',
  key: 'organisation',
  run: (options) => organisationBench({ people: options.people, accounts: options.accounts, floorAccounts: 10, turns: options.orgTurns, digestRuns: 5 }),
  rows: rowsOf,
};
