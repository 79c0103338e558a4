import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { users } from '../../dev/roles';
import { administration, channel, commitments, purpose } from '../support/samplePlan';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/** "Förvaltningar": the communications chief keeps each department's communicator in Teams (R1, R2). */
describe('departments and their communicators, kept in Teams', () => {
  let world: TeamsWorld;
  let directory: DirectoryStore;
  let assignments: AssignmentStore;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let johan: TeamsClient;
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const latestCard = (conversationId: string, id: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'colleague'], {}, async (tables) => {
      // A department Entra ID named that nobody has given a communicator yet (as a sync notes it).
      await new DirectoryStore(tables).noteDepartments([{ id: 'samhallsbyggnad', name: 'Samhällsbyggnadsförvaltningen' }]);
    });
    directory = new DirectoryStore(world.tables);
    assignments = new AssignmentStore(world.tables);
    elin = world.client('employee');
    karim = world.client('chief');
    johan = world.client('commschief');
  });
  afterAll(() => world.close());

  it('R1: only the communications chief, as stored, sees the pickers and may save; a bad pick is refused under its field', async () => {
    const card = await johan.say('förvaltningar');
    expect(textOf(card)).toContain('Kultur- och fritidsförvaltningen');
    expect(textOf(card)).toContain('"title":"Sara Lind"');
    expect(textOf(card)).not.toContain('Elin Ek');
    expect(textOf(card)).toContain('De här förvaltningarna saknar kommunikatör, och deras ansökningar väntar: Samhällsbyggnadsförvaltningen.');

    const read = await karim.say('förvaltningar');
    expect(textOf(read)).toContain('Det är kommunikationschefen som väljer');
    expect(actionsOf(read)).toEqual([]);
    const forged = await karim.invoke('org.save', { commsChief: users.chief.aadObjectId, 'c_kultur-fritid': users.chief.aadObjectId });
    expect(textOf(forged)).toContain('Det är kommunikationschefen som väljer');
    const refused = await johan.press(card, 'Spara', { 'c_kultur-fritid': '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52', commsChief: '', 'm_kultur-fritid': 'kultur på botkyrka' });
    expect(textOf(refused)).toContain('Välj en person som finns i listan och arbetar här nu.');
    expect(textOf(refused)).toContain('Skriv en e-postadress');
    expect(textOf(refused)).toContain('Fyll i det här.');
    expect((await directory.department('kultur-fritid'))?.communicatorAadObjectId).toBe(users.communicator.aadObjectId);
    expect(await directory.communicationsChief()).toBe(users.commschief.aadObjectId);
    expect(await directory.organisationHistory()).toEqual([]);
  });

  it('R2: a plan from a department without a communicator waits, the communications chief hears it and names one, and the plan goes on to them', async () => {
    let card = await elin.say('ny ansökan');
    card = await elin.press(card, 'Fortsätt', { kind: 'account', departmentId: 'samhallsbyggnad' });
    for (const answers of [channel, purpose, administration, commitments]) card = await elin.press(card, 'Fortsätt', answers);
    const id = idOf(await elin.press(card, 'Skicka till din chef'));
    await karim.press(latestCard('personal-chief', id), 'Godkänn');
    expect((await assignments.get(id))!.value.status).toBe('awaiting_communicator');

    const told = world.connector.cardsTo('personal-commschief').at(-1)!;
    expect(textOf(told)).toContain('Elin Eks ansökan väntar på förvaltningens kommunikatör, men Samhällsbyggnadsförvaltningen har ingen.');
    const saved = await johan.press(told, 'Spara', { c_samhallsbyggnad: users.colleague.aadObjectId, m_samhallsbyggnad: 'samhallsbyggnad@botkyrka.se' });

    expect(textOf(saved)).toContain('Sparat. 2 ändringar.');
    expect((await directory.department('samhallsbyggnad'))?.mailbox).toBe('samhallsbyggnad@botkyrka.se');
    expect(textOf(latestCard('personal-colleague', id))).toContain('Din tur att bestämma.');
    expect(await directory.organisationHistory()).toMatchObject([
      { type: 'CommunicatorNamed', departmentId: 'samhallsbyggnad', by: { name: 'Johan Nilsson' }, person: { name: 'Nora Sjöberg' } },
      { type: 'MailboxChanged', departmentId: 'samhallsbyggnad', mailbox: 'samhallsbyggnad@botkyrka.se' },
    ]);
  });
});
