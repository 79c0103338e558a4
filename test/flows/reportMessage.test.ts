import { odata } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { AssignmentRecord } from '../../bot/domain/record';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { ReportStore } from '../../bot/store/reports';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { pdfText } from '../support/pdfText';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card } from '../support/teamsClient';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * R13: "Meddelanden som du får via sociala medier … ska betraktas som allmän handling": whoever looks
 * after an account sends a message it received to the registrar from Teams, as criticism is; the
 * registrar gives its diary number; the account's record lists what was sent.
 */
describe('a message an account received, to the registrar (R13)', () => {
  let world: TeamsWorld;
  const account = randomUUID();

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'colleague'], { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.colleague.aadObjectId }, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Instagram', accountName: 'Simhallen i Tumba' }), 'active');
    });
  });
  afterAll(() => world.close());

  const auditOf = async (reportId: string) => {
    const events: Record<string, unknown>[] = [];
    for await (const e of world.tables.client('audit').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${`report_${reportId}`}` } })) events.push(e);
    return events;
  };
  const received = (role: string, text: string) => world.connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(text));

  it('R13: a message the account received goes from Teams to the registrar, who gives its diary number; the reporter is told, and the account\'s record lists it', async () => {
    const elin = world.client('employee');
    const menu = await elin.say('rapportera');
    const form = await elin.press(menu, 'Rapportera meddelande');
    expect(textOf(form)).toContain('Det går till registratorn, som diarieför det.');
    expect(JSON.stringify(form)).toContain('Simhallen i Tumba (Instagram)');
    const text = `Hej! Jag tappade min klocka i omklädningsrummet i går ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(form, 'Skicka', { accountId: account, receivedOn: today(), text, picture: 'En bild på en blå klocka' });

    expect(textOf(receipt)).toContain('Meddelandet har gått till registratorn. Du får diarienumret här när registratorn har diariefört det.');
    // Only the registrar gets it: it is a public record to register, not news for the department.
    expect(received('communicator', text)).toHaveLength(0);
    expect(received('chief', text)).toHaveLength(0);
    const [toRegistrar] = received('colleague', text);
    expect(textOf(toRegistrar!)).toContain('Meddelande till ett konto att diarieföra');
    expect(textOf(toRegistrar!)).toContain('En bild på en blå klocka');
    expect(textOf(toRegistrar!)).toContain('Diarieför meddelandet och skriv diarienumret här.');
    expect(actionsOf(toRegistrar!).map((a) => a.verb)).toEqual(['report.diary']);
    const reportId = String(actionsOf(toRegistrar!)[0]!.data.reportId);
    expect(await auditOf(reportId)).toEqual([expect.objectContaining({ type: 'ReportMessageFiled', role: 'reporter' })]);
    expect((await new ReportStore(world.tables).awaitingNumber()).map((w) => w.id)).toContain(reportId);

    const saved = await world.client('colleague').press(toRegistrar!, 'Spara diarienumret', { diaryNumber: 'KS 2026/200' });

    expect(textOf(saved)).toContain('Sparat. Meddelandet har diarienummer KS 2026/200.');
    expect(received('employee', 'Meddelandet du rapporterade')).toEqual([expect.anything()]);
    expect(textOf(received('employee', 'Meddelandet du rapporterade')[0]!)).toContain('har diarienummer KS 2026/200');
    expect(await auditOf(reportId)).toEqual([expect.objectContaining({ type: 'ReportMessageFiled' }), expect.objectContaining({ type: 'ReportMessageRegistered', role: 'registrar', comment: 'KS 2026/200' })]);

    // The account's record (akt) lists what was sent, with its number: the registrar may fetch it.
    const card = await world.client('colleague').invoke('record.get', { assignmentId: account });
    const [pdfLink, jsonLink] = [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    const record = (await (await fetch(jsonLink!)).json()) as AssignmentRecord;
    expect(record.reports).toEqual([expect.objectContaining({ kind: 'message', diaryNumber: 'KS 2026/200', picture: 'En bild på en blå klocka', excerpt: text })]);
    const printed = pdfText(Buffer.from(await (await fetch(pdfLink!)).arrayBuffer())).text.replace(/\s+/g, ' ');
    expect(printed).toContain('Kritik och meddelanden till kontot');
    expect(printed).toContain('Meddelande, ');
    expect(printed).toContain('diarienummer KS 2026/200');
    expect(printed).toContain(text);
  });

  it('R13: someone who looks after no account is told so, and a message to an account they do not look after is refused and sent nowhere', async () => {
    const karim = world.client('chief');
    const form = await karim.press(await karim.say('rapportera'), 'Rapportera meddelande');
    expect(textOf(form)).toContain('Du sköter inget konto.');
    const before = world.connector.sent().length;

    const refused = await karim.invoke('report.send', { kind: 'message', accountId: account, receivedOn: today(), text: 'Ett meddelande' });

    expect(textOf(refused)).toContain('Något behöver rättas');
    expect(world.connector.sent()).toHaveLength(before);
  });
});

