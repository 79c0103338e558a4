import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { defaultDutySettings } from '../../bot/domain/duties';
import { reschedule } from '../../bot/flows/duties/schedule';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { DirectoryStore } from '../../bot/store/directory';
import { DutySchedule } from '../../bot/store/duties';
import { NudgeLedger } from '../../bot/store/nudges';
import { moveClock } from '../../dev/clock';
import { tenantId, users } from '../../dev/roles';
import { accountPlan, eventsTo, type Stage } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, inputsOf, linksOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';
import { teamsBytes, teamsCardLimit } from '../support/cardSizes';
import { pdfText } from '../support/pdfText';
import type { AssignmentRecord } from '../../bot/domain/record';

/**
 * Everyday use, nudges (items 8 and 9): everything due for one person at one sweep is one card, each
 * thing once with its own buttons; and every card follows its duty, updated in place when the duty
 * is done or its cause goes away. Over HTTP: the app's own timer and queue functions, the real
 * adapter, a connector standing in for Teams.
 */
describe('nudge cards as people live them', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;
  let karim: TeamsClient;
  const saved = process.env.KANALKOLL_CLOCK_OFFSET_MS;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], { KANALKOLL_LOCALE: 'sv' });
    elin = world.client('employee');
    karim = world.client('chief');
  });
  afterAll(async () => {
    await world.close();
    if (saved === undefined) delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    else process.env.KANALKOLL_CLOCK_OFFSET_MS = saved;
  });

  /** An assignment stored as the real flow would have left it, with its duties planned. */
  const seeded = async (id: string, stage: Stage, plan: ActivityPlan, at?: string) => {
    const state = eventsTo(id, plan, stage, at).reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    await new AssignmentStore(world.tables).create(state);
    await reschedule({ directory: new DirectoryStore(world.tables), schedule: new DutySchedule(world.tables), settings: defaultDutySettings, clock: systemClock }, state, { tenantId, serviceUrl: world.connector.serviceUrl });
    return state;
  };
  const sweepAt = async (at: string) => {
    moveClock(at);
    await world.timer('dutySweep');
    await world.drain();
  };
  const cards = (role: 'employee' | 'chief' | 'communicator' | 'commschief', text: string) => world.connector.cardsTo(`personal-${role}`).filter((card) => textOf(card).includes(text));
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
  /** The card as it now reads in the chat: the last update of the one sent, or the one sent. */
  const current = async (role: 'employee' | 'chief' | 'communicator', assignmentId: string): Promise<Card> => {
    const record = (await new NudgeLedger(world.tables).recordsOf(assignmentId)).find((r) => r.aadObjectId === users[role].aadObjectId && r.activityId);
    const update = world.connector.updatesOf(`personal-${role}`, record!.activityId!).at(-1) as { attachments?: { content: Card }[] } | undefined;
    return update?.attachments?.[0]?.content ?? world.connector.cardsTo(`personal-${role}`).find((c) => JSON.stringify(c).includes(assignmentId))!;
  };

  it('Everyday use 8, 9 (R10, R11, R15): after a long gap each person gets one card listing each duty once; the cards follow as the duties are done', async () => {
    // Elin's account since 2 November, with only one admin besides the communicator, and nobody swept since.
    const thin = accountPlan({ platform: 'Instagram', accountName: 'glesbiblioteket' });
    if (thin.kind !== 'account') throw new Error('an account plan');
    const id = randomUUID();
    await seeded(id, 'active', { ...thin, administration: { ...thin.administration, admins: [users.employee.aadObjectId, users.communicator.aadObjectId] } });
    await sweepAt('2027-03-01T08:05');

    // Due by now: the archive's notice, reminder and escalation, the activity check and its escalation, 17 weekly admin notices,
    // and the question whether the communicator has the login (R10), its reminder and escalation.
    const elins = cards('employee', 'glesbiblioteket');
    expect(elins).toHaveLength(1);
    const elinsCard = textOf(elins[0]!);
    expect(elinsCard).toContain('4 saker väntar på dig');
    expect(count(elinsCard, 'Har kommunikatören inloggningen till glesbiblioteket (Instagram)?')).toBe(1);
    expect(elinsCard).toContain('Förvaltningens kommunikatör, Sara Lind, ska kunna logga in på kontot.');
    expect(count(elinsCard, 'Påminnelse: startsidan för glesbiblioteket')).toBe(1);
    expect(count(elinsCard, 'Spara startsidan för')).toBe(0);
    // The escalation of 1 February has happened: the reminder does not promise it.
    expect(elinsCard).not.toContain('får din chef och kommunikatören veta');
    expect(count(elinsCard, 'Uppdateras glesbiblioteket (Instagram) regelbundet?')).toBe(1);
    // In the order they fell due: the admins and the login since November, the activity check and the archive since January.
    expect(actionsOf(elins[0]).map((a) => a.verb)).toEqual(['account.admins', 'duty.snooze', 'duty.loginShared', 'duty.snooze', 'duty.active', 'duty.pause', 'account.close', 'duty.archived', 'duty.snooze']);
    // Each section's form has inputs of its own.
    expect(Object.keys(inputsOf(elins[0])).sort()).toEqual(['lastPost_2', 'reference_3', 'until_2']);
    for (const role of ['chief', 'communicator'] as const) {
      const theirs = cards(role, 'glesbiblioteket');
      expect(theirs).toHaveLength(1);
      const text = textOf(theirs[0]!);
      expect(count(text, 'Elin Ek behöver hjälp med glesbiblioteket')).toBe(1);
      expect(count(text, 'Arkivera startsidan för andra halvåret 2026')).toBe(1);
      expect(count(text, 'Ange när kontot senast uppdaterades')).toBe(1);
      expect(count(text, 'Bekräfta att förvaltningens kommunikatör har inloggningen')).toBe(1);
    }
    // A second run of the timer at the same hour sends nobody anything again.
    const before = world.connector.sent().length;
    await sweepAt('2027-03-01T08:06');
    expect(world.connector.sent()).toHaveLength(before);

    // "Ändra administration" opens its form in a new card below: the card of four things stays as it is.
    const change = actionsOf(elins[0]).find((a) => a.verb === 'account.admins')!;
    const answer = await elin.answer(change.verb, change.data);
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Jag har öppnat det i ett nytt kort här nedanför.' });
    const form = world.connector.cardsTo('personal-employee').at(-1)!;
    expect(textOf(form)).toContain('Vem sköter glesbiblioteket (Instagram)?');
    // Elin adds an admin: her card's admin section says it is done; the rest keeps its buttons.
    await elin.press(form, 'Spara', { admin2: users.admin.aadObjectId });
    const afterAdmins = await current('employee', id);
    expect(textOf(afterAdmins)).toContain('Kontot har nu minst två administratörer.');
    expect(actionsOf(afterAdmins).map((a) => a.verb)).toEqual(['duty.loginShared', 'duty.snooze', 'duty.active', 'duty.pause', 'account.close', 'duty.archived', 'duty.snooze']);

    // R10: she confirms Sara has the login: that section is done, and the chief's card no longer asks for it.
    const shared = await elin.press(afterAdmins, 'Ja, kommunikatören har inloggningen');
    expect(textOf(shared)).toContain('Bekräftelsen att kommunikatören har inloggningen');
    expect(textOf(await current('chief', id))).not.toContain('Bekräfta att förvaltningens kommunikatör har inloggningen');

    // R11: she gives the day of the latest post, within the 60 days: the chief's card no longer lists the activity check.
    const confirmed = await elin.press(shared, 'Skicka datumet', { lastPost_2: '2027-02-20' });
    expect(textOf(confirmed)).toContain('Vi frågar igen 21 april 2027.');
    expect(textOf(await current('chief', id))).toContain('Arkivera startsidan för andra halvåret 2026');
    expect(textOf(await current('chief', id))).not.toContain('Ange när kontot senast uppdaterades');

    // She archives from the card: every card about it says so, and nothing is left to press on the chief's.
    const archived = await elin.press(confirmed, 'Skickad till kommunarkivet', { reference_3: 'KA 2027/31' });
    expect(textOf(archived)).toContain('Arkiveringen (andra halvåret 2026) är gjord');
    for (const role of ['chief', 'communicator'] as const) {
      const theirs = await current(role, id);
      expect(textOf(theirs)).toContain('Arkiveringen (andra halvåret 2026) är gjord');
      expect(actionsOf(theirs)).toEqual([]);
    }
  });

  it('Everyday use 9 (R1): the reminder about a plan waiting on the chief says so once the chief has decided', async () => {
    // Sent on 2 November; the first sweep after the test above finds it two working days late and more.
    const id = randomUUID();
    await seeded(id, 'awaiting_chief', accountPlan({ platform: 'Instagram', accountName: 'väntande' }));
    await sweepAt('2027-03-02T08:05');
    const reminder = cards('chief', 'väntande');
    expect(reminder).toHaveLength(1);
    expect(textOf(reminder[0]!)).toContain('En ansökan väntar på ditt beslut');

    const approval = await karim.press(reminder[0]!, 'Visa ansökan');
    await karim.press(approval, 'Godkänn');
    const after = await current('chief', id);
    expect(textOf(after)).toContain('Ansökan väntar inte längre här.');
    expect(actionsOf(after)).toEqual([]);
  });

  it('R11: a passive account: the chief may close it from the escalation, and after 30 more days the communications chief is asked to and may', async () => {
    const id = randomUUID();
    await seeded(id, 'active', accountPlan({ platform: 'Instagram', accountName: 'tystakontot' }), '2027-03-02T09:00:00.000Z');
    const johan = world.client('commschief');
    // Johan may not close an account that is not his while it is in use.
    const early = await johan.invoke('account.closeConfirm', { assignmentId: id, finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(early)).toContain('Det här får bara den som ansvarar för kontot, hens chef eller förvaltningens kommunikatör göra');
    // Passive once the escalation has gone (mid-May), but Johan is asked, and may, only 30 days later.
    moveClock('2027-05-25T10:00');
    const passive = await johan.invoke('account.closeConfirm', { assignmentId: id, finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(passive)).toContain('Det här får bara den som ansvarar för kontot, hens chef eller förvaltningens kommunikatör göra');
    // 60 days without confirmed activity, 14 more unanswered, then 30 more.
    await sweepAt('2027-06-21T08:05');

    const karims = cards('chief', 'tystakontot');
    expect(karims).toHaveLength(1);
    expect(actionsOf(karims[0]).filter((a) => a.verb === 'account.close' && a.data.assignmentId === id)).toHaveLength(1);
    const johans = cards('commschief', 'tystakontot');
    expect(johans).toHaveLength(1);
    expect(textOf(johans[0]!)).toContain('Ingen har bekräftat att tystakontot (Instagram) används. Stäng kontot');

    const close = actionsOf(johans[0]).find((a) => a.verb === 'account.close' && a.data.assignmentId === id)!;
    const opened = await johan.answer(close.verb, close.data);
    const checklist = opened.type === 'application/vnd.microsoft.card.adaptive' ? (opened.value as Card) : world.connector.cardsTo('personal-commschief').at(-1)!;
    const closed = await johan.press(checklist, 'Stäng kontot', { finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(closed)).toContain('tystakontot (Instagram) är stängt');
    expect((await new AssignmentStore(world.tables).get(id))?.value.status).toBe('closed');
    // R4: audited as the communications chief's decision.
    expect((await new AuditRecords(world.tables).history(id)).at(-1)).toMatchObject({ type: 'AccountClosed', role: 'commschief', actorName: 'Johan Nilsson' });
  });

  it('R6: a time-limited activity is evaluated after it ends, about its own period: one card asks to evaluate, then close or extend; the evaluation leads to "Ändra målen" and "Förläng", reaches the communicator and the record', async () => {
    const id = randomUUID();
    const summer = accountPlan({ platform: 'Instagram', accountName: 'sommarlovet' });
    if (summer.kind !== 'account') throw new Error('an account plan');
    const goals = ['200 följare under sommarlovet', 'Fler frågor om sommarlovet får svar'];
    await seeded(id, 'active', { ...summer, channel: { ...summer.channel, endDate: '2027-08-20' }, purpose: { ...summer.purpose, goals } }, '2027-06-22T09:00:00.000Z');

    // Up to the afternoon of its last day, nothing asks for its evaluation (not 14 days before, not on the last day).
    await sweepAt('2027-08-20T16:05');
    expect(cards('employee', 'sommarlovet').filter((c) => /utvärder|Aktiviteten/i.test(textOf(c)))).toEqual([]);

    // The day after (a Saturday): on Monday morning one card, with the activity check due the same morning as its other section.
    await sweepAt('2027-08-23T08:05');
    const elins = cards('employee', 'sommarlovet').at(-1)!;
    expect(textOf(elins)).toContain('Aktiviteten med sommarlovet (Instagram) är slut');
    expect(textOf(elins)).toContain('Enligt aktivitetsplanen slutade aktiviteten 20 augusti 2027. Utvärdera den först. Stäng sedan kontot senast 19 september 2027, eller förläng aktiviteten');
    expect(count(textOf(elins), 'Utvärdera')).toBe(1);
    expect(teamsBytes(elins)).toBeLessThan(teamsCardLimit);
    // Evaluate, then close or extend, in that order; the extension opens the plan's change at the end date.
    const buttons = actionsOf(elins).filter((a) => a.data.assignmentId === id);
    const ended = buttons.slice(buttons.findIndex((a) => a.verb === 'duty.evaluation')).slice(0, 3);
    expect(ended.map((a) => [a.title, a.verb])).toEqual([['Skriv utvärderingen', 'duty.evaluation'], ['Stäng kontot', 'account.close'], ['Förläng', 'plan.change']]);
    expect(ended[2]!.data).toEqual({ assignmentId: id, step: 'channel', opens: 'below' });

    // The form speaks of the activity's own period, not the last year; extending or closing are the choices.
    expect(await elin.answer('duty.evaluation', ended[0]!.data)).toMatchObject({ value: 'Jag har öppnat det i ett nytt kort här nedanför.' });
    const form = world.connector.cardsTo('personal-employee').at(-1)!;
    expect(textOf(form)).toContain('Utvärderingen gäller aktiviteten 22 juni 2027–20 augusti 2027.');
    expect(textOf(form)).toContain('Hur många inlägg gjorde du under aktiviteten?');
    expect(textOf(form)).not.toContain('senaste året');
    expect(textOf(form)).not.toContain('Ja, vi fortsätter som nu');
    expect(textOf(form)).toContain('Ja, vi förlänger aktiviteten');
    // Per goal: reached or not, and the figure, required where the goal names one.
    const figures = (form.body as { items?: { type: string; id?: string; isRequired?: boolean }[] }[]).flatMap((e) => e.items ?? []).filter((e) => e.type === 'Input.Number');
    expect(figures.map((f) => [f.id, f.isRequired])).toEqual([['figure0', true], ['figure1', false]]);
    expect(teamsBytes(form)).toBeLessThan(teamsCardLimit);

    const answers = { goal0: 'yes', goal1: 'partly', followers: '240', posts: '31', answeredWithin48h: 'always', incidents: '1', change: 'Fler filmer.', decision: 'extend' };
    const before = (await new AssignmentStore(world.tables).get(id))!.value.revision;
    const missing = await elin.press(form, 'Skicka utvärderingen', answers);
    expect(textOf(missing)).toContain('också siffran för varje mål som har en');
    expect((await new AssignmentStore(world.tables).get(id))!.value.revision).toBe(before);

    const toSara = world.connector.cardsTo('personal-communicator').length;
    const result = await elin.press(form, 'Skicka utvärderingen', { ...answers, figure0: '240' });
    expect(textOf(result)).toContain('Tack! Utvärderingen har gått till förvaltningens kommunikatör.');
    // She chose to extend: "Förläng" first, then "Ändra målen", each opening the plan's change at its step.
    expect(actionsOf(result).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Förläng', 'plan.change', { assignmentId: id, step: 'channel' }],
      ['Ändra målen', 'plan.change', { assignmentId: id, step: 'purpose' }],
      ['Mina konton', 'account.mine', {}],
    ]);
    // "Förläng" opens the change of the plan at its dates, the end date as approved: moving it is a change the chief approves.
    const extending = await elin.press(result, 'Förläng');
    expect(textOf(extending)).toContain('Du ändrar en godkänd aktivitetsplan');
    expect(inputsOf(extending).endDate).toBe('2027-08-20');
    const stored = (await new AssignmentStore(world.tables).get(id))!.value as Extract<Assignment, { status: 'active' }>;
    const evidence = stored.dutyLog?.evidence?.['evaluation|end-2027-08-20'];
    expect(evidence).toEqual({
      kind: 'evaluation',
      report: {
        goals: [{ goal: goals[0], met: 'yes', figure: 240 }, { goal: goals[1], met: 'partly' }],
        covers: { kind: 'activity', from: '2027-06-22', to: '2027-08-20' },
        followers: 240, posts: 31, answeredWithin48h: 'always', incidents: 1, change: 'Fler filmer.', decision: 'extend',
      },
    });
    // The communicator gets it with the period, each goal's outcome and figure, and the decision.
    const saras = world.connector.cardsTo('personal-communicator').slice(toSara);
    expect(saras).toHaveLength(1);
    for (const line of ['aktiviteten 22 juni 2027–20 augusti 2027', 'Mål: 200 följare under sommarlovet', 'uppnått, nådde 240', 'Mål: Fler frågor om sommarlovet får svar', 'Inlägg under perioden', 'Ja, vi förlänger aktiviteten']) {
      expect(textOf(saras[0]!)).toContain(line);
    }

    // Pressed again, the card of the ended activity no longer asks for the evaluation; closing and extending remain.
    const again = await elin.invoke('duty.evaluation', { ...ended[0]!.data, opens: undefined });
    expect(textOf(again)).toContain('Det här är redan gjort.');
    expect(textOf(again)).toContain('Aktiviteten slutade 20 augusti 2027 och du har utvärderat den.');
    expect(actionsOf(again).filter((a) => a.data.assignmentId === id).map((a) => a.title)).toEqual(expect.arrayContaining(['Stäng kontot', 'Förläng']));
    expect(actionsOf(again).filter((a) => a.data.assignmentId === id).map((a) => a.title)).not.toContain('Skriv utvärderingen');

    // The record (akt) keeps it: per goal with its figure, and the period.
    const [pdfLink, jsonLink] = linksOf(await karim.invoke('record.get', { assignmentId: id }));
    const record = (await (await fetch(jsonLink!)).json()) as AssignmentRecord;
    expect(record.evaluations).toEqual([expect.objectContaining({ period: 'end-2027-08-20', report: (evidence as { report: unknown }).report })]);
    const printed = pdfText(Buffer.from(await (await fetch(pdfLink!)).arrayBuffer())).text.replace(/\s+/g, ' ');
    for (const line of ['Mål: 200 följare under sommarlovet', 'uppnått, nådde 240', 'aktiviteten 22 juni 2027–20 augusti 2027']) expect(printed).toContain(line);

    // Not closed: the chief and the communicator hear on 20 September, the communications chief is asked 30 days later.
    await sweepAt('2027-10-19T08:05');
    const karims = cards('chief', 'sommarlovet');
    expect(textOf(karims.at(-1)!)).toContain('Aktiviteten är slut: utvärdera den, och stäng kontot eller förläng aktiviteten (senast 19 september 2027)');
    const johan = world.client('commschief');
    const johans = cards('commschief', 'sommarlovet');
    expect(johans).toHaveLength(1);
    expect(textOf(johans[0]!)).toContain('Aktiviteten slutade 20 augusti 2027 och kontot är inte stängt.');
    const closed = await johan.invoke('account.closeConfirm', { assignmentId: id, finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(closed)).toContain('sommarlovet (Instagram) är stängt');
    expect((await new AuditRecords(world.tables).history(id)).at(-1)).toMatchObject({ type: 'AccountClosed', role: 'commschief' });
    // Elin's card says the account is closed; nothing is left to press there.
    const elinsNow = await current('employee', id);
    expect(textOf(elinsNow)).toContain('Kontot är stängt.');
  });
});
