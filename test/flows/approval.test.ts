import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { DirectoryStore } from '../../bot/store/directory';
import { DutySchedule } from '../../bot/store/duties';
import type { TestConnector } from '../support/connector';
import { users } from '../../dev/roles';
import { administration, channel, commitments, purpose, sendPlan } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';
import { pdfText } from '../support/pdfText';

let assignments: AssignmentStore;
let schedule: DutySchedule;
let audit: AuditRecords;

describe('approvals in Teams, over HTTP against Azurite, acting as each user in turn', () => {
  let world: TeamsWorld;
  let connector: TestConnector;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let sara: TeamsClient;
  let johan: TeamsClient;
  let nora: TeamsClient;

  beforeAll(async () => {
    // Nora leads a team of her own in Kultur och fritid (R1: only a chief decides in the chief's place).
    const tove = { aadObjectId: '9a000000-0000-4000-8000-000000000010', name: 'Tove Ek', email: '', title: '', departmentId: 'kultur-fritid', chiefAadObjectId: users.colleague.aadObjectId };
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'colleague'], {}, (tables) =>
      new DirectoryStore(tables).load({ departments: [], people: [tove], communicationsChiefAadObjectId: users.commschief.aadObjectId }),
    );
    assignments = new AssignmentStore(world.tables);
    schedule = new DutySchedule(world.tables);
    audit = new AuditRecords(world.tables);
    connector = world.connector;
    elin = world.client('employee');
    karim = world.client('chief');
    sara = world.client('communicator');
    johan = world.client('commschief');
    nora = world.client('colleague');
  });
  afterAll(() => world.close());

  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  /** The newest card in `role`'s chat about the assignment. */
  const latestCard = (conversationId: string, id: string) =>
    connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;
  const statusOf = async (id: string) => (await assignments.get(id))!.value.status;

  async function submitted(kind: 'account' | 'monitoring' = 'account') {
    const card = await sendPlan(elin, kind);
    const id = idOf(card);
    return { id, chiefCard: latestCard('personal-chief', id) };
  }

  it('R1, R4: an account plan goes through the chief, the communicator and the communications chief to active', async () => {
    const { id, chiefCard } = await submitted();
    expect(textOf(chiefCard)).toContain('Din tur att bestämma.');
    expect(actionsOf(chiefCard).map((a) => a.title)).toEqual(expect.arrayContaining(['Godkänn', 'Be om ändringar', 'Säg nej']));
    expect(textOf(latestCard('personal-employee', id))).toContain('Väntar på Karim Berg (närmaste chef)');
    expect(actionsOf(latestCard('personal-employee', id)).map((a) => a.title)).not.toContain('Godkänn');

    // R1: the waiting plan is scheduled to remind the chief after two working days.
    const waiting = await schedule.schedule(id);
    expect(waiting?.wakeAt).toBeDefined();
    const afterKarim = await karim.press(chiefCard, 'Godkänn');
    expect(textOf(afterKarim)).toContain('Du har godkänt. Nu går ansökan till Sara Lind.');
    // Success is shown in green, never in the red of a refusal.
    expect(textOf(afterKarim)).toContain('"text":"Du har godkänt. Nu går ansökan till Sara Lind.","wrap":true,"color":"Good"');
    expect(await statusOf(id)).toBe('awaiting_communicator');
    const afterSara = await sara.press(latestCard('personal-communicator', id), 'Godkänn');
    expect(textOf(afterSara)).toContain('Nu går ansökan till Johan Nilsson.');
    const afterJohan = await johan.press(latestCard('personal-commschief', id), 'Godkänn', { comment: 'Lycka till!' });

    expect(textOf(afterJohan)).toContain('Du har godkänt. Uppdraget gäller nu.');
    expect((await assignments.get(id))!.value).toMatchObject({ status: 'active', activatedAt: expect.any(String) });
    // R13: listed under its department, where the department's communicator finds it to report criticism.
    expect((await assignments.inDepartment('kultur-fritid')).map((a) => a.id)).toContain(id);
    const activated = connector.cardsTo('personal-employee').find((c) => textOf(c).includes('Din ansökan är godkänd.'))!;
    expect(actionsOf(activated).map((a) => a.title)).toContain('Mina konton');
    const history = await audit.history(id);
    expect(history.map((e) => [e.type, e.role])).toEqual([
      ['PlanStarted', 'applicant'],
      ['PlanSubmitted', 'applicant'],
      ['PlanApproved', 'chief'],
      ['PlanApproved', 'communicator'],
      ['PlanApproved', 'commschief'],
    ]);
    expect(history.at(-1)).toMatchObject({ actorName: 'Johan Nilsson', comment: 'Lycka till!', version: 1 });
    // Approved: the account's duties are scheduled; the first is ahead (R10: the question whether the
    // communicator has the login, the next working day), and the plan's approval reminder is gone.
    const active = await schedule.schedule(id);
    expect(active?.revision).toBe((await assignments.get(id))!.value.revision);
    expect(active?.wakeAt && active.wakeAt !== waiting!.wakeAt && active.wakeAt > new Date().toISOString()).toBe(true);
  });

  it('R3: an assignment approved before its start date starts on that date: the news says so and the register lists it from then', async () => {
    let card = await elin.say('ny ansökan');
    card = await elin.press(card, 'Fortsätt', { kind: 'account' });
    card = await elin.press(card, 'Fortsätt', { ...channel, accountName: 'Sommarlovet i Botkyrka', startDate: '2027-06-01' });
    for (const answers of [purpose, administration, commitments]) card = await elin.press(card, 'Fortsätt', answers);
    const id = idOf(await elin.press(card, 'Skicka till din chef'));
    await karim.press(latestCard('personal-chief', id), 'Godkänn');
    await sara.press(latestCard('personal-communicator', id), 'Godkänn');
    await johan.press(latestCard('personal-commschief', id), 'Godkänn');

    expect(await assignments.get(id).then((s) => s!.value)).toMatchObject({ status: 'active', activatedAt: expect.stringMatching(/^2027-06-01T00:00:00\.000\+02:00$/) });
    expect(JSON.stringify(connector.cardsTo('personal-employee'))).toContain('Uppdraget gäller från 2027-06-01.');
    expect(JSON.stringify(await (await fetch(`${world.app.url}/api/register.json`)).json())).not.toContain('Sommarlovet i Botkyrka');
    expect(textOf(await elin.say('mina konton'))).toContain('Börjar 2027-06-01');
  });

  it('R2: a monitoring-only plan is active after the chief, and goes to no one else', async () => {
    const { id, chiefCard } = await submitted('monitoring');
    const before = connector.cardsTo('personal-communicator').length;

    await karim.press(chiefCard, 'Godkänn');

    expect(await statusOf(id)).toBe('active');
    expect(connector.cardsTo('personal-communicator')).toHaveLength(before);
    expect(JSON.stringify(connector.cardsTo('personal-employee'))).toContain('Din ansökan om omvärldsbevakning är godkänd.');
    // An assignment, not an account: it stays in "mina ansökningar" and is not in "mina konton".
    expect(JSON.stringify(await elin.say('mina konton'))).not.toContain(id);
    expect(JSON.stringify(await elin.say('mina ansökningar'))).toContain(id);
  });

  it('R2, R9: a monitoring assignment\'s purpose is labelled as monitoring on the review, the approval card and the record', async () => {
    const label = 'Omvärldsbevakning: vad och varför';
    let card = await elin.say('ny ansökan');
    card = await elin.press(card, 'Fortsätt', { kind: 'monitoring' });
    card = await elin.press(card, 'Fortsätt', { purpose: 'Följa vad unga skriver om fritidsgårdarna.' });
    const review = await elin.press(card, 'Fortsätt', { knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true', followsLegalTerms: 'true' });
    expect(textOf(review)).toContain(`"title":"${label}","value":"Följa vad unga skriver om fritidsgårdarna."`);
    expect(textOf(review)).not.toContain('Syfte: varför behövs');
    const id = idOf(await elin.press(review, 'Skicka till din chef'));

    const chiefCard = latestCard('personal-chief', id);
    expect(textOf(chiefCard)).toContain(`"title":"${label}","value":"Följa vad unga skriver om fritidsgårdarna."`);
    expect(textOf(chiefCard)).not.toContain('Syfte: varför behövs');
    await karim.press(chiefCard, 'Godkänn');

    // The record (akt), as the chief fetches it.
    const fetched = await karim.invoke('record.get', { assignmentId: id });
    const [pdfLink] = [...JSON.stringify(fetched).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    const { text } = pdfText(Buffer.from(await (await fetch(pdfLink!)).arrayBuffer()));
    expect(text.replace(/\s+/g, ' ')).toContain(`${label}: Följa vad unga skriver om fritidsgårdarna.`);
    expect(text).not.toContain('Syfte: varför behövs');
  });

  it('R5, R6, R13: the duties the applicant is told on approval include answering within 48 hours, sharing the evaluation with the communicator, and sending criticism to the registrar', async () => {
    const { id, chiefCard } = await submitted();
    await karim.press(chiefCard, 'Godkänn');
    await sara.press(latestCard('personal-communicator', id), 'Godkänn');
    await johan.press(latestCard('personal-commschief', id), 'Godkänn');
    const news = connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('Det här ansvarar du för nu:')).at(-1)!;
    expect(textOf(news)).toContain('Svara på frågor på kontot inom 48 timmar');
    expect(textOf(news)).toContain('Den går till förvaltningens kommunikatör.');
    expect(textOf(news)).toContain('Skicka saklig kritik som kommer till kontot till registratorn, som diarieför den');
  });

  it('R1: changes requested: the applicant gets the comment, edits, and version 2 goes to the chief with what changed', async () => {
    const { id, chiefCard } = await submitted();
    await karim.press(chiefCard, 'Be om ändringar', { comment: 'Lägg till ett mål om svarstid.' });
    expect(await statusOf(id)).toBe('changes_requested');
    const message = connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('vill att du ändrar')).at(-1)!;
    expect(textOf(message)).toContain('Lägg till ett mål om svarstid.');

    let card = await elin.press(message, 'Ändra ansökan');
    expect(textOf(card)).toContain('Läs igenom och skicka');
    // The chief's comment is there on every card of the revision: the review and each step.
    expect(textOf(card)).toContain('Karim Berg vill att du ändrar ansökan. \\"Lägg till ett mål om svarstid.\\"');
    card = await elin.invoke('plan.open', { ...actionsOf(card).find((a) => a.verb === 'plan.open' && a.data.to === 'purpose')!.data });
    expect(textOf(card)).toContain('Lägg till ett mål om svarstid.');
    // "Ändra" leads back to the review after that one step.
    card = await elin.press(card, 'Fortsätt', { goal2: 'Svar inom 24 timmar' });
    expect(textOf(card)).toContain('Läs igenom och skicka');
    card = await elin.press(card, 'Skicka till din chef');

    expect(textOf(card)).toContain('version 2');
    const second = latestCard('personal-chief', id);
    expect(textOf(second)).toContain('Ändrat sedan förra versionen');
    expect(textOf(second)).toContain('Svar inom 24 timmar');
    expect(await assignments.versions(id)).toHaveLength(2);
    expect(await statusOf(id)).toBe('awaiting_chief');

    // R4: the first card, for version 1, no longer decides anything.
    const before = await assignments.get(id);
    const old = await karim.press(chiefCard, 'Godkänn');
    expect(textOf(old)).toContain('Ansökan har ändrats sedan kortet skickades.');
    expect(await assignments.get(id)).toEqual(before);
  });

  it('R1: a rejection with a comment ends the plan and tells the applicant why', async () => {
    const { id, chiefCard } = await submitted();

    await karim.press(chiefCard, 'Säg nej', { comment: 'Vi har redan ett konto för fritidsgårdarna.' });

    expect(await statusOf(id)).toBe('rejected');
    const told = connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('har sagt nej')).at(-1)!;
    expect(textOf(told)).toContain('Vi har redan ett konto för fritidsgårdarna.');
  });

  it('R1: asking for changes or saying no needs a comment; without one nothing changes', async () => {
    const { id, chiefCard } = await submitted();
    const before = await assignments.get(id);

    const card = await karim.press(chiefCard, 'Be om ändringar', { comment: '  ' });

    expect(textOf(card)).toContain('Skriv en kommentar');
    expect(await assignments.get(id)).toEqual(before);
  });

  it.each([
    ['a colleague', () => nora, 'Det är inte du som beslutar'],
    ['the applicant', () => elin, 'Du kan inte godkänna din egen ansökan.'],
    ['the communicator before the chief', () => sara, 'Det är inte du som beslutar'],
  ])('R1: refuses %s, with a clear message and no stored change', async (_, who, message) => {
    const { id, chiefCard } = await submitted();
    const before = await assignments.get(id);

    const card = await who().press(chiefCard, 'Godkänn');

    expect(textOf(card)).toContain(message);
    expect(await assignments.get(id)).toEqual(before);
    expect((await audit.history(id)).map((e) => e.type)).toEqual(['PlanStarted', 'PlanSubmitted']);
  });

  it('R1: the chief is the applicant\'s manager in the directory; a colleague named in a forged card gets no card and cannot approve', async () => {
    let card = await elin.say('ny ansökan');
    expect(textOf(card)).toContain('Din chef: Karim Berg.');
    expect(textOf(card)).not.toContain('Nora');
    card = await elin.press(card, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.colleague.aadObjectId });
    for (const answers of [channel, purpose, administration, commitments]) card = await elin.press(card, 'Fortsätt', answers);
    const sent = await elin.press(card, 'Skicka till din chef');
    const id = idOf(sent);

    expect((await assignments.get(id))!.value.plan?.who.chiefAadObjectId).toBe(users.chief.aadObjectId);
    expect(connector.cardsTo('personal-colleague').some((c) => textOf(c).includes(id))).toBe(false);
    const chiefCard = latestCard('personal-chief', id);
    expect(textOf(await nora.press(chiefCard, 'Godkänn'))).toContain('Det är inte du som beslutar');
    expect(await statusOf(id)).toBe('awaiting_chief');
    await karim.press(chiefCard, 'Godkänn');
    expect(await statusOf(id)).toBe('awaiting_communicator');
  });

  it('R1: an applicant with no manager is told so; the plan goes to the department communicator, who names who decides', async () => {
    let card = await johan.say('ny ansökan');
    expect(textOf(card)).toContain('Du har ingen chef i kommunens personalkatalog');
    card = await johan.press(card, 'Fortsätt', { kind: 'monitoring', departmentId: 'kommunledning' });
    card = await johan.press(card, 'Fortsätt', { purpose: 'Följa vad som skrivs om kommunen.' });
    card = await johan.press(card, 'Fortsätt', { knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true', followsLegalTerms: 'true' });

    const sent = await johan.press(card, 'Skicka till din chef');
    const id = idOf(sent);
    expect(textOf(sent)).toContain('Förvaltningens kommunikatör väljer vem som beslutar');
    expect(textOf(latestCard('personal-commschief', id))).toContain('Väntar på att förvaltningens kommunikatör väljer vem som beslutar.');
    const toSara = latestCard('personal-communicator', id);
    expect(textOf(toSara)).toContain('Den som sökt har ingen chef i katalogen.');
    expect(actionsOf(toSara).map((a) => a.title)).not.toContain('Godkänn');

    // Nobody but the communicator names the approver, and only a chief in the directory who is not the applicant:
    // Karim leads a team, but in Kultur och fritid, under Johan (test/flows/chiefPicker.test.ts names one who may).
    const before = await assignments.get(id);
    const byKarim = await karim.invoke('approval.assign', { assignmentId: id, version: 1, person: users.chief.aadObjectId });
    expect(textOf(byKarim)).toContain('Det här är inte din ansökan.');
    expect(textOf(await sara.press(toSara, 'Låt den personen besluta', { person: '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52' }))).toContain('Välj en person som finns i listan');
    expect(textOf(await sara.press(toSara, 'Låt den personen besluta', { person: users.commschief.aadObjectId }))).toContain('Välj någon annan än den som sökt.');
    expect(textOf(await sara.press(toSara, 'Låt den personen besluta', { person: users.chief.aadObjectId }))).toContain('Den du valde är chef på en annan förvaltning.');
    expect(await assignments.get(id)).toEqual(before);
    expect(connector.cardsTo('personal-chief').some((c) => textOf(c).includes(id))).toBe(false);
  });

  it('R1: the department communicator may let someone else decide in the chief\'s place (the chief is away)', async () => {
    const { id } = await submitted();
    const saraView = await sara.invoke('plan.history', { assignmentId: id });
    expect(textOf(saraView)).toContain('Är chefen borta länge?');

    // Nora leads a team in the department (Tove reports to her).
    await sara.press(saraView, 'Låt den personen besluta', { person: users.colleague.aadObjectId });

    expect(textOf(latestCard('personal-colleague', id))).toContain('Din tur att bestämma.');
    expect(textOf(await karim.press(latestCard('personal-chief', id), 'Godkänn'))).toContain('Det är inte du som beslutar');
    await nora.press(latestCard('personal-colleague', id), 'Godkänn');
    expect(await statusOf(id)).toBe('awaiting_communicator');
  });

  it('R1: the applicant may take back a plan nobody has decided on yet, and change it; not once the chief has decided', async () => {
    const { id, chiefCard } = await submitted();
    const copy = latestCard('personal-employee', id);
    expect(actionsOf(copy).map((a) => a.title)).toContain('Ta tillbaka ansökan');
    expect(textOf(await karim.invoke('approval.withdraw', { assignmentId: id, version: 1 }))).toContain('Det här är inte din ansökan.');

    const back = await elin.press(copy, 'Ta tillbaka ansökan');

    expect(textOf(back)).toContain('Du har tagit tillbaka ansökan.');
    expect(await statusOf(id)).toBe('draft');
    expect(textOf(await karim.press(chiefCard, 'Godkänn'))).toContain('Ansökan väntar inte på något beslut längre.');
    const edit = await elin.press(back, 'Ändra ansökan');
    const again = await elin.press(edit, 'Skicka till din chef');
    expect(textOf(again)).toContain('version 2');
    await karim.press(latestCard('personal-chief', id), 'Godkänn');
    expect(textOf(await elin.invoke('approval.withdraw', { assignmentId: id, version: 2 }))).toContain('Ansökan väntar inte på något beslut längre.');
    expect((await audit.history(id)).map((e) => e.type)).toEqual(['PlanStarted', 'PlanSubmitted', 'PlanWithdrawn', 'PlanSubmitted', 'PlanApproved']);
  });

  it('R4: refuses a decision after the plan moved on, from the old card or a forged one', async () => {
    const { id, chiefCard } = await submitted();
    await karim.press(chiefCard, 'Godkänn');
    const before = await assignments.get(id);

    const again = await karim.press(chiefCard, 'Godkänn');
    const forged = await karim.invoke('approval.approve', { assignmentId: id, version: 1, step: 'communicator' });

    expect(textOf(again)).toContain('Ansökan väntar inte på något beslut längre.');
    expect(textOf(forged)).toContain('Det är inte du som beslutar i det här steget.');
    expect(await assignments.get(id)).toEqual(before);
  });

  it('R4: 100 approvals at once make one transition, one audit event and one card for the next approver', async () => {
    const { id, chiefCard } = await submitted();
    const cardsForSara = () => connector.cardsTo('personal-communicator').filter((c) => textOf(c).includes(id)).length;

    const answers = await Promise.all(Array.from({ length: 100 }, () => karim.press(chiefCard, 'Godkänn')));

    expect(answers.filter((c) => textOf(c).includes('Du har godkänt.'))).toHaveLength(1);
    expect(await statusOf(id)).toBe('awaiting_communicator');
    expect((await audit.history(id)).filter((e) => e.type === 'PlanApproved')).toHaveLength(1);
    expect(cardsForSara()).toBe(1);
  });

  it('R4: after a decision every earlier copy of the card is updated in place', async () => {
    const { id, chiefCard } = await submitted();
    const copies = await assignments.copies(id);
    expect(copies.map((c) => c.conversationId).sort()).toEqual(['personal-chief', 'personal-employee']);

    await karim.press(chiefCard, 'Godkänn');

    for (const copy of copies) {
      const updates = connector.updatesOf(copy.conversationId, copy.activityId);
      expect(updates.length).toBeGreaterThan(0);
      expect(JSON.stringify(updates.at(-1))).toContain('Väntar på Sara Lind (förvaltningens kommunikatör)');
    }
  });

  it('R1: when the chief cannot be reached the applicant is told who must add the app, and the plan waits', async () => {
    connector.refuse(/personal-chief/, 403);
    try {
      const { id } = await submitted();

      expect(await statusOf(id)).toBe('awaiting_chief');
      const told = connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('Jag når inte Karim Berg')).at(-1);
      expect(told).toBeDefined();
    } finally {
      connector.allow();
    }
  });

  it('R1: on refresh the approver whose turn it is gets the buttons, and everyone else a read-only card', async () => {
    const { id } = await submitted();

    const forKarim = await karim.invoke('approval.refresh', { assignmentId: id });
    const forElin = await elin.invoke('approval.refresh', { assignmentId: id });

    expect(actionsOf(forKarim).map((a) => a.title)).toContain('Godkänn');
    expect(actionsOf(forElin).map((a) => a.title)).not.toContain('Godkänn');
    expect(textOf(forElin)).toContain('Väntar på Karim Berg (närmaste chef)');
  });

  it('R4: "historik" shows a sent plan with its history, to the people involved only', async () => {
    const { id } = await submitted();
    const list = await elin.say('historik');
    const show = actionsOf(list).find((a) => a.verb === 'plan.history' && a.data.assignmentId === id)!;

    const card = await elin.invoke(show.verb, show.data);
    const stranger = await nora.invoke(show.verb, show.data);

    expect(textOf(card)).toContain('Historik');
    expect(textOf(card)).toContain('Elin Ek skickade version 1');
    expect(textOf(stranger)).toContain('Det här är inte din ansökan.');
  });
});
