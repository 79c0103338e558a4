import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { ReportStore } from '../../bot/store/reports';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { pdfText } from '../support/pdfText';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf } from '../support/teamsClient';

/** R13: criticism waiting for the registrar's diary number is reminded after 2 working days. */
describe('reminding the registrar (R13)', () => {
  let world: TeamsWorld;
  let graph: GraphStandIn;
  const account = randomUUID();

  beforeAll(async () => {
    graph = await startGraph(asGraphUsers(directory));
    const settings = { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.colleague.aadObjectId, KANALKOLL_GRAPH_URL: graph.url, KANALKOLL_REGISTRY_MAILBOX: 'registrator@botkyrka.se' };
    world = await startTeams(['employee', 'communicator', 'colleague'], settings, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Simhallen' }), 'active');
    });
  });
  afterAll(async () => {
    await world.close();
    await graph.close();
  });

  const report = async (text: string): Promise<string> => {
    const elin = world.client('employee');
    await elin.press(await elin.press(await elin.say('rapportera'), 'Rapportera kritik'), 'Skicka', { accountId: account, receivedOn: new Date().toISOString().slice(0, 10), link: 'https://facebook.com/simhallen/1', text, nature: 'factual' });
    const card = world.connector.cardsTo('personal-colleague').filter((c) => textOf(c).includes(text)).at(-1)!;
    return String(actionsOf(card)[0]!.data.reportId);
  };
  const reminders = (text: string) => world.connector.cardsTo('personal-colleague').filter((c) => textOf(c).includes(text) && textOf(c).includes('Påminnelse'));

  it('R13: factual criticism also goes to the registry\'s mailbox by Graph sendMail, as a PDF with what the registrar\'s card says', async () => {
    await report('Omklädningsrummet är trasigt');
    const mail = graph.mail.filter((m) => m.message.subject === 'Saklig kritik att diarieföra').at(-1)!;
    expect(mail.from).toBe('registrator@botkyrka.se');
    expect(mail.message.toRecipients).toEqual([{ emailAddress: { address: 'registrator@botkyrka.se' } }]);
    expect(mail.message.body.content).toContain(`${users.employee.name} rapporterade saklig kritik i Kanalkoll`);
    const [attachment] = mail.message.attachments ?? [];
    expect(attachment).toMatchObject({ '@odata.type': '#microsoft.graph.fileAttachment', contentType: 'application/pdf' });
    const { text } = pdfText(Buffer.from(attachment!.contentBytes, 'base64'));
    for (const line of ['Saklig kritik att diarieföra', `Från ${users.employee.name}.`, 'Omklädningsrummet är trasigt', 'Konto: Simhallen (Facebook)']) expect(text).toContain(line);
    expect(text).not.toContain('Diarienummer');
  });

  it('R13: a report waiting 2 working days is sent to the registrar again, once; a new one and a numbered one are not', async () => {
    const old = await report('Simhallen stängde utan förvarning');
    const fresh = await report('Bassängen är för kall');
    const numbered = await report('Kassan tar bara kort');
    // A week has passed for the first and the third (the waiting row is what the timer reads).
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
    for (const id of [old, numbered]) await world.tables.client('reports').updateEntity({ partitionKey: 'awaiting_number', rowKey: id, filedAt: weekAgo }, 'Merge');
    const colleague = world.client('colleague');
    const numberedCard = world.connector.cardsTo('personal-colleague').filter((c) => textOf(c).includes('Kassan tar bara kort')).at(-1)!;
    await colleague.press(numberedCard, 'Spara diarienumret', { diaryNumber: 'KS 2026/5' });

    await world.timer('registrarReminders');

    expect(reminders('Simhallen stängde utan förvarning')).toHaveLength(1);
    expect(textOf(reminders('Simhallen stängde utan förvarning')[0]!)).toMatch(/Påminnelse: kritiken har väntat på diarienummer i \d arbetsdagar\./);
    expect(actionsOf(reminders('Simhallen stängde utan förvarning')[0]!).map((a) => a.verb)).toEqual(['report.diary']);
    expect(reminders('Bassängen är för kall')).toHaveLength(0);
    expect(reminders('Kassan tar bara kort')).toHaveLength(0);
    // The next hour: nothing again (the next reminder is 2 working days on).
    await world.timer('registrarReminders');
    expect(reminders('Simhallen stängde utan förvarning')).toHaveLength(1);
    const waiting = (await new ReportStore(world.tables).awaitingNumber()).map((w) => w.id);
    expect(waiting).toEqual(expect.arrayContaining([old, fresh]));
    expect(waiting).not.toContain(numbered);
  });
});
