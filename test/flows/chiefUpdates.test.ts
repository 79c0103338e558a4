import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { moveClock } from '../../dev/clock';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card } from '../support/teamsClient';

/**
 * R16, "Du som är chef bör hålla dig uppdaterad på vad som skrivs om din verksamhet": once a month a
 * chief whose department had criticism or negative material reported about it hears how much, over
 * HTTP from the app's own timer function to a connector standing in for Teams.
 */
describe('a chief keeps up with what is written about their unit (R16)', () => {
  let world: TeamsWorld;
  const account = randomUUID();
  const saved = process.env.KANALKOLL_CLOCK_OFFSET_MS;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], {}, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Biblioteket i Tumba' }), 'active');
    });
  });
  afterAll(async () => {
    await world.close();
    if (saved === undefined) delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    else process.env.KANALKOLL_CLOCK_OFFSET_MS = saved;
  });

  /** The monthly notes in someone's chat. */
  const notes = (role: 'employee' | 'chief' | 'communicator' | 'commschief'): Card[] =>
    world.connector.cardsTo(`personal-${role}`).filter((card) => textOf(card).includes('Vad skrivs om din enhet') && textOf(card).includes('rapporterades'));
  const runAt = async (at: string, runs = 1) => {
    moveClock(at);
    await Promise.all(Array.from({ length: runs }, () => world.timer('chiefUpdates')));
  };

  it('R16: once a month a chief whose unit had criticism or negative material reported hears how much, with "Vad skrivs om min enhet?"; once only, and nothing when nothing was reported', async () => {
    // December 2026: criticism about Kultur och fritid, negative material found by Elin (of Kultur och
    // fritid), and bullying, which stays with the chief it went to and is not counted.
    moveClock('2026-12-10T10:00');
    const elin = world.client('employee');
    const tag = randomUUID().slice(0, 6);
    await elin.press(await elin.press(await elin.say('rapportera'), 'Rapportera kritik'), 'Skicka', {
      accountId: account, departmentId: 'kultur-fritid', receivedOn: '2026-12-09', link: 'https://facebook.com/post/7', text: `Varför stängde biblioteket tidigt? ${tag}`, nature: 'factual',
    });
    await elin.press(await elin.press(await elin.say('rapportera'), 'Rapportera inlägg'), 'Skicka', { link: 'https://example.org/artikel', summary: `En artikel om köer ${tag}`, to: 'chief' });
    await elin.press(await elin.press(await elin.say('rapportera'), 'Rapportera mobbning'), 'Skicka', { affected: 'pupil', where: 'Snapchat', what: `Hot mot en elev ${tag}` });

    // 1 January is a holiday and the 2nd and 3rd a weekend; Monday the 4th before eight is not office hours.
    await runAt('2027-01-01T10:00');
    await runAt('2027-01-04T07:30');
    expect(notes('chief')).toHaveLength(0);

    // Monday morning: two runs of the timer at once, one note.
    await runAt('2027-01-04T09:00', 2);
    const karims = notes('chief');
    expect(karims).toHaveLength(1);
    const note = textOf(karims[0]!);
    expect(note).toContain('I december 2026 rapporterades 2 saker om Kultur- och fritidsförvaltningen');
    expect(note).toContain('Du som är chef bör hålla dig uppdaterad på vad som skrivs om din verksamhet');
    expect(note).toContain('{"title":"Kritik","value":"1"}');
    expect(note).toContain('{"title":"Negativt om kommunen","value":"1"}');
    // Counts only: not what was written, nor who reported it.
    for (const secret of [tag, 'Elin']) expect(note).not.toContain(secret);
    expect(actionsOf(karims[0]).map((a) => [a.title, a.verb])).toEqual([['Vad skrivs om min enhet?', 'report.aboutUnit']]);
    // Johan is a chief too, of Kommunledning, about which nothing was reported; Sara and Elin are no chiefs.
    for (const role of ['commschief', 'communicator', 'employee'] as const) expect(notes(role)).toHaveLength(0);

    // Later in January the timer finds the month done.
    await runAt('2027-01-04T10:00');
    await runAt('2027-01-20T09:00');
    expect(notes('chief')).toHaveLength(1);

    // The button opens the overview of his department.
    const overview = await world.client('chief').press(karims[0]!, 'Vad skrivs om min enhet?');
    expect(textOf(overview)).toContain('Det här har rapporterats om Kultur- och fritidsförvaltningen');
    expect(textOf(overview)).toContain(`En artikel om köer ${tag}`);

    // Nothing was reported in January: no note in February.
    await runAt('2027-02-01T09:00');
    expect(notes('chief')).toHaveLength(1);
  });
});
