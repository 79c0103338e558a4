import { topics } from '../../bot/domain/policyHelp';
import { reportKinds } from '../../bot/domain/report';
import { verbs, type Verb } from '../../cards';
import { roles, users, type Role } from '../../dev/roles';
import { seeded } from './connector';
import { administration, channel, commitments, purpose } from './samplePlan';

/**
 * Card submissions as Teams would send them, for every verb: first the valid one a real card
 * sends, then broken on purpose (wrong types, fields missing, text far too long, ids of things
 * that are someone else's or nobody's, data that is not an object), with unicode and markup riding
 * along in other fields. Seeded: the same seed gives the same submissions.
 */
export type Actor = Role | 'anonymous';

/** What the seeded world holds for submissions to point at. */
export interface Targets {
  /** The employee's draft and the revision its cards carry. */
  readonly draft: { readonly id: string; readonly revision: number };
  /** The employee's plan waiting for the chief, its version, and the revision the chief's cards correcting it carry. */
  readonly awaiting: { readonly id: string; readonly version: number; readonly revision: number };
  /** The employee's active account (with duties). */
  readonly active: string;
  /** A colleague's draft, and a colleague's active account. */
  readonly othersDraft: string;
  readonly othersActive: string;
  /** Today in the app (YYYY-MM-DD). */
  readonly today: string;
}

export interface Submission {
  readonly verb: Verb;
  readonly actor: Actor;
  /** `undefined`: the action carries no data at all. */
  readonly data: unknown;
  /** What makes it invalid, in words; empty for a verb that takes no input. */
  readonly mutations: readonly string[];
  /** The answer must be a clear refusal. */
  readonly refused: boolean;
}

class Dice {
  constructor(private readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[this.int(items.length)] as T;
  }
}

type Data = Record<string, unknown>;
interface Draft {
  actor: Actor;
  data: Data;
  /** Replaces the data as a whole (not an object, or absent). */
  whole?: { value: unknown };
}

/** One way to break a submission. `key` keeps two mutations off the same field. */
interface Mutation {
  readonly key: string;
  readonly kind: 'actor' | 'target' | 'field' | 'shape';
  apply(draft: Draft, dice: Dice, t: Targets): string;
}

// 100,000 UTF-16 code units each.
const big = ['x'.repeat(100_000), 'å'.repeat(100_000), '😀'.repeat(50_000)];
const unicode = ['\u202Eטקסט הפוך\u202C', 'مرحبا بالعالم', 'a\u200Bb\u200C\u200D\uFEFFc', '👩🏽‍💻🇸🇪🔥', 'a\u0000b\u0007\u001b[2J', '\uD800', 'x\uDC00y', 'e\u0301\u0301\u0301'];
const markup = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '**fet** [länk](javascript:alert(1))', '${$root}', '${draftId}',
  "${if(true, 'a', 'b')}", '{{DATE(2027-01-01T00:00:00Z, SHORT)}}', "x' or RowKey ne '", '../../etc/passwd', 'a/b\\c#d?e%2F',
];
const riders = [...unicode, ...markup];
const extraKeys = ['extra', 'note', 'constructor', 'prototype', 'toString', '$root', '$data', 'status', 'applicant', 'approvers', 'aadObjectId', 'étiquette', '🔥', ''];
const wrongForString: readonly unknown[] = [0, 42, -1, 1.5, true, false, null, [], ['x'], {}, { id: 'x' }];
const wrongForWhole: readonly unknown[] = [true, false, null, [], [1], ['1'], {}, '', ' ', 'abc', '0x1', '1e1', '1.5', 1.5, -1, '-1', 'NaN', 'Infinity', '١'];
const wrongForCount: readonly unknown[] = ['', ' ', null, true, false, [], [5], {}, -1, '-1', 1.5, '1.5', 'abc', 'tio', 100_000_001];
const badDates: readonly unknown[] = ['', '2027-02-30', '2027-13-01', '2027-1-5', '5/1/2027', 'nästa måndag', 20270105, null, ...big.slice(0, 1)];
const tooLong = (max: number) => ['x'.repeat(max + 1), ...big];
const unknownIds = (real: string): string[] => [
  '00000000-0000-4000-8000-00000000dead', `${real}\u200B`, `\u202E${real}`, `${real}\u0000`, `\uD800${real}`, `${real.slice(0, -1)}\uDC00`,
  '${draftId}', `<b>${real}</b>`, "x' or RowKey ne '", `../${real}`, '%2F%23%3F', 'x'.repeat(101), ...big,
];
const aad = (role: Role) => users[role].aadObjectId;
const actorsAll: readonly Actor[] = [...roles, 'anonymous'];

type Values = readonly unknown[] | ((draft: Draft, t: Targets) => readonly unknown[]);
const valuesOf = (values: Values, draft: Draft, t: Targets) => (typeof values === 'function' ? values(draft, t) : values);

