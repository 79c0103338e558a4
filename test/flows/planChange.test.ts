import { DateTime } from 'luxon';
import { nudgesBetween, overdue } from '../../bot/domain/duties';
import type { AssignmentRecord } from '../../bot/domain/record';
import { AssignmentStore } from '../../bot/store/assignments';
import { pdfText } from '../support/pdfText';
import { sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/** R6, R1: an approved activity plan changed (a new version), extended, and told in the record. */
describe('changing an approved activity plan (R6)', () => {
  // A Wednesday in office hours, so the duties' nudges fall where the test reads them.
  const now = DateTime.fromISO('2027-01-20T10:00', { zone: 'Europe/Stockholm' });
  let world: TeamsWorld;
  let assignments: AssignmentStore;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let sara: TeamsClient;
  let johan: TeamsClient;
  let id: string;

  const latestCard = (conversationId: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;
  const cardsTo = (conversationId: string) => world.connector.cardsTo(conversationId).length;
  const stateOf = async () => (await assignments.get(id))!.value;
  const registered = async () =>
    ((await (await fetch(`${world.app.url}/api/register.json`)).json()) as { accounts: { accountName: string; purpose: string }[] }).accounts.find((a) => a.accountName === 'Fritidsgårdarna i Botkyrka');

  /** The owner changes one step of the approved plan from "Ändra aktivitetsplanen" and sends the change. */
  async function change(step: 'purpose' | 'channel', answers: Record<string, string>): Promise<Card> {
    const card = await elin.invoke('plan.change', { assignmentId: id, step });
    expect(textOf(card)).toContain('Ändra aktivitetsplanen');
    const review = await elin.press(card, 'Fortsätt', answers);
    return elin.press(review, 'Skicka ändringen till närmaste chef');
  }

  beforeAll(async () => {
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(now.toMillis() - Date.now());
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief']);
    assignments = new AssignmentStore(world.tables);
    [elin, karim, sara, johan] = (['employee', 'chief', 'communicator', 'commschief'] as const).map((role) => world.client(role)) as [TeamsClient, TeamsClient, TeamsClient, TeamsClient];
    id = String(actionsOf(await sendPlan(elin, 'account')).find((a) => a.data.assignmentId)?.data.assignmentId);
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    await sara.press(latestCard('personal-communicator'), 'Godkänn');
    await johan.press(latestCard('personal-commschief'), 'Godkänn');
    expect((await stateOf()).status).toBe('active');
  });
  afterAll(async () => {
    await world.close();
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
  });

  it('R6: a change of goals is a version 2 the chief alone approves, seeing what changed; the communicator is told; the account runs under version 1 meanwhile', async () => {
    // "Ändra aktivitetsplanen" is in "mina konton", for the owner, and on the account's card for the chief.
    expect(actionsOf(await elin.say('mina konton')).some((a) => a.verb === 'plan.change' && a.data.assignmentId === id)).toBe(true);
    expect(actionsOf(await karim.invoke('plan.history', { assignmentId: id })).some((a) => a.verb === 'plan.change')).toBe(true);
    const step = await elin.invoke('plan.change', { assignmentId: id, step: 'purpose' });
    // The step opens filled with the approved version; pressed again, the change is reopened, not started twice.
    expect(JSON.stringify(step)).toContain('200 följare inom ett halvår');
    const again = await elin.invoke('plan.change', { assignmentId: id, step: 'purpose' });
    expect(textOf(again)).toContain('200 följare inom ett halvår');
    const review = await elin.press(again, 'Fortsätt', { goal1: '400 följare inom ett år' });
    const toJohan = cardsTo('personal-commschief');
    await elin.press(review, 'Skicka ändringen till närmaste chef');
    expect(await stateOf()).toMatchObject({ planVersion: 1, plan: { purpose: { goals: ['200 följare inom ett halvår'] } }, change: { sent: { version: 2, route: 'chief' } } });
    const card = latestCard('personal-chief');
    expect(textOf(card)).toContain('Ändrat mot den version som gäller');
    expect(textOf(card)).toContain('200 följare inom ett halvår → 400 följare inom ett år');
    const decided = await karim.press(card, 'Godkänn');
    expect(textOf(decided)).toContain('Version 2 av aktivitetsplanen gäller nu.');
    expect(await stateOf()).toMatchObject({ planVersion: 2, plan: { purpose: { goals: ['400 följare inom ett år'] } } });
    expect(await stateOf()).not.toHaveProperty('change');
    expect(textOf(world.connector.cardsTo('personal-communicator').at(-1)!)).toContain('har ändrat aktivitetsplanen för Fritidsgårdarna i Botkyrka (Instagram) (mål). Karim Berg har godkänt ändringen.');
    expect(cardsTo('personal-commschief')).toBe(toJohan);
    expect(textOf(world.connector.cardsTo('personal-employee').at(-1)!)).toContain('Ändringen är godkänd. Version 2 av aktivitetsplanen gäller nu.');
  });

  it('R1, R3: a change of purpose goes to the chief, the communicator and the communications chief; the register shows it only after the last approval', async () => {
    const before = (await registered())!.purpose;
    await change('purpose', { purpose: 'Berätta om sommarens aktiviteter på fritidsgårdarna.' });
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    expect((await registered())!.purpose).toBe(before);
    await sara.press(latestCard('personal-communicator'), 'Godkänn');
    expect((await registered())!.purpose).toBe(before);
    expect((await stateOf()).planVersion).toBe(2);
    const decided = await johan.press(latestCard('personal-commschief'), 'Godkänn');
    expect(textOf(decided)).toContain('Version 3 av aktivitetsplanen gäller nu.');
    expect((await registered())!.purpose).toBe('Berätta om sommarens aktiviteter på fritidsgårdarna.');
  });

  it('R6: a refused change leaves the approved version in force and on the register; changes asked for are made by the owner again; a change taken back leaves it too', async () => {
    await change('purpose', { purpose: 'Något helt annat.' });
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    const refused = await sara.press(latestCard('personal-communicator'), 'Säg nej', { comment: 'Syftet passar inte förvaltningen.' });
    expect(textOf(refused)).toContain('Aktivitetsplanen gäller som förut.');
    expect(await stateOf()).toMatchObject({ planVersion: 3, plan: { purpose: { purpose: 'Berätta om sommarens aktiviteter på fritidsgårdarna.' } } });
    expect(await stateOf()).not.toHaveProperty('change');
    expect((await registered())!.purpose).toBe('Berätta om sommarens aktiviteter på fritidsgårdarna.');
    expect(textOf(world.connector.cardsTo('personal-employee').at(-1)!)).toContain('Sara Lind har sagt nej till ändringen.');
    // Changes asked for: the owner edits the change again, with what was asked, and sends it as a new version (5), which the chief approves.
    await change('purpose', { goal1: '450 följare inom ett år' });
    await karim.press(latestCard('personal-chief'), 'Be om ändringar', { comment: 'Sikta högre.' });
    const asked = world.connector.cardsTo('personal-employee').at(-1)!;
    expect(textOf(asked)).toContain('Karim Berg vill att du ändrar ändringen av aktivitetsplanen.');
    const review = await elin.press(asked, 'Ändra aktivitetsplanen');
    expect(textOf(review)).toContain('Sikta högre.');
    const edited = await elin.press(await elin.invoke('plan.open', { ...actionsOf(review).find((a) => a.verb === 'plan.open' && a.data.to === 'purpose')!.data }), 'Fortsätt', { goal1: '500 följare inom ett år' });
    await elin.press(edited, 'Skicka ändringen till närmaste chef');
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    expect(await stateOf()).toMatchObject({ planVersion: 6, plan: { purpose: { goals: ['500 följare inom ett år'] } } });
    // The owner takes back a change waiting for the chief; the next change is numbered after those sent (version 7).
    await change('purpose', { audience: 'Alla unga i Botkyrka' });
    const withdrawn = await elin.press(latestCard('personal-employee'), 'Ta tillbaka ändringen');
    expect(textOf(withdrawn)).toContain('Du har tagit tillbaka ändringen.');
    expect(await stateOf()).toMatchObject({ planVersion: 6, latestVersion: 7 });
    expect(await stateOf()).not.toHaveProperty('change');
  });

  it('R6: moving the end date is a change the chief approves; the end-of-activity duties follow the new date', async () => {
    const today = () => DateTime.fromMillis(Date.now() + Number(process.env.KANALKOLL_CLOCK_OFFSET_MS)).setZone('Europe/Stockholm');
    const duties = async () => overdue(await stateOf(), today()).map((d) => `${d.duty}|${d.period}`);
    await change('channel', { endDate: '2027-02-10' });
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    // Five weeks after the activity ended: its one card (evaluate, then close or extend) is overdue.
    const later = DateTime.fromISO('2027-03-17T10:00', { zone: 'Europe/Stockholm' });
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(later.toMillis() - Date.now());
    expect(await duties()).toContain('ended|2027-02-10');
    // Extended to 30 June: the account runs under the old end until the chief approves; then nothing about its end is due now, and its end comes then.
    const sent = await change('channel', { endDate: '2027-06-30' });
    expect(textOf(sent)).toContain('väntar på beslut');
    expect(await duties()).toContain('ended|2027-02-10');
    await karim.press(latestCard('personal-chief'), 'Godkänn');
    expect((await duties()).filter((d) => d.includes('2027-02-10'))).toEqual([]);
    const ahead = nudgesBetween(await stateOf(), today(), today().plus({ years: 1 })).map((n) => `${n.duty}|${n.period}`);
    expect(ahead).toContain('ended|2027-06-30');
  });

  it('R4, R6: the record lists every version with who changed what and who approved it; the card history says it in words', async () => {
    const card = await johan.invoke('record.get', { assignmentId: id });
    const [pdfLink, jsonLink] = [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    const record = (await (await fetch(jsonLink!)).json()) as AssignmentRecord;
    expect(record.planVersions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(record.planVersions[1]).toMatchObject({ version: 2, submittedBy: 'Elin Ek', changed: ['purpose.goals'], approvedBy: [{ name: 'Karim Berg', role: 'chief' }] });
    expect(record.planVersions[2]).toMatchObject({ changed: ['purpose.purpose'], approvedBy: [{ name: 'Karim Berg' }, { name: 'Sara Lind' }, { name: 'Johan Nilsson' }] });
    expect(record.planVersions[3]!.approvedBy).toEqual([{ name: 'Karim Berg', role: 'chief', at: expect.any(String) }]);
    const pdf = pdfText(Buffer.from(await (await fetch(pdfLink!)).arrayBuffer())).text;
    expect(pdf).toContain('Ändrad av Elin Ek: mål');
    expect(pdf).toContain('Godkänd av Karim Berg (närmaste chef');
    expect(textOf(await elin.invoke('plan.history', { assignmentId: id }))).toContain('Elin Ek skickade en ändring av aktivitetsplanen, version 9 (slutdatum)');
  });
});
