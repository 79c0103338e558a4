import type { AssignmentRecord } from '../../bot/domain/record';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { administration, channel, commitments, purpose, sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/**
 * R1, R6: the applicant and their chief fill in the activity plan together ("du och din chef fyller
 * i bilaga 1"), and the chief corrects it before approving. Over HTTP against the real app.
 */
describe('filling in the plan together, and the chief correcting it before approving (R1, R6)', () => {
  let world: TeamsWorld;
  let assignments: AssignmentStore;
  let audit: AuditRecords;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let nora: TeamsClient;
  let johan: TeamsClient;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'colleague']);
    assignments = new AssignmentStore(world.tables);
    audit = new AuditRecords(world.tables);
    [elin, karim, nora, johan] = (['employee', 'chief', 'colleague', 'commschief'] as const).map((role) => world.client(role)) as [TeamsClient, TeamsClient, TeamsClient, TeamsClient];
  });
  afterAll(() => world.close());

  const stored = async (id: string) => (await assignments.get(id))!.value;
  const latest = (conversationId: string, text: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(text)).at(-1)!;
  const action = (card: Card, verb: string, to?: string) => actionsOf(card).find((a) => a.verb === verb && (to === undefined || a.data.to === to))!;
  /** What is stored about the assignment, to see that a refusal changed nothing. */
  const everything = async (id: string) => JSON.stringify([await stored(id), await audit.history(id), await assignments.versions(id)]);

  /** Elin fills in every step and stops at the review, unsent. */
  async function draftToReview(): Promise<{ id: string; review: Card }> {
    let card = await elin.say('ny ansökan');
    card = await elin.press(card, 'Fortsätt', { kind: 'account' });
    for (const answers of [channel, purpose, administration, commitments]) card = await elin.press(card, 'Fortsätt', answers);
    return { id: String(action(card, 'plan.submit').data.draftId), review: card };
  }

  it('R1, R6: Elin asks Karim to fill in with her; his change is recorded as his in the audit, she is told what he changed and her review shows it; only she sends', async () => {
    const { id, review } = await draftToReview();
    const asked = await elin.press(review, 'Be din chef fylla i med dig');
    expect(textOf(asked)).toContain('Karim Berg har fått ansökan och kan fylla i den med dig.');

    // Karim gets a card, and opens the draft: the same questionnaire, without sending it.
    const invitation = latest('personal-chief', 'Elin Ek ber dig fylla i ansökan tillsammans.');
    const his = await karim.press(invitation, 'Öppna ansökan');
    expect(textOf(his)).toContain('Du fyller i ansökan tillsammans med Elin Ek.');
    expect(actionsOf(his).map((a) => a.verb)).not.toEqual(expect.arrayContaining(['plan.submit']));
    const step = await karim.invoke('plan.open', action(his, 'plan.open', 'purpose').data);
    const after = await karim.press(step, 'Fortsätt', { audience: 'Unga 13–19 år i Botkyrka', goal1: '300 följare inom ett halvår' });
    expect(textOf(after)).toContain('Karim Berg har ändrat: målgrupp, mål.');

    // Stored as his: the draft changed, Elin is where she was, and the audit names him as the chief.
    const state = await stored(id);
    expect(state).toMatchObject({ status: 'draft', step: 'review', draft: { purpose: { audience: 'Unga 13–19 år i Botkyrka', goals: ['300 följare inom ett halvår'] } } });
    expect((await audit.history(id)).map((e) => [e.type, e.role, e.actorName])).toEqual([
      ['PlanStarted', 'applicant', 'Elin Ek'],
      ['ChiefAsked', 'applicant', 'Elin Ek'],
      ['StepSaved', 'chief', 'Karim Berg'],
    ]);

    // Elin is told what he changed, and her review shows it.
    const news = latest('personal-employee', 'Karim Berg har ändrat i din ansökan:');
    expect(textOf(news)).toContain('- målgrupp');
    expect(textOf(news)).toContain('- mål');
    const resumed = await elin.press(news, 'Ändra ansökan');
    expect(textOf(resumed)).toContain('Karim Berg har ändrat: målgrupp, mål.');

    // Only Elin sends: Karim's press is refused, and nothing is stored.
    const before = await everything(id);
    const refused = await karim.invoke('plan.submit', { draftId: id, revision: state.revision });
    expect(textOf(refused)).toContain('Det här är inte din ansökan.');
    expect(await everything(id)).toBe(before);
    await elin.press(resumed, 'Skicka till din chef');
    expect(await stored(id)).toMatchObject({ status: 'awaiting_chief', plan: { purpose: { goals: ['300 följare inom ett halvår'] } } });
  });

  it('R1: nobody else fills in: not a colleague, not the chief unasked, and with no chief there is nobody to ask; nothing is stored', async () => {
    const { id, review } = await draftToReview();
    const revision = Number(action(review, 'plan.submit').data.revision);
    const before = await everything(id);
    const change = { draftId: id, revision, step: 'purpose', then: 'next', ...purpose, goal1: '1000 följare' };
    for (const [who, press] of [
      ['Karim, not asked', () => karim.invoke('plan.save', change)],
      ['Karim, not asked', () => karim.invoke('plan.together', { draftId: id })],
      ['Nora', () => nora.invoke('plan.save', change)],
      ['Nora', () => nora.invoke('plan.together', { draftId: id })],
      ['Nora', () => nora.invoke('plan.askChief', { draftId: id, revision })],
    ] as const) {
      expect([who, textOf(await press())]).toEqual([who, expect.stringContaining('Det här är inte din ansökan.')]);
    }
    expect(await everything(id)).toBe(before);

    // Johan has no manager in the directory: he is told so, and nothing is stored.
    const start = await johan.say('ny ansökan');
    const own = String(action(start, 'plan.save').data.draftId);
    const untouched = await everything(own);
    const noChief = await johan.invoke('plan.askChief', action(start, 'plan.save').data);
    expect(textOf(noChief)).toContain('Du har ingen chef i kommunens personalkatalog, så det finns ingen att be.');
    expect(await everything(own)).toBe(untouched);
  });

  it('R1, R4, R6: Karim corrects the plan before approving: a refused correction changes nothing; approved, it is version 2, Elin is told what changed, and the audit and the record keep it', async () => {
    const sent = await sendPlan(elin, 'account');
    const id = String(actionsOf(sent).find((a) => a.data.assignmentId)?.data.assignmentId);
    const decision = latest('personal-chief', id);
    let review = await karim.press(decision, 'Rätta aktivitetsplanen');
    expect(textOf(review)).toContain('Rätta aktivitetsplanen från Elin Ek innan du godkänner den.');
    expect(actionsOf(review).map((a) => a.title)).not.toContain('Godkänn med rättelser');

    // A source page outside the municipality's web, kept with "Spara": approving it is refused, and nothing changes.
    const purposeStep = await karim.invoke('plan.open', action(review, 'plan.open', 'purpose').data);
    const kept = await karim.press(purposeStep, 'Spara', { sourceUrl: 'https://example.org/fritid', goal1: '400 följare inom ett år' });
    review = await karim.invoke('plan.open', { ...action(kept, 'plan.save').data, to: 'review' });
    const before = JSON.stringify([(await stored(id)).plan, (await stored(id)).planVersion, await assignments.versions(id)]);
    const refused = await karim.press(review, 'Godkänn med rättelser');
    expect(textOf(refused)).toContain('Fyll i det som saknas innan du skickar.');
    expect(await stored(id)).toMatchObject({ status: 'awaiting_chief', planVersion: 1 });
    expect(JSON.stringify([(await stored(id)).plan, (await stored(id)).planVersion, await assignments.versions(id)])).toBe(before);

    // Corrected for real, and approved: version 2, frozen, recorded as his.
    const again = await karim.invoke('plan.open', action(refused, 'plan.open', 'purpose').data);
    review = await karim.press(again, 'Fortsätt', { sourceUrl: purpose.sourceUrl, goal1: '400 följare inom ett år' });
    const approved = await karim.press(review, 'Godkänn med rättelser');
    expect(textOf(approved)).toContain('Du har godkänt aktivitetsplanen med dina rättelser.');
    expect(await stored(id)).toMatchObject({ status: 'awaiting_communicator', planVersion: 2, plan: { purpose: { goals: ['400 följare inom ett år'], sourceUrl: purpose.sourceUrl } } });
    expect((await assignments.versions(id)).map((v) => [v.version, v.plan.kind === 'account' && v.plan.purpose.goals[0]])).toEqual([
      [1, purpose.goal1],
      [2, '400 följare inom ett år'],
    ]);
    const history = await audit.history(id);
    expect(history.slice(-3).map((e) => [e.type, e.role, e.actorName, e.version])).toEqual([
      ['StepSaved', 'chief', 'Karim Berg', 1],
      ['PlanCorrected', 'chief', 'Karim Berg', 2],
      ['PlanApproved', 'chief', 'Karim Berg', 2],
    ]);

    // Elin is told what changed; Sara decides on version 2.
    const news = latest('personal-employee', 'Karim Berg rättade din aktivitetsplan innan hen godkände den. Den blev version 2.');
    expect(textOf(news)).toContain('- mål');
    expect(textOf(news)).not.toContain('- källa på webben');
    expect(textOf(latest('personal-communicator', id))).toContain('"title":"Version","value":"2"');

    // The record keeps both versions and the correction, with who made it.
    const card = await karim.invoke('record.get', { assignmentId: id });
    const jsonLink = [...textOf(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!).find((link) => link.includes('.json'));
    const record = (await (await fetch(jsonLink!)).json()) as AssignmentRecord;
    expect(record.planVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(record.decisions.filter((d) => d.type === 'PlanCorrected')).toEqual([expect.objectContaining({ actorName: 'Karim Berg', role: 'chief', version: 2 })]);
  });
});