const set = (field: string, what: string, values: Values, kind: Mutation['kind'] = 'field'): Mutation => ({
  key: field,
  kind,
  apply: (draft, dice, t) => {
    draft.data[field] = dice.pick(valuesOf(values, draft, t));
    return `${field}: ${what}`;
  },
});
const drop = (field: string): Mutation => ({
  key: field,
  kind: 'field',
  apply: (draft) => {
    delete draft.data[field];
    return `${field}: missing`;
  },
});
/** A field the verb needs: missing, of the wrong type, or one of `bad`. */
const field = (name: string, what: string, bad: Values, wrong: readonly unknown[] = wrongForString): Mutation[] => [
  drop(name),
  ...(wrong.length > 0 ? [set(name, 'wrong type', wrong)] : []),
  set(name, what, bad),
];
/** An id the verb acts on: missing, wrong type, nobody's, or (`others`) something the sender may not act on. */
const id = (name: string, others?: (t: Targets) => readonly string[]): Mutation[] => [
  drop(name),
  set(name, 'wrong type', wrongForString),
  set(name, 'unknown id', (draft) => unknownIds(String(draft.data[name] ?? 'id'))),
  ...(others ? [set(name, 'not theirs to act on', (_d, t) => others(t), 'target')] : []),
];
const notAnObject: Mutation = {
  key: 'shape',
  kind: 'shape',
  apply: (draft, dice) => {
    draft.whole = { value: dice.pick<unknown>(['a string', 42, true, null, undefined, [], [{ ...draft.data }]]) };
    return 'data: not an object';
  },
};

interface Recipe {
  /** Reached through `personal()`: a turn without a user is refused. */
  readonly personal: boolean;
  /** Who may send the valid submission. */
  readonly actors: readonly Actor[];
  /** The valid data; absent for verbs that take no input. */
  readonly base?: (t: Targets, dice: Dice) => Data;
  /** Free text fields where markup and unicode may ride along. */
  readonly free?: readonly string[];
  readonly mutations?: readonly Mutation[];
}

const noInput = (personal: boolean): Recipe => ({ personal, actors: personal ? roles : actorsAll });

const onDraft = (t: Targets): Data => ({ draftId: t.draft.id, revision: t.draft.revision });
/** The employee's things that are not a draft, and the colleague's. */
const notDrafts = (t: Targets) => [t.awaiting.id, t.active, t.othersDraft, t.othersActive];
const draftMutations = [
  ...id('draftId', notDrafts),
  ...field('revision', 'an older or later revision', (_d, t) => [t.draft.revision - 1, t.draft.revision + 1, 0, 99], wrongForWhole),
];

const steps = {
  // R1: no chief is sent: it is the applicant's manager in the directory.
  who: { kind: 'account', departmentId: 'kultur-fritid' },
  channel,
  purpose,
  administration,
  commitments,
} as const;
type Step = keyof typeof steps;
const stepNames = Object.keys(steps) as Step[];

/** What makes each step's answers wrong, field by field. */
const wrongAnswers: Record<Step, readonly [string, readonly unknown[]][]> = {
  who: [
    ['kind', ['both', 'ACCOUNT', '', 5, null]],
    ['departmentId', ['okänd-förvaltning', '', 7, ...big]],
  ],
  channel: [
    ['platform', ['Myspace', 'instagram', '', 9]],
    ['accountName', ['', '   ', ...tooLong(100), 123]],
    ['accountUrl', ['http://example.org', 'javascript:alert(1)', 'inte en adress', `https://example.org/${'x'.repeat(500)}`, 5]],
    ['startDate', badDates],
    ['endDate', ['2027-01-01', '2027-02-30', 'tills vidare', 5]],
  ],
  purpose: [
    ['purpose', ['', '  ', ...tooLong(2000), 1]],
    ['audience', ['', ...tooLong(2000), false]],
    ['goal1', ['', ...tooLong(500), 5]],
    ['complement', ['', ...tooLong(2000), []]],
    ['sourceUrl', ['http://www.botkyrka.se', 'ftp://botkyrka.se', 'botkyrka.se', '', 5]],
  ],
  administration: [
    ['admin2', ['', '   ', 5, 'Aida Haddad', users.employee.aadObjectId]],
    ['admin1', [...tooLong(100), {}, '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52']],
    ['loginStorage', ['lösenord: Hemligt123!', 'Sommar2027!x', '', ...tooLong(2000)]],
    ['substitute', ['', ...tooLong(100), 5, 'Aida Haddad', users.employee.aadObjectId]],
  ],
  commitments: Object.keys(commitments).map((k) => [k, ['false', 'yes', 'TRUE', '', 1, null, undefined]] as [string, unknown[]]),
};
const wrongStepAnswer: Mutation = {
  // Shares its key with `step`: the answers are wrong for the step the submission names.
  key: 'step',
  kind: 'field',
  apply: (draft, dice) => {
    const [name, values] = dice.pick(wrongAnswers[draft.data.step as Step]);
    const value = dice.pick(values);
    if (value === undefined) delete draft.data[name];
    else draft.data[name] = value;
    return `${String(draft.data.step)} answer ${name}: invalid`;
  },
};

