import { odata } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import type { Tables } from '../../bot/store/tables';
import { users } from '../../dev/roles';
import type { TestConnector } from '../support/connector';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

let tables: Tables;

describe('reports (R13, R21, R22), over HTTP against Azurite', () => {
  let world: TeamsWorld;
  let connector: TestConnector;
  let elin: TeamsClient;
  let accountId: string;

  beforeAll(async () => {
    accountId = randomUUID();
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.commschief.aadObjectId }, async (own) => {
      const stores = { assignments: new AssignmentStore(own), register: new RegisterStore(own) };
      await seed(stores, accountId, accountPlan({ platform: 'Facebook', accountName: `Biblioteket ${accountId.slice(0, 4)}` }), 'active');
    });
    tables = world.tables;
    connector = world.connector;
    elin = world.client('employee');
  });
  afterAll(() => world.close());

  const form = async (button: string): Promise<Card> => elin.press(await elin.say('rapportera'), button);
  const received = (role: string, text: string) => connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(text));

  const auditOf = async (reportId: string) => {
    const events = [];
    for await (const e of tables.client('audit').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${`report_${reportId}`}` } })) events.push(e);
    return events;
  };

  it('R13: factual criticism goes to the registrar and the communicator with no number: the registrar gives it from the diary, and the reporter gets it', async () => {
    const card = await form('Rapportera kritik');
    const text = `Stängt i tre veckor ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(card, 'Skicka', { accountId, receivedOn: '2026-11-22', link: 'https://facebook.com/post/1', text, nature: 'factual' });

    expect(textOf(receipt)).toContain('Kritiken har gått till registratorn och Sara Lind. Du får diarienumret här när registratorn har diariefört den.');
    expect(textOf(receipt)).not.toMatch(/\d{4}\/\d/);
    expect(received('communicator', text)).toHaveLength(1);
    expect(received('chief', text)).toHaveLength(0); // nobody else sees what the reporter wrote
    const [toRegistrar] = received('commschief', text);
    expect(textOf(toRegistrar!)).toContain('Saklig kritik att diarieföra');
    expect(actionsOf(toRegistrar!).map((a) => [a.title, a.verb])).toEqual([['Spara diarienumret', 'report.diary']]);
    const reportId = String(actionsOf(toRegistrar!)[0]!.data.reportId);
    // R4: the filing is an audit event, with no number.
    expect(await auditOf(reportId)).toEqual([expect.objectContaining({ type: 'ReportCriticismFiled', role: 'reporter', actorName: 'Elin Ek' })]);
    expect((await auditOf(reportId))[0]).not.toHaveProperty('comment');

    // Only the registrar gives the number; a number without a digit is refused; nothing changes.
    const johan = world.client('commschief');
    expect(textOf(await elin.invoke('report.diary', { reportId, diaryNumber: 'KS 2026/1' }))).toContain('Det är bara registratorn som kan skriva in diarienumret.');
    const refused = await johan.press(toRegistrar!, 'Spara diarienumret', { diaryNumber: 'KS' });
    expect(textOf(refused)).toContain('Skriv diarienumret som i diariet, till exempel KS 2026/123.');
    expect(await auditOf(reportId)).toHaveLength(1);

    const saved = await johan.press(toRegistrar!, 'Spara diarienumret', { diaryNumber: 'KS 2026/123' });
    expect(textOf(saved)).toContain('Sparat. Kritiken har diarienummer KS 2026/123.');
    expect(actionsOf(saved).map((a) => a.verb)).not.toContain('report.diary');
    const told = connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('har diarienummer KS 2026/123'));
    expect(told).toHaveLength(1);
    expect(await auditOf(reportId)).toEqual([expect.objectContaining({ type: 'ReportCriticismFiled' }), expect.objectContaining({ type: 'ReportCriticismRegistered', role: 'registrar', actorName: 'Johan Nilsson', comment: 'KS 2026/123' })]);
    // Pressed again (an old card): the number stays, nobody is told twice.
    expect(textOf(await johan.press(toRegistrar!, 'Spara diarienumret', { diaryNumber: 'KS 2026/999' }))).toContain('Kritiken har redan diarienummer KS 2026/123.');
    expect(connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('har diarienummer'))).toHaveLength(1);
  });

  it('R13: an ordinary comment in a chronological public forum needs no registration, and the card says so', async () => {
    const card = await form('Rapportera kritik');
    const text = `Bra sida! ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(card, 'Skicka', { accountId, receivedOn: '2026-11-22', link: 'https://facebook.com/post/2', text, nature: 'comment' });

    expect(textOf(receipt)).toContain('behöver inte diarieföras');
    expect(received('commschief', text)).toHaveLength(0);
  });

  it('R21: cyberbullying goes to the reporter\'s chief, with the guidance to report a crime', async () => {
    const card = await form('Rapportera mobbning');
    expect(textOf(card)).toContain('polisen');
    const what = `En elev hängs ut i en gruppchatt ${randomUUID().slice(0, 6)}`;

    const receipt = await elin.press(card, 'Skicka', { affected: 'pupil', where: 'Snapchat', what });

    expect(textOf(receipt)).toContain('Rapporten har gått till Karim Berg.');
    const forwarded = received('chief', what);
    expect(forwarded).toHaveLength(1);
    expect(textOf(forwarded[0]!)).toContain('En elev');
    expect(textOf(forwarded[0]!)).toContain('polisen');
    const stored = [];
    for await (const e of tables.client('reports').listEntities<{ json: string }>({ queryOptions: { filter: odata`PartitionKey eq ${'report'}` } })) {
      if (e.json.includes(what)) stored.push(JSON.parse(e.json));
    }
    expect(stored).toEqual([expect.objectContaining({ kind: 'bullying', reporter: { aadObjectId: users.employee.aadObjectId, name: 'Elin Ek' } })]);
  });

  it('R22: negative material goes to the chief or the communications chief, as the reporter chooses', async () => {
    const summary = `Artikel om väntetider ${randomUUID().slice(0, 6)}`;

    await elin.press(await form('Rapportera inlägg'), 'Skicka', { link: 'https://tidning.example/1', summary, to: 'commschief' });

    expect(received('commschief', summary)).toHaveLength(1);
    expect(received('chief', summary)).toHaveLength(0);
  });

  it.each([
    ['missing fields', {}],
    ['wrong types and markup', { affected: ['pupil'], where: 42, what: '<script>alert(1)</script>' }],
    ['10,000 characters', { affected: 'pupil', where: 'Snapchat', what: 'x'.repeat(10_000) }],
  ])('R21: a report with %s gets a clear error and sends nothing', async (_, inputs) => {
    const card = await form('Rapportera mobbning');
    expect(actionsOf(card).map((a) => a.title)).toContain('Skicka');
    const sentBefore = connector.calls.length;

    const answer = await elin.invoke('report.send', { ...inputs, kind: 'bullying' });

    expect(textOf(answer)).toContain('Något behöver rättas.');
    expect(connector.calls.length).toBe(sentBefore); // nothing forwarded
  });
});