/**
 * R13: without a registrar set, no diary number is ever asked for: the form and the receipt say what
 * happens instead (the department's communicator sees to the registration; the registry's mailbox
 * gets a PDF), and no text promises a number.
 */
describe('registration without a registrar set (R13)', () => {
  let world: TeamsWorld;
  let graph: GraphStandIn;
  const account = randomUUID();

  beforeAll(async () => {
    graph = await startGraph(asGraphUsers(directory));
    world = await startTeams(['employee', 'communicator', 'commschief'], { KANALKOLL_GRAPH_URL: graph.url, KANALKOLL_REGISTRY_MAILBOX: 'registrator@botkyrka.se' }, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Fritidsgården' }), 'active');
    });
  });
  afterAll(async () => {
    await world.close();
    await graph.close();
  });

  const noNumberPromised = (card: Card) => {
    expect(textOf(card)).not.toContain('Du får diarienumret');
    expect(textOf(card)).not.toContain('går till registratorn');
    expect(textOf(card)).not.toContain('har gått till registratorn');
  };

  it('R13: the criticism form and its receipt say that no registrar is set and the communicator sees to the registration; no number is promised or waited for', async () => {
    const elin = world.client('employee');
    const form = await elin.press(await elin.say('rapportera'), 'Rapportera kritik');
    expect(textOf(form)).toContain('Kanalkoll har ingen registrator inställd. Saklig kritik går till förvaltningens kommunikatör, som ser till att den diarieförs.');
    noNumberPromised(form);
    const text = `Fritidsgården stänger för tidigt ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(form, 'Skicka', { accountId: account, departmentId: 'kultur-fritid', receivedOn: today(), link: 'https://facebook.com/fritid/1', text, nature: 'factual' });

    expect(textOf(receipt)).toContain(`Kanalkoll har ingen registrator inställd. Kritiken har gått till ${users.communicator.name}, som ser till att den diarieförs.`);
    expect(textOf(receipt)).toContain('En PDF av rapporten har också gått till registraturens brevlåda.');
    noNumberPromised(receipt);
    const toSara = world.connector.cardsTo('personal-communicator').filter((c) => textOf(c).includes(text));
    expect(toSara).toHaveLength(1);
    expect(actionsOf(toSara[0]!).map((a) => a.verb)).not.toContain('report.diary');
    expect(await new ReportStore(world.tables).awaitingNumber()).toEqual([]);
    // The registry's mail says no number will be written in Kanalkoll, never that a registrar has it in Teams.
    const mail = graph.mail.filter((m) => m.message.body.content.includes(users.employee.name)).at(-1)!;
    expect(mail.message.body.content).toContain('Kanalkoll har ingen registrator inställd, så inget diarienummer skrivs in i Kanalkoll.');
    expect(mail.message.body.content).not.toContain('Registratorn har den också i Teams');
    // R16: the unit's overview does not say it waits for a number.
    const unit = textOf(await world.client('communicator').say('vad skrivs om min enhet?'));
    expect(unit).toContain('(inget diarienummer i Kanalkoll)');
    expect(unit).not.toContain('väntar på diarienummer');
  });

  it('R13: a message received goes to the department\'s communicator, and the receipt says why and who sees to it', async () => {
    const elin = world.client('employee');
    const form = await elin.press(await elin.say('rapportera'), 'Rapportera meddelande');
    expect(textOf(form)).toContain('Kanalkoll har ingen registrator inställd. Meddelandet går till förvaltningens kommunikatör, som ser till att det diarieförs.');
    noNumberPromised(form);
    const text = `Kan jag boka lokalen i mars? ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(form, 'Skicka', { accountId: account, receivedOn: today(), text });

    expect(textOf(receipt)).toContain(`Kanalkoll har ingen registrator inställd. Meddelandet har gått till ${users.communicator.name}, som ser till att det diarieförs.`);
    noNumberPromised(receipt);
    expect(world.connector.cardsTo('personal-communicator').filter((c) => textOf(c).includes(text))).toHaveLength(1);
    expect(await new ReportStore(world.tables).awaitingNumber()).toEqual([]);
  });
});