const approvalMutations = (commentRequired: boolean): Mutation[] => [
  ...id('assignmentId', (t) => [t.draft.id, t.active, t.othersDraft, t.othersActive]),
  ...field('version', 'another version', [0, 2, 99], wrongForWhole),
  set('step', 'another step', ['communicator', 'commschief']),
  set('step', 'wrong type', [5, 'CHIEF', '', null]),
  set('comment', commentRequired ? 'empty, too long or wrong type' : 'too long or wrong type', [...tooLong(2000), 5, true, {}, [], ...(commentRequired ? ['', '   '] : [])]),
];

/** What a task button on a nudge card sends for the employee's account. */
const task = (t: Targets, duty: string, period: string, due: string): Data => ({ assignmentId: t.active, duty, period, level: '0', due, at: `${due}T07:00:00.000Z`, section: '0' });
const dutyKinds = ['archive', 'evaluation', 'activity', 'admins', 'login', 'ended', 'substitute', 'approval'];
const taskMutations = (wrongDuties: readonly string[]): Mutation[] => [
  ...id('assignmentId', (t) => [t.draft.id, t.awaiting.id, t.othersDraft, t.othersActive]),
  ...field('duty', 'another duty', [...wrongDuties, 'bogus', '']),
  ...field('period', 'not a period of the duty', ['', 'bogus', '2027-H3', 'x'.repeat(41), ...big]),
  ...field('level', 'out of range', [-1, 100, '100'], wrongForWhole),
  ...field('due', 'not a date', ['', '2027-1-1', '01/01/2027', 'x'.repeat(41)]),
  ...field('at', 'too long', ['x'.repeat(41), ...big]),
];
const dutyRecipe = (base: (t: Targets, dice: Dice) => Data, duty: string, extra: Mutation[] = [], free: string[] = []): Recipe => ({
  personal: true,
  actors: ['employee'],
  base,
  free,
  mutations: [...taskMutations(dutyKinds.filter((k) => k !== duty)), ...extra],
});
/** R6, R15: a period of the duty that has not begun at the fuzz's clock (4 January 2027): next year's evaluation, a later half-year. */
const notBegun = (periods: readonly string[]): Mutation => set('period', 'a period that has not begun', periods);
const evaluationTask = (t: Targets) => task(t, 'evaluation', '2027-11-02', '2027-11-02');
const evaluationAnswers = { goal0: 'yes', followers: '120', posts: '40', answeredWithin48h: 'always', incidents: '0', change: '', decision: 'continue' };
const count = (name: string) => field(name, 'not a whole number of 0 or more', wrongForCount, []);

const reportBase: Record<(typeof reportKinds)[number], (t: Targets) => Data> = {
  criticism: (t) => ({ kind: 'criticism', accountId: t.active, departmentId: 'kultur-fritid', receivedOn: '2027-01-03', link: 'https://www.instagram.com/p/abc', text: 'Varför stängde biblioteket tidigt?', nature: 'factual' }),
  message: (t) => ({ kind: 'message', accountId: t.active, receivedOn: '2027-01-03', text: 'Hej! När öppnar biblioteket efter jul?', picture: '' }),
  bullying: () => ({ kind: 'bullying', affected: 'pupil', where: 'Instagram', what: 'Hot i kommentarerna under ett inlägg.' }),
  negative: () => ({ kind: 'negative', link: 'https://example.org/artikel', summary: 'En artikel om väntetider.', to: 'chief' }),
};
const wrongReport: Record<(typeof reportKinds)[number], readonly [string, readonly unknown[]][]> = {
  criticism: [
    ['accountId', ['', '00000000-0000-4000-8000-00000000dead', 5]],
    ['departmentId', ['', 'finns-inte', 'toString', 5, undefined]],
    ['receivedOn', badDates],
    ['link', ['http://example.org', 'javascript:alert(1)', '', ...tooLong(500), 5]],
    ['text', ['', '   ', ...tooLong(2000), 5]],
    ['nature', ['both', '', 5, undefined]],
  ],
  message: [
    ['accountId', ['', '00000000-0000-4000-8000-00000000dead', 5]],
    ['receivedOn', badDates],
    ['text', ['', '   ', ...tooLong(2000), 5]],
    ['picture', [...tooLong(500), 5, {}]],
  ],
  bullying: [
    ['affected', ['teacher', '', 5, undefined]],
    ['where', ['', ...tooLong(500), 5]],
    ['what', ['', '   ', ...tooLong(2000), {}]],
  ],
  negative: [
    ['link', ['http://example.org', '', ...tooLong(500), 5]],
    ['summary', ['', ...tooLong(2000), 5]],
    ['to', ['mayor', '', 5, undefined]],
  ],
};
const wrongReportField: Mutation = {
  key: 'kind',
  kind: 'field',
  apply: (draft, dice, t) => {
    const kind = draft.data.kind as (typeof reportKinds)[number];
    const fields = [...wrongReport[kind], ...(kind === 'criticism' || kind === 'message' ? [['accountId', [t.draft.id, t.awaiting.id]] as const] : [])];
    const [name, values] = dice.pick(fields);
    const value = dice.pick(values);
    if (value === undefined) delete draft.data[name];
    else draft.data[name] = value;
    return `${kind} report ${name}: invalid`;
  },
};

