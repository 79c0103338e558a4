import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { evolve, type Assignment, type Event } from '../../bot/domain/assignment';
import { defaultDutySettings, overdue } from '../../bot/domain/duties';
import { digestWeek } from '../../bot/domain/digest';
import { dutyOutcomes, evaluations } from '../../bot/domain/overview';
import { AssignmentStore } from '../../bot/store/assignments';
import { FigureStore } from '../../bot/store/figures';
import { RegisterStore } from '../../bot/store/register';
import { ReportStore } from '../../bot/store/reports';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf } from '../support/teamsClient';

type Json = Record<string, unknown>;
const elements = (node: unknown): Json[] =>
  Array.isArray(node) ? node.flatMap(elements) : typeof node === 'object' && node !== null ? [node as Json, ...Object.values(node).flatMap(elements)] : [];
const chart = (card: unknown, type: string, title?: string) => elements(card).find((e) => e.type === type && (title === undefined || e.title === title)) as Json;

/** R16: "Översikt": the figures of the departments someone oversees, in Teams' charts, each equal to a count made from storage. */
describe('the overview (R16)', () => {
  let world: TeamsWorld;
  const facts = { kultur: [] as Assignment[], kommunledning: [] as Assignment[] };
  const now = () => DateTime.now();

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], {}, async (tables) => {
      const assignments = new AssignmentStore(tables);
      const register = new RegisterStore(tables);
      const store = async (department: 'kultur-fritid' | 'kommunledning', stage: 'active' | 'closed' | 'awaiting_chief', done?: 'onTime' | 'late') => {
        const id = randomUUID();
        let state = eventsTo(id, accountPlan({ platform: 'Instagram', accountName: `Konto ${id.slice(0, 4)}` }, 'Syfte', 'Invånare', department), stage).reduce<Assignment | undefined>(evolve, undefined) as Assignment;
        const first = overdue(state, now(), defaultDutySettings)[0];
        if (done && first) {
          const at = DateTime.fromISO(first.due, { zone: 'Europe/Stockholm' }).plus({ hours: 10, days: done === 'late' ? 5 : 0 }).toUTC().toISO() ?? '';
          const event = { type: 'DutyCompleted', by: state.applicant, at, duty: first.duty, period: first.period } as Event;
          state = evolve(state, event);
        }
        await assignments.create(state);
        await register.sync(state);
      };
      await store('kultur-fritid', 'active');
      await store('kultur-fritid', 'active', 'onTime');
      await store('kultur-fritid', 'active', 'late');
      await store('kultur-fritid', 'closed');
      await store('kultur-fritid', 'awaiting_chief');
      await store('kommunledning', 'active');
      await store('kommunledning', 'active');
      const reports = new ReportStore(tables);
      const week = digestWeek(now());
      const filed = (kind: 'criticism' | 'negative') => ({ id: randomUUID(), kind, reporter: { aadObjectId: users.employee.aadObjectId, name: 'Elin Ek' }, filedAt: new Date().toISOString(), content: {} as never });
      await reports.noteWeek(filed('criticism'), week, 'kultur-fritid');
      await reports.noteWeek(filed('negative'), week, 'kultur-fritid');
      await reports.noteWeek(filed('criticism'), week, 'kommunledning');
    });
    await world.timer('countFigures');
    const all = await new AssignmentStore(world.tables).all();
    facts.kultur = all.filter((a) => a.plan?.who.departmentId === 'kultur-fritid');
    facts.kommunledning = all.filter((a) => a.plan?.who.departmentId === 'kommunledning');
  });
  afterAll(() => world.close());

  /** Every figure of a department, counted directly from what storage holds. */
  const expected = (mine: readonly Assignment[]) => {
    const active = mine.filter((a) => a.status === 'active');
    const communicator = () => ({ communicatorAadObjectId: users.communicator.aadObjectId });
    return {
      active: active.length,
      closed: mine.filter((a) => a.status === 'closed').length,
      overdueNow: active.reduce((n, a) => n + overdue(a, now(), defaultDutySettings, communicator()).filter((o) => o.duty !== 'approval').length, 0),
      outcomes: dutyOutcomes(active, now(), defaultDutySettings, communicator),
      evaluations: evaluations(active, now(), defaultDutySettings, communicator),
    };
  };

  const checkFigures = (card: unknown, departments: readonly (readonly Assignment[])[], criticism: number, negative: number) => {
    const want = departments.map(expected);
    const sum = (f: (e: ReturnType<typeof expected>) => number) => want.reduce((n, e) => n + f(e), 0);
    const bars = chart(card, 'Chart.HorizontalBar.Stacked').data as { title: string; data: { value: number }[] }[];
    expect(bars.map((b) => [b.data[0]!.value, b.data[1]!.value])).toEqual(want.map((e) => [e.active, e.closed]));
    const donut = (chart(card, 'Chart.Donut').data as { value: number }[]).map((s) => s.value);
    expect(donut).toEqual([sum((e) => e.outcomes.onTime), sum((e) => e.outcomes.late), sum((e) => e.outcomes.overdue), sum((e) => e.outcomes.escalated)]);
    const trend = chart(card, 'Chart.Line', 'Försenade uppgifter per vecka').data as { values: { y: number }[] }[];
    expect(trend[0]!.values).toHaveLength(12);
    expect(trend[0]!.values.at(-1)!.y).toBe(sum((e) => e.overdueNow));
    const reports = chart(card, 'Chart.Line', 'Kritik och negativt material per vecka').data as { values: { y: number }[] }[];
    expect([reports[0]!.values.at(-1)!.y, reports[1]!.values.at(-1)!.y]).toEqual([criticism, negative]);
    const dueEvaluations = sum((e) => e.evaluations.due);
    if (dueEvaluations > 0) expect(chart(card, 'Chart.Gauge').value).toBe(sum((e) => e.evaluations.done));
    expect(textOf(card as never)).toContain(`${sum((e) => e.evaluations.done)} av ${dueEvaluations}`.replace(/^0 av 0$/, 'Ingen utvärdering'));
    // Counts only: never who reported something.
    expect(JSON.stringify(card)).not.toContain('Elin');
    // Every chart has a fallback for a client that does not draw charts.
    for (const e of elements(card).filter((x) => String(x.type).startsWith('Chart.'))) expect(e.fallback).toBeDefined();
  };

  it('R16: the communications chief sees every department, with a department picker, and every figure equals a count from storage', async () => {
    const johan = world.client('commschief');
    const card = await johan.say('översikt');
    expect(textOf(card)).toContain('Hela kommunen');
    expect(JSON.stringify(card)).toContain('"id":"departmentId"');
    // Directory order: by name (Kommunledningsförvaltningen, Kultur- och fritidsförvaltningen).
    checkFigures(card, [facts.kommunledning, facts.kultur], 2, 1);
    const one = await johan.press(card, 'Visa', { departmentId: 'kommunledning' });
    expect(textOf(one)).toContain('Kommunledningsförvaltningen');
    checkFigures(one, [facts.kommunledning], 1, 0);
  });

  it('R16: a communicator sees their departments (Sara has two), and a chief only their unit, whatever the card says', async () => {
    const sara = await world.client('communicator').say('översikt');
    // Her own department first.
    checkFigures(sara, [facts.kultur, facts.kommunledning], 2, 1);
    const karim = await world.client('chief').invoke('overview.show', { departmentId: 'kommunledning' });
    expect(textOf(karim)).toContain('Kultur- och fritidsförvaltningen');
    expect(JSON.stringify(karim)).not.toContain('"id":"departmentId"');
    checkFigures(karim, [facts.kultur], 1, 1);
    const elin = await world.client('employee').say('översikt');
    expect(textOf(elin)).toContain('Översikten är för kommunikationschefen');
    expect(elements(elin).some((e) => String(e.type).startsWith('Chart.'))).toBe(false);
  });

  it('R16: "Visa försenade" lists the overdue duties newest first, with account, owner and how late; "Påminn nu" sends the owner the card once a day', async () => {
    const sara = world.client('communicator');
    const list = await sara.press(await sara.say('översikt'), 'Visa försenade');
    const want = [...facts.kultur, ...facts.kommunledning].filter((a) => a.status === 'active').flatMap((a) => overdue(a, now(), defaultDutySettings, { communicatorAadObjectId: users.communicator.aadObjectId }));
    expect(elements(list).filter((e) => e.verb === 'overview.remind')).toHaveLength(Math.min(8, want.length));
    expect(textOf(list)).toMatch(/Ansvarig: Elin Ek\. \d+ dagar? sent\./);
    expect(elements(list).some((e) => e.verb === 'record.get')).toBe(true);

    const before = world.connector.cardsTo("personal-employee").length;
    const reminded = await sara.press(list, 'Påminn nu');
    expect(textOf(reminded)).toContain('Elin Ek har fått kortet om uppgiften igen.');
    const cards = world.connector.cardsTo("personal-employee");
    expect(cards.length).toBe(before + 1);
    const again = await sara.press(list, 'Påminn nu');
    expect(textOf(again)).toContain('Den ansvariga har redan fått en påminnelse om det här i dag.');
    expect(world.connector.cardsTo("personal-employee").length).toBe(before + 1);
    // Someone who oversees no department of it is refused, and nothing is sent.
    const forged = await world.client('employee').invoke('overview.remind', { assignmentId: facts.kultur[0]!.id, duty: 'login', period: '2026-11-03', page: 0 });
    expect(textOf(forged)).toContain('Översikten är för kommunikationschefen');
  });

  it('R16: the counting timer counts once a Stockholm day: run again the same day (another instance, a restart), it writes nothing', async () => {
    const week = digestWeek(now());
    const counted = async () => (await new FigureStore(world.tables).totals(week, week)).map((w) => w.countedAt);
    const before = await counted();
    expect(before).toHaveLength(1);
    await world.timer('countFigures');
    expect(await counted()).toEqual(before);
  });

  it('R16: the welcome card offers "Översikt" to whoever oversees a department, and not to an employee', async () => {
    expect(JSON.stringify(await world.client('chief').say('hej'))).toContain('overview.show');
    expect(JSON.stringify(await world.client('employee').say('hej'))).not.toContain('overview.show');
  });

  it('R16: "översikt" written in the chat gets the overview of every department one oversees, with no note that a button could not be read', async () => {
    const card = await world.client('commschief').say('översikt');
    expect(textOf(card)).toContain('Konton per förvaltning');
    expect(textOf(card)).not.toContain('kunde jag inte läsa');
  });
});
