import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import type { Assignment } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { nudgesBetween } from '../../bot/domain/duties';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { NudgeLedger } from '../../bot/store/nudges';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { refusalOn, refusalTexts } from '../support/refusals';
import { actionsOf, inputsOf, textOf, type TeamsClient } from '../support/teamsClient';

let stores: { assignments: AssignmentStore; register: RegisterStore };
let ledger: NudgeLedger;
let audit: AuditRecords;

/** What the task buttons of a nudge card send, as the duty engine draws them. */
const task = (assignmentId: string, duty: string, period: string, due: string) => ({ assignmentId, duty, period, level: '0', due, at: `${due}T07:00:00.000Z`, section: '0' });
const stored = async (id: string) => (await stores.assignments.get(id))!.value as Extract<Assignment, { status: 'active' }>;
/** The app's time now, in Stockholm: these tests run on the real clock. */
const now = () => DateTime.fromJSDate(systemClock()).setZone(zone);
const notBegun = 'Det här gäller en period som inte har börjat än. Du kan göra det när perioden har börjat.';

describe('the owner completes duties from the nudge cards (R11, R15)', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;
  let nora: TeamsClient;

  beforeAll(async () => {
    world = await startTeams(['employee', 'colleague', 'communicator']);
    stores = { assignments: new AssignmentStore(world.tables), register: new RegisterStore(world.tables) };
    ledger = new NudgeLedger(world.tables);
    audit = new AuditRecords(world.tables);
    elin = world.client('employee');
    nora = world.client('colleague');
  });
  afterAll(() => world.close());

  const activeAccount = async () => {
    const id = randomUUID();
    await seed(stores, id, accountPlan({ platform: 'Instagram', accountName: `Konto ${id.slice(0, 8)}` }), 'active');
    return id;
  };

  it('R15: "sent to the municipal archive" with its reference ends the period once; a second click changes nothing', async () => {
    const id = await activeAccount();
    const card = await elin.invoke('duty.archived', { ...task(id, 'archive', '2026-H2', '2027-01-01'), reference_0: 'KA 2027/14' });
    expect(textOf(card)).toContain('Arkiveringen (andra halvåret 2026) är gjord');
    expect(actionsOf(card)).toEqual([]);
    const after = await stored(id);
    expect(after.dutyLog?.done?.['archive|2026-H2']).toBeDefined();
    expect(after.dutyLog?.evidence?.['archive|2026-H2']).toEqual({ kind: 'sentToArchive', reference: 'KA 2027/14' });
    expect((await audit.history(id)).at(-1)).toMatchObject({ type: 'DutyCompleted', role: 'owner' });

    const again = await elin.invoke('duty.archived', { ...task(id, 'archive', '2026-H2', '2027-01-01'), reference_0: 'KA 2027/15' });
    expect(textOf(again)).toContain('Arkiveringen (andra halvåret 2026) är gjord');
    expect((await stored(id)).revision).toBe(after.revision);
    expect((await stored(id)).dutyLog?.evidence?.['archive|2026-H2']).toEqual({ kind: 'sentToArchive', reference: 'KA 2027/14' });
  });

  it('R15: once the archive is done, every nudge card sent about it (the owner\'s reminder, the chief\'s escalation) says so in place; the rest of a card stays', async () => {
    const id = await activeAccount();
    const other = await activeAccount();
    const nudge = (level: number, audience: 'owner' | 'escalation') => ({ assignmentId: id, duty: 'archive' as const, period: '2026-H2', level, at: '2027-01-15T07:00:00.000Z', due: '2027-01-01', audience });
    // The other account's first activity check, as the duty engine has it (so it is still open).
    const otherState = await stored(other);
    const activity = nudgesBetween(otherState, DateTime.fromISO(otherState.activatedAt), DateTime.fromISO(otherState.activatedAt).plus({ days: 90 })).find((n) => n.duty === 'activity')!;
    // Two cards as the nudge queue recorded them when Teams took them: Elin's has her other account's activity check too.
    const elinsCard = [
      { nudge: nudge(1, 'owner'), role: 'owner' as const },
      { nudge: activity, role: 'owner' as const },
    ];
    const sent = [
      { items: elinsCard, aad: users.employee.aadObjectId, conversationId: 'personal-employee', activityId: 'reminder-1' },
      { items: [{ nudge: nudge(2, 'escalation'), role: 'escalation' as const }], aad: users.communicator.aadObjectId, conversationId: 'personal-communicator', activityId: 'escalation-1' },
    ];
    for (const card of sent) {
      for (const item of card.items) {
        const record = { state: 'sent' as const, attempts: 1, updatedAt: '2027-01-15T07:00:01.000Z', activityId: card.activityId, conversationId: card.conversationId, serviceUrl: world.connector.serviceUrl, card: card.items };
        await ledger.write(item.nudge, card.aad, record, undefined);
      }
    }

    const pressed = await elin.invoke('duty.archived', { ...task(id, 'archive', '2026-H2', '2027-01-01'), level: '1', at: '2027-01-15T07:00:00.000Z', reference_0: 'KA 2027/16' });
    // The card the button was on comes back whole: this section done, the other account's check still asking.
    expect(textOf(pressed)).toContain('1 sak väntar på dig');
    expect(textOf(pressed)).toContain('Arkiveringen (andra halvåret 2026) är gjord');
    expect(actionsOf(pressed).map((a) => a.verb)).toEqual(['duty.active', 'duty.pause', 'account.close']);

    for (const card of sent) {
      const update = JSON.stringify(world.connector.updatesOf(card.conversationId, card.activityId).at(-1));
      expect(update).toContain('Arkiveringen (andra halvåret 2026) är gjord');
    }
    const elinsUpdate = world.connector.updatesOf('personal-employee', 'reminder-1').at(-1) as object;
    expect(actionsOf(elinsUpdate).map((a) => a.verb)).toEqual(['duty.active', 'duty.pause', 'account.close']);
    expect(JSON.stringify(world.connector.updatesOf('personal-communicator', 'escalation-1').at(-1))).not.toContain('Action.Execute');
    // Updated once: the records now say the cards are closed, so a later change of the account updates nothing more.
    expect((await ledger.recordsOf(id)).map((r) => r.state)).toEqual(['closed', 'closed']);
  });

  it('R15: without the archive\'s reference nothing is stored and the card says what to fill in', async () => {
    const id = await activeAccount();
    const before = await stored(id);
    const card = await elin.invoke('duty.archived', { ...task(id, 'archive', '2026-H2', '2027-01-01'), reference_0: '   ' });
    expect(textOf(card)).toContain('Skriv referensen du fick från kommunarkivet.');
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['duty.archived', 'duty.snooze']);
    expect((await stored(id)).revision).toBe(before.revision);
  });

  it('only the owner completes a duty: a colleague pressing a forwarded card changes nothing', async () => {
    const id = await activeAccount();
    const before = await stored(id);
    const card = await nora.invoke('duty.active', task(id, 'activity', '2027-01-01', '2027-01-01'));
    expect(textOf(card)).toContain('Det här kan bara den som ansvarar för kontot göra.');
    expect((await stored(id)).revision).toBe(before.revision);
  });

  it('R11: "uppdateras regelbundet": the check asks for the day of the latest post; one older than the 60 days counts as passive and answers nothing', async () => {
    const id = await activeAccount();
    const today = DateTime.now().setZone('Europe/Stockholm').startOf('day');
    // An activity check that falls due today (on the real clock, a check of a later day has not begun).
    const check = task(id, 'activity', today.toISODate()!, today.toISODate()!);
    const daysAgo = (days: number) => today.minus({ days }).toISODate()!;
    const before = await stored(id);
    const problem = (card: object) => refusalOn(card, refusalTexts('sv'));

    // No day, a day that is none, or one still to come: asked again under the field, nothing stored.
    for (const lastPost of [undefined, '', '2026-02-30', 'i förrgår', daysAgo(-1)]) {
      const refused = await elin.invoke('duty.active', { ...check, ...(lastPost === undefined ? {} : { lastPost_0: lastPost }) });
      expect(problem(refused)).toBe('Välj datumet för det senaste inlägget: i dag eller tidigare.');
      expect(actionsOf(refused).map((a) => a.verb)).toEqual(['duty.active', 'duty.pause', 'account.close']);
    }
    // 60 days or more since the latest post: not updated regularly. Close, or pause until updates start again.
    const passive = await elin.invoke('duty.active', { ...check, lastPost_0: daysAgo(60) });
    expect(problem(passive)).toBe('Det har gått minst 60 dagar sedan det senaste inlägget. Konton som inte uppdateras regelbundet ska stängas. Stäng kontot, eller pausa frågan till den dag du börjar uppdatera det igen.');
    expect(actionsOf(passive).map((a) => a.verb)).toEqual(['duty.active', 'duty.pause', 'account.close']);
    expect(inputsOf(passive)).toEqual({ lastPost_0: daysAgo(60), until_0: '' });
    expect((await stored(id)).revision).toBe(before.revision);

    // A post within them (since the account was approved, on 2 November 2026): the check is answered, and the next one counts from that post.
    const answered = await elin.invoke('duty.active', { ...check, lastPost_0: daysAgo(20) });
    const next = today.plus({ days: 40 });
    expect(textOf(answered)).toContain(`Tack! Vi frågar igen ${next.setLocale('sv-SE').toLocaleString(DateTime.DATE_FULL)}.`);
    const after = await stored(id);
    expect(after.dutyLog?.lastActivityAt).toBe(daysAgo(20));
    expect(after.dutyLog?.evidence?.[`activity|${today.toISODate()}`]).toEqual({ kind: 'lastPost', date: daysAgo(20) });
    expect((await audit.history(id)).at(-1)).toMatchObject({ type: 'DutyCompleted', role: 'owner' });
    const nextCheck = nudgesBetween(after, DateTime.now(), DateTime.now().plus({ days: 120 })).find((n) => n.duty === 'activity');
    expect(nextCheck).toMatchObject({ period: next.toISODate(), audience: 'owner' });
  });

  it('R11: a pause needs a date within 120 days', async () => {
    const id = await activeAccount();
    const before = await stored(id);
    const today = now().toISODate() ?? '';
    const tooLong = await elin.invoke('duty.pause', { ...task(id, 'activity', today, today), until_0: '2030-01-01' });
    expect(textOf(tooLong)).toContain('Välj ett datum efter i dag, högst 120 dagar fram.');
    expect((await stored(id)).revision).toBe(before.revision);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const paused = await elin.invoke('duty.pause', { ...task(id, 'activity', today, today), until_0: until });
    expect(textOf(paused)).toContain(`Frågan är pausad till och med ${until}.`);
    expect((await stored(id)).dutyLog?.pausedUntil).toBe(until);
  });

  it('R15: a snooze puts the nudge off a week, never past the escalation', async () => {
    const id = await activeAccount();
    const card = await elin.invoke('duty.snooze', task(id, 'archive', '2026-H2', '2027-01-01'));
    expect(textOf(card)).toContain('Vi påminner dig igen');
    const snooze = (await stored(id)).dutyLog?.snoozes?.['archive|2026-H2'];
    expect(snooze?.count).toBe(1);
    const days = (Date.parse(snooze!.until) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  const report = { followers: '420', posts: '96', answeredWithin48h: 'mostly', incidents: '3', change: 'Fler filmer.' };

  it('R6: the evaluation form asks per goal of the plan; an incomplete one is refused and nothing is stored', async () => {
    const id = await activeAccount();
    const evaluation = task(id, 'evaluation', '2027-11-02', '2027-11-02');
    const form = await elin.invoke('duty.evaluation', evaluation);
    expect(textOf(form)).toContain('Mål: Mål');
    expect(actionsOf(form).map((a) => a.verb)).toEqual(['duty.evaluationSend']);
    // A figure not yet given is empty (and required), never a silent 0.
    const numbers = (form.body as { type: string; id?: string; value?: unknown }[]).filter((e) => e.type === 'Input.Number');
    expect(numbers.map((n) => [n.id, n.value])).toEqual([['followers', undefined], ['posts', undefined], ['incidents', undefined]]);
    const before = await stored(id);
    const refused = await elin.invoke('duty.evaluationSend', { ...evaluation, ...report, followers: '-5', decision: 'continue', goal0: 'yes' });
    expect(textOf(refused)).toContain('Svara på alla frågor med ett val');
    expect(textOf(refused)).toContain('Fler filmer.');
    expect((await stored(id)).revision).toBe(before.revision);
  });

  it('R6: a sent evaluation is stored, reaches the department communicator and ends the duty', async () => {
    const id = await activeAccount();
    const evaluation = task(id, 'evaluation', '2027-11-02', '2027-11-02');
    const before = world.connector.cardsTo('personal-communicator').length;
    const done = await elin.invoke('duty.evaluationSend', { ...evaluation, ...report, decision: 'continue', goal0: 'partly' });
    expect(textOf(done)).toContain('Utvärderingen har gått till förvaltningens kommunikatör.');
    expect((await stored(id)).dutyLog?.evidence?.['evaluation|2027-11-02']).toMatchObject({ kind: 'evaluation', report: { followers: 420, goals: [{ goal: 'Mål', met: 'partly' }], decision: 'continue' } });
    const toSara = world.connector.cardsTo('personal-communicator').slice(before).map((c) => JSON.stringify(c));
    expect(toSara).toHaveLength(1);
    expect(toSara[0]).toContain('har utvärderat');
    expect(toSara[0]).toContain('420');
  });

  it('R6, R11: choosing to close in the evaluation leads straight to the closing checklist', async () => {
    const id = await activeAccount();
    const closing = await elin.invoke('duty.evaluationSend', { ...task(id, 'evaluation', '2027-11-02', '2027-11-02'), ...report, decision: 'close', goal0: 'no' });
    expect(actionsOf(closing).map((a) => a.verb)).toContain('account.closeConfirm');
    expect((await stored(id)).dutyLog?.done?.['evaluation|2027-11-02']).toBeDefined();
  });

  it('R15: a crafted card for a half-year that has not begun is refused: no snapshot done, nothing put off, nothing stored', async () => {
    const id = await activeAccount();
    const before = await stores.assignments.get(id);
    const history = await audit.history(id);
    // The half-year after the one under way, whenever this runs.
    const next = now().plus({ months: 6 });
    const half = `${next.year}-H${next.month <= 6 ? 1 : 2}`;
    const turn = `${next.month <= 6 ? next.year : next.year + 1}-${next.month <= 6 ? '07' : '01'}-01`;

    const archived = await elin.invoke('duty.archived', { ...task(id, 'archive', half, turn), reference_0: 'KA 2099/1' });
    const snoozed = await elin.invoke('duty.snooze', task(id, 'archive', half, turn));

    expect(textOf(archived)).toContain(notBegun);
    expect(textOf(archived)).not.toContain('är gjord');
    expect(textOf(snoozed)).toContain(notBegun);
    expect(await stores.assignments.get(id)).toEqual(before);
    expect(await audit.history(id)).toEqual(history);
  });

  it('R6: a crafted card for next year\'s evaluation is refused: the form does not open, nothing is stored and the communicator gets nothing', async () => {
    const id = await activeAccount();
    const before = await stores.assignments.get(id);
    const toSara = world.connector.cardsTo('personal-communicator').length;
    // The account's anniversaries are 2 November; next year's evaluation is of a year that has not begun.
    let anniversary = DateTime.fromISO('2027-11-02', { zone });
    while (anniversary.minus({ years: 1 }) <= now()) anniversary = anniversary.plus({ years: 1 });
    const period = anniversary.toISODate() ?? '';
    const evaluation = task(id, 'evaluation', period, period);

    const form = await elin.invoke('duty.evaluation', evaluation);
    const sent = await elin.invoke('duty.evaluationSend', { ...evaluation, ...report, decision: 'continue', goal0: 'yes' });
    const snoozed = await elin.invoke('duty.snooze', evaluation);

    expect(textOf(form)).toContain(notBegun);
    expect(actionsOf(form).map((a) => a.verb)).not.toContain('duty.evaluationSend');
    expect(textOf(sent)).toContain(notBegun);
    expect(textOf(snoozed)).toContain(notBegun);
    expect(await stores.assignments.get(id)).toEqual(before);
    expect(world.connector.cardsTo('personal-communicator')).toHaveLength(toSara);
  });

  it('R14: "jag är borta" records the dates and the substitute on every account the owner runs; bad input changes nothing', async () => {
    const [first, second] = [await activeAccount(), await activeAccount()];
    const form = await elin.say('jag är borta');
    expect(textOf(form)).toContain('Välj datum och vem som bevakar dina konton');
    expect(actionsOf(form).map((a) => a.verb)).toEqual(['absence.save']);
    const before = [(await stored(first)).revision, (await stored(second)).revision];
    const badDates = await elin.invoke('absence.save', { from: '2027-07-20', to: '2027-07-10', substitute: users.admin.aadObjectId });
    expect(textOf(badDates)).toContain('Välj första och sista dagen.');
    const stranger = await elin.invoke('absence.save', { from: '2027-07-10', to: '2027-07-20', substitute: 'not-a-person' });
    expect(textOf(stranger)).toContain('Välj en ersättare i listan');
    const self = await elin.invoke('absence.save', { from: '2027-07-10', to: '2027-07-20', substitute: users.employee.aadObjectId });
    expect(textOf(self)).toContain('Du kan inte vara din egen ersättare.');
    expect([(await stored(first)).revision, (await stored(second)).revision]).toEqual(before);

    const saved = await elin.invoke('absence.save', { from: '2027-07-10', to: '2027-07-20', substitute: users.admin.aadObjectId });
    expect(textOf(saved)).toContain('Aida Haddad får veta det när frånvaron börjar.');
    for (const id of [first, second]) {
      expect((await stored(id)).dutyLog?.absences).toContainEqual({ from: '2027-07-10', to: '2027-07-20', substitute: 'Aida Haddad', substituteAadObjectId: users.admin.aadObjectId });
    }
  });

  it('a damaged or forged card gets a clear answer and changes nothing', async () => {
    const id = await activeAccount();
    const before = await stored(id);
    for (const data of [{}, { assignmentId: id }, { ...task(id, 'archive', '2026-H2', '2027-01-01'), level: 'x' }, { ...task(id, 'nonsense', '2026-H2', '2027-01-01') }]) {
      const card = await elin.invoke('duty.archived', data);
      expect(textOf(card)).toContain('Kortet gick inte att läsa.');
    }
    expect((await stored(id)).revision).toBe(before.revision);
  });
});