const plus = (t: Targets, days: number) => new Date(Date.parse(t.today) + days * 86_400_000).toISOString().slice(0, 10);
const admins = { admin1: users.employee.aadObjectId, admin2: users.admin.aadObjectId, loginStorage: 'Kommunens lösenordshanterare', substitute: users.admin.aadObjectId };
const adminMutations = wrongAnswers.administration.map(([name, values]) => set(name, 'invalid', values));
const closers: readonly Actor[] = ['employee', 'chief', 'communicator'];

const recipes: Record<Verb, Recipe> = {
  'plan.start': { personal: true, actors: ['anonymous'] },
  'plan.save': {
    personal: true,
    actors: ['employee'],
    base: (t, dice) => {
      const step = dice.pick(stepNames);
      // "Fortsätt": the step is checked as final. ("Spara" keeps a half-filled step by design, so wrong answers are not refused there.)
      return { ...onDraft(t), step, then: 'next', ...steps[step] };
    },
    free: ['accountName', 'purpose', 'audience', 'complement', 'loginStorage'],
    mutations: [...draftMutations, ...field('step', 'not a step', ['review', 'bogus', 'WHO', '']), ...field('then', 'neither stay nor next', ['back', '', 'NEXT']), wrongStepAnswer],
  },
  'plan.back': { personal: true, actors: ['employee'], base: onDraft, mutations: draftMutations },
  'plan.open': {
    personal: true,
    actors: ['employee'],
    base: (t, dice) => ({ ...onDraft(t), to: dice.pick([...stepNames, 'review']) }),
    mutations: [...draftMutations, ...field('to', 'not a step', ['bogus', 'Review', '', 'x'.repeat(101)])],
  },
  'plan.submit': { personal: true, actors: ['employee'], base: onDraft, mutations: draftMutations },
  'plan.cancel': { personal: true, actors: ['employee'], base: onDraft, mutations: draftMutations },
  // R6: the owner or their chief changes the approved plan; never a draft, a plan waiting, or a colleague's (whose chief the chief also is: not a target here).
  'plan.change': {
    personal: true,
    actors: ['employee', 'chief'],
    base: (t, dice) => ({ assignmentId: t.active, ...(dice.chance(0.5) ? { step: dice.pick(['purpose', 'channel']) } : {}) }),
    mutations: [...id('assignmentId', (t) => [t.draft.id, t.awaiting.id, t.othersDraft]), set('step', 'wrong type', wrongForString), set('step', 'not a step of a change', ['who', 'review', 'administration', '', 'PURPOSE'])],
  },
  // R1: the applicant asks their chief to fill in with them.
  'plan.askChief': { personal: true, actors: ['employee'], base: onDraft, mutations: draftMutations },
  // R1: the chief's way in (the applicant is shown their own card): others have no part in it.
  'plan.together': {
    personal: true,
    actors: ['chief', 'employee'],
    base: (t) => ({ draftId: t.awaiting.id }),
    // Elin's own active account is hers to see (her card as it is); Nora's plans are neither hers nor Karim's to fill in.
    mutations: id('draftId', (t) => [t.othersDraft, t.othersActive]),
  },
  // R1: the chief approves the plan as corrected (none is in this world: the valid path is planTogether.test.ts).
  'plan.approveCorrected': {
    personal: true,
    actors: ['chief'],
    base: (t) => ({ draftId: t.awaiting.id, revision: t.awaiting.revision }),
    mutations: [
      ...id('draftId', (t) => [t.draft.id, t.active, t.othersDraft, t.othersActive]),
      ...field('revision', 'an older or later revision', (_d, t) => [t.awaiting.revision - 1, t.awaiting.revision + 1, 0, 99], wrongForWhole),
    ],
  },
  'plan.resume': { personal: true, actors: ['employee'], base: (t) => ({ draftId: t.draft.id }), mutations: id('draftId', (t) => [t.othersDraft, t.othersActive]) },
  'plan.mine': noInput(true),
  'plan.history': {
    personal: true,
    actors: ['employee', 'chief', 'communicator', 'commschief'],
    base: (t, dice) => ({ assignmentId: dice.pick([t.awaiting.id, t.active]) }),
    mutations: id('assignmentId', (t) => [t.draft.id, t.othersDraft]),
  },
  'approval.approve': { personal: true, actors: ['chief'], base: (t) => ({ assignmentId: t.awaiting.id, version: t.awaiting.version, step: 'chief', comment: '' }), free: ['comment'], mutations: approvalMutations(false) },
  'approval.requestChanges': { personal: true, actors: ['chief'], base: (t) => ({ assignmentId: t.awaiting.id, version: t.awaiting.version, step: 'chief', comment: 'Skriv ett mätbart mål.' }), mutations: approvalMutations(true) },
  'approval.reject': { personal: true, actors: ['chief'], base: (t) => ({ assignmentId: t.awaiting.id, version: t.awaiting.version, step: 'chief', comment: 'Vi har redan ett konto.' }), mutations: approvalMutations(true) },
  'approval.assign': {
    personal: true,
    actors: ['communicator'],
    // R1: only a chief decides in the chief's place; in the seeded directory Karim is the one in the plan's department.
    base: (t) => ({ assignmentId: t.awaiting.id, version: t.awaiting.version, person: aad('chief') }),
    mutations: [
      ...id('assignmentId', (t) => [t.draft.id, t.active, t.othersDraft, t.othersActive]),
      ...field('version', 'another version', [0, 2, 99], wrongForWhole),
      set('person', 'not someone who may decide', ['', 'Nora Sjöberg', '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52', aad('employee'), aad('colleague'), aad('admin'), aad('communicator'), aad('commschief'), 5, null]),
    ],
  },
  'approval.appoint': {
    personal: true,
    actors: ['chief', 'communicator'],
    base: (t) => ({ assignmentId: t.active, person: aad('colleague') }),
    mutations: [
      ...id('assignmentId', (t) => [t.draft.id, t.awaiting.id, t.othersDraft]),
      set('person', 'not someone who may take over', ['', 'Nora Sjöberg', '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52', 5, null]),
    ],
  },
  'org.departments': noInput(true),
  'org.save': {
    personal: true,
    actors: ['commschief'],
    base: () => ({ commsChief: aad('commschief'), 'c_kultur-fritid': aad('communicator'), c_kommunledning: aad('communicator') }),
    mutations: [
      set('commsChief', 'not a person who works here', ['', 'Johan Nilsson', '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52', 5, null]),
      set('c_kultur-fritid', 'not a person who works here', ['Sara Lind', '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52', 5, {}]),
      set('m_kommunledning', 'not an email address', ['kommunikation', 'a@b', `${'x'.repeat(100)}@botkyrka.se`, 5, []]),
    ],
  },
  'approval.withdraw': {
    personal: true,
    actors: ['employee'],
    base: (t) => ({ assignmentId: t.awaiting.id, version: t.awaiting.version }),
    mutations: [...id('assignmentId', (t) => [t.draft.id, t.active, t.othersDraft, t.othersActive]), ...field('version', 'another version', [0, 2, 99], wrongForWhole)],
  },
  'approval.refresh': {
    personal: true,
    actors: ['employee', 'chief', 'communicator', 'commschief'],
    base: (t, dice) => ({ assignmentId: dice.pick([t.awaiting.id, t.active]) }),
    mutations: id('assignmentId', (t) => [t.draft.id, t.othersDraft]),
  },
  'register.show': noInput(false),
  'account.mine': noInput(true),
  'account.admins': { personal: true, actors: ['employee'], base: (t) => ({ assignmentId: t.active }), mutations: id('assignmentId', notDraftsOrActive) },
  'account.adminsSave': {
    personal: true,
    actors: ['employee'],
    base: (t) => ({ assignmentId: t.active, ...admins }),
    free: ['loginStorage'],
    mutations: [...id('assignmentId', notDraftsOrActive), ...adminMutations],
  },
  'account.owner': { personal: true, actors: ['employee'], base: (t) => ({ assignmentId: t.active }), mutations: id('assignmentId', notDraftsOrActive) },
  'account.ownerSave': {
    personal: true,
    actors: ['employee'],
    base: (t) => ({ assignmentId: t.active, newOwner: aad('admin') }),
    mutations: [...id('assignmentId', notDraftsOrActive), ...field('newOwner', 'nobody in the directory, or the owner', [aad('employee'), '00000000-0000-4000-8000-00000000dead', '', ...tooLong(100)])],
  },
  'account.close': { personal: true, actors: closers, base: (t) => ({ assignmentId: t.active }), mutations: id('assignmentId', notClosable) },
  'account.closeConfirm': {
    personal: true,
    actors: closers,
    base: (t) => ({ assignmentId: t.active, finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' }),
    mutations: [
      ...id('assignmentId', notClosable),
      // R15: no account closes without its last snapshot: no reference (and none uploaded), or one too long.
      ...field('finalReference', 'no last snapshot', ['', '   ', ...tooLong(200)]),
      ...['closedOnPlatform', 'followersPointedToWebsite'].flatMap((k) => field(k, 'not ticked', ['false', '', 'TRUE', 'yes', 1], [])),
    ],
  },
  'help.topics': noInput(false),
  'help.topic': { personal: false, actors: actorsAll, base: (_t, dice) => ({ topic: dice.pick(topics) }), mutations: field('topic', 'not a topic', ['', 'Assignment', 'bogus', '__proto__', 'constructor', 'toString', ...big]) },
  'report.menu': noInput(true),
  'report.aboutUnit': noInput(true),
  // R16: the overview and its overdue duties only read; "Påminn nu" is a command on the account (once a day per duty).
  'overview.show': noInput(true),
  'overview.overdue': noInput(true),
  'overview.remind': {
    personal: true,
    // The chief oversees their unit, Elin's among it (R16), as the communicator and the communications chief oversee theirs.
    actors: ['chief', 'communicator', 'commschief'],
    base: (t) => ({ assignmentId: t.active, duty: 'archive', period: '2026-H2' }),
    mutations: [
      ...id('assignmentId', (t) => [t.draft.id, t.othersDraft]),
      set('duty', 'not a duty', ['', 'Archive', 5, null, 'approval']),
      set('period', 'not a period of the duty', ['', '2099-H1', 5, null, 'x'.repeat(300)]),
    ],
  },
  'record.get': {
    personal: true,
    actors: ['chief', 'communicator', 'commschief'],
    base: (t) => ({ assignmentId: t.active }),
    // A draft has no record to fetch; the employee owns the account but is not among its readers.
    mutations: id('assignmentId', (t) => [t.draft.id, t.othersDraft]),
  },
  'record.hold': {
    personal: true,
    actors: ['commschief'],
    base: (t) => ({ assignmentId: t.active, hold: 'on' }),
    mutations: [...id('assignmentId', (t) => [t.draft.id, t.othersDraft]), ...field('hold', 'neither on nor off', ['', 'yes', 'ON', ...big], [true, 1, null])],
  },
  // No snapshot is stored in this world: every press is refused (the valid path: upload.test.ts).
  'record.snapshot': {
    personal: true,
    actors: ['commschief'],
    base: () => ({ name: 'a_2026-H2_00000000-0000-4000-8000-000000000000.pdf' }),
    mutations: field('name', 'not a stored snapshot', ['', '../x.pdf', 'x.pdf', ...big]),
  },
  // No criticism waits for a number in this world, and it has no registrar: every press is refused (the valid path: report.test.ts).
  'report.diary': {
    personal: true,
    actors: ['commschief'],
    base: () => ({ reportId: 'd1000000-0000-4000-8000-000000000001', diaryNumber: 'KS 2026/123' }),
    mutations: [...id('reportId'), ...field('diaryNumber', 'empty, too long or without a digit', ['', '   ', 'KS', 'a\nb 1', ...tooLong(40)])],
  },
  'report.form': { personal: true, actors: roles, base: (_t, dice) => ({ kind: dice.pick(reportKinds) }), mutations: field('kind', 'not a kind of report', ['', 'Criticism', 'spam', 'toString', ...big]) },
  'report.send': {
    personal: true,
    actors: roles,
    base: (t, dice) => reportBase[dice.pick(reportKinds)](t),
    free: ['text', 'where', 'what', 'summary'],
    mutations: [set('kind', 'not a kind of report', ['', 'Criticism', 'spam', 5, null]), wrongReportField],
  },
  // Pressed on a nudge card, or under the account in "mina konton" (answered with the accounts).
  'duty.archived': dutyRecipe(
    (t, dice) => ({ ...task(t, 'archive', '2026-H2', '2027-01-01'), reference_0: 'KA 2027/14', ...dice.pick([{}, { from: 'accounts' }]) }),
    'archive',
    [...field('reference_0', 'empty or too long', ['', '   ', ...tooLong(200)]), notBegun(['2027-H2', '2031-H1'])],
    ['reference_0'],
  ),
  // No file is held in this world: every press is refused (the valid path: upload.test.ts).
  'duty.upload': {
    personal: true,
    actors: ['employee'],
    base: (t) => ({ file: 'f2000000-0000-4000-8000-000000000002', target: `${t.active}|2026-H2` }),
    mutations: [
      ...field('file', 'not a file held for them', ['', 'bogus', 'f2000000-0000-4000-8000-00000000000', ...big]),
      ...field('target', 'not an account and half-year of theirs', (_d, t) => ['', t.active, `${t.active}|2026-H3`, `${t.active}|${'9'.repeat(20)}-H1`, `${t.othersActive}|2026-H2`, `${t.draft.id}|2026-H2`, `${t.awaiting.id}|2026-H2`, ...big]),
    ],
  },
  // R11: the day of the latest post: a real day, not to come, later than the approval, and within the 60 days.
  'duty.active': dutyRecipe(
    (t, dice) => ({ ...task(t, 'activity', '2027-01-01', '2027-01-01'), lastPost_0: t.today, ...dice.pick([{}, { from: 'accounts' }]) }),
    'activity',
    [
      ...field('lastPost_0', 'not a day of the last 60, or one to come', (_d, t) => [...badDates, plus(t, 1), plus(t, -60), plus(t, -400), '2020-01-01', '2030-01-01']),
      notBegun(['2027-02-01', '2027-06-01']),
    ],
  ),
  'duty.loginShared': dutyRecipe((t) => task(t, 'login', '2026-11-02', '2026-11-02'), 'login', [notBegun(['2027-06-01'])]),
  'duty.pause': dutyRecipe(
    (t) => ({ ...task(t, 'activity', '2027-01-01', '2027-01-01'), until_0: plus(t, 30) }),
    'activity',
    [...field('until_0', 'not a date from tomorrow to 120 days on', (_d, t) => [...badDates, '2020-01-01', plus(t, 0), plus(t, 121), '2030-01-01']), notBegun(['2027-06-01'])],
  ),
  'duty.snooze': dutyRecipe((t) => task(t, 'archive', '2026-H2', '2027-01-01'), 'archive', [notBegun(['2027-H2'])]),
  'duty.evaluation': dutyRecipe(evaluationTask, 'evaluation', [notBegun(['2028-11-02'])]),
  'duty.evaluationSend': dutyRecipe(
    (t) => ({ ...evaluationTask(t), ...evaluationAnswers }),
    'evaluation',
    [
      ...count('followers'),
      ...count('posts'),
      ...count('incidents'),
      ...field('answeredWithin48h', 'not a choice', ['never', '', 'ALWAYS']),
      // R6: extending is no choice for an account without an end date.
      ...field('decision', 'not a choice, or not one for this account', ['maybe', '', 'Close', 'extend']),
      ...field('goal0', 'not a choice', ['kanske', '', 'YES']),
      set('figure0', 'not a figure of 0 or more', ['-1', 'abc', '1e5', '1.234', '0x10', 'NaN', -1, true, [], {}, ...big]),
      set('change', 'too long or wrong type', [...tooLong(2000), 5, null, {}]),
      notBegun(['2028-11-02']),
    ],
    ['change'],
  ),
  'absence.form': noInput(true),
  'removal.form': noInput(true),
  // Whoever looks after the account may record on it: its owner Elin, its admin Aida, the department's communicator Sara.
  // Elin is also an admin of Lina's account (the sample plan's admins), so that one is hers to record on too.
  'removal.save': {
    personal: true,
    actors: ['employee', 'admin', 'communicator'],
    base: (t) => ({ assignmentId: t.active, removedOn: t.today, ground: 'obscene', what: 'Svordomar i en kommentar under inlägget om sommarlovet.', form: 'f1000000-0000-4000-8000-000000000001' }),
    mutations: [
      ...field('form', 'not a form Kanalkoll drew', ['', 'bogus', 'f1000000-0000-4000-8000-00000000000', ...big]),
      ...id('assignmentId', (t) => [t.draft.id, t.awaiting.id, t.othersDraft]),
      ...field('removedOn', 'not a date, in the future, or too long ago', (_d, t) => [...badDates, plus(t, 1), '2020-01-01']),
      ...field('ground', 'not a ground of the policy', ['', 'rude', 'Obscene', 'toString', ...big]),
      ...field('what', 'empty or too long', ['', '   ', ...tooLong(1000)]),
    ],
  },
  'absence.save': {
    personal: true,
    actors: roles,
    base: (t) => ({ from: plus(t, 7), to: plus(t, 14), substitute: aad('admin') }),
    mutations: [
      ...field('from', 'not a date', badDates),
      ...field('to', 'not a date, before the first day, or past', (_d, t) => [...badDates, plus(t, 3), '2020-01-01']),
      set('substitute', 'nobody in the directory, themselves, or wrong type', (d) => [
        '00000000-0000-4000-8000-00000000dead', ...(d.actor === 'anonymous' ? [] : [aad(d.actor)]), 5, {}, true, ...tooLong(100),
      ]),
    ],
  },
};

function notDraftsOrActive(t: Targets): string[] {
  return [t.draft.id, t.awaiting.id, t.othersDraft, t.othersActive];
}
/** Not closable by the owner, the chief or the communicator: not active (the colleague's account is theirs too). */
function notClosable(t: Targets): string[] {
  return [t.draft.id, t.awaiting.id, t.othersDraft];
}

function ride(draft: Draft, dice: Dice, recipe: Recipe): void {
  for (let i = dice.int(4); i > 0; i--) {
    const key = recipe.free?.length && dice.chance(0.5) ? dice.pick(recipe.free) : dice.pick(extraKeys);
    const value = dice.chance(0.04) ? dice.pick(big) : dice.chance(0.1) ? { deep: [dice.pick(riders)] } : dice.pick(riders);
    draft.data[key] = value;
  }
  // An own "__proto__" property, as JSON can carry it, now and then.
  if (dice.chance(0.05)) Object.defineProperty(draft.data, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
}

/** Picks one mutation, sometimes two on different keys; never a new sender together with another target. */
function choose(mutations: readonly Mutation[], dice: Dice): Mutation[] {
  const first = dice.pick(mutations);
  if (first.kind === 'shape' || !dice.chance(0.3)) return [first];
  const second = dice.pick(mutations);
  const kinds = [first.kind, second.kind].sort().join();
  const clash = second.key === first.key || second.kind === 'shape' || ['actor,target', 'actor,actor', 'target,target'].includes(kinds);
  return clash ? [first] : [first, second];
}

const order: Record<Mutation['kind'], number> = { actor: 0, target: 1, field: 2, shape: 3 };

function generate(verb: Verb, dice: Dice, t: Targets): Submission {
  const recipe = recipes[verb];
  const draft: Draft = { actor: dice.pick(recipe.actors), data: recipe.base ? recipe.base(t, dice) : {} };
  ride(draft, dice, recipe);
  const mutations: string[] = [];
  if (!recipe.base) {
    if (dice.chance(0.2)) notAnObject.apply(draft, dice, t);
    if (draft.actor === 'anonymous' && recipe.personal) mutations.push('sent without a user');
    else if (recipe.personal && dice.chance(0.1)) {
      draft.actor = 'anonymous';
      mutations.push('sent without a user');
    }
  } else {
    const allowed = recipe.actors;
    const senders: Mutation[] = recipe.personal
      ? [{ key: 'actor', kind: 'actor', apply: (d, roll) => `sent by ${(d.actor = roll.pick(actorsAll.filter((a) => !allowed.includes(a))))}` }]
      : [];
    const chosen = choose([...senders, ...(recipe.mutations ?? []), notAnObject], dice).sort((a, b) => order[a.kind] - order[b.kind]);
    for (const mutation of chosen) mutations.push(mutation.apply(draft, dice, t));
  }
  const data = draft.whole ? draft.whole.value : draft.data;
  return { verb, actor: draft.actor, data, mutations, refused: mutations.length > 0 };
}

/** Whether the verb's card sends data of its own (the others only get extras riding along, or no user). */
export const takesInput = (verb: Verb): boolean => recipes[verb].base !== undefined;

/** `count` submissions, the verbs taking turns, every one of them broken where the verb takes input. */
export function* brokenSubmissions(count: number, seed: number, t: Targets): Generator<Submission> {
  const dice = new Dice(seeded(seed));
  for (let i = 0; i < count; i++) yield generate(verbs[i % verbs.length] as Verb, dice, t);
}

/** Valid submissions built from the same recipes, unbroken: each changes what is stored. */
export function validSubmissions(t: Targets): Submission[] {
  const valid = (verb: Verb, actor: Actor, data: Data): Submission => ({ verb, actor, data, mutations: [], refused: false });
  return [
    valid('plan.save', 'employee', { ...onDraft(t), step: 'channel', then: 'next', ...steps.channel }),
    valid('approval.approve', 'chief', { assignmentId: t.awaiting.id, version: t.awaiting.version, step: 'chief', comment: '' }),
    valid('account.adminsSave', 'employee', { assignmentId: t.active, ...admins, admin2: aad('colleague') }),
    valid('duty.active', 'employee', { ...task(t, 'activity', '2027-01-01', '2027-01-01'), lastPost_0: t.today }),
    valid('duty.evaluationSend', 'employee', { ...evaluationTask(t), ...evaluationAnswers }),
    valid('absence.save', 'employee', { from: plus(t, 7), to: plus(t, 14), substitute: aad('admin') }),
    valid('report.send', 'colleague', reportBase.bullying(t)),
    valid('plan.change', 'employee', { assignmentId: t.active, step: 'purpose' }),
    valid('plan.start', 'employee', {}),
  ];
}
