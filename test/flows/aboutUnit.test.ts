import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf } from '../support/teamsClient';

/** R16: a chief follows what is written about their unit: "vad skrivs om min enhet?" lists what was reported about their department. */
describe('what is written about my unit (R16)', () => {
  let world: TeamsWorld;
  const account = randomUUID();

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief'], {}, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Biblioteket i Tumba' }), 'active');
    });
  });
  afterAll(() => world.close());

  it('R16: the chief and the communicator see the criticism and negative material reported about their department, not who reported it, nor bullying', async () => {
    const elin = world.client('employee');
    const tag = randomUUID().slice(0, 6);
    const criticism = await elin.press(await elin.say('rapportera'), 'Rapportera kritik');
    await elin.press(criticism, 'Skicka', { accountId: account, departmentId: 'kultur-fritid', receivedOn: '2026-11-22', link: 'https://facebook.com/post/7', text: `Varför stängde biblioteket tidigt? ${tag}`, nature: 'factual' });
    const negative = await elin.press(await elin.say('rapportera'), 'Rapportera inlägg');
    await elin.press(negative, 'Skicka', { link: 'https://example.org/artikel', summary: `En artikel om köer till simhallen ${tag}`, to: 'chief' });
    const bullying = await elin.press(await elin.say('rapportera'), 'Rapportera mobbning');
    await elin.press(bullying, 'Skicka', { affected: 'pupil', where: 'Snapchat', what: `Hot mot en elev ${tag}` });

    for (const role of ['chief', 'communicator'] as const) {
      const card = textOf(await world.client(role).say('Vad skrivs om min enhet?'));
      expect(card).toContain('Det här har rapporterats om Kultur- och fritidsförvaltningen');
      expect(card).toContain(`Varför stängde biblioteket tidigt? ${tag}`);
      // R13: no registrar is set here, so no number is waited for.
      expect(card).toMatch(/Kritik, .*, till Biblioteket i Tumba \(Facebook\) \(inget diarienummer i Kanalkoll\)/);
      expect(card).toContain(`En artikel om köer till simhallen ${tag}`);
      expect(card).not.toContain(`Hot mot en elev ${tag}`);
      expect(card).not.toContain('Elin');
    }
    // The newest first: the negative report was filed after the criticism.
    const karims = textOf(await world.client('chief').say('vad skrivs om min enhet'));
    expect(karims.indexOf(`köer till simhallen ${tag}`)).toBeLessThan(karims.indexOf(`stängde biblioteket tidigt? ${tag}`));
  });

  it('R16: the communications chief chooses among every department; a department a card names that the asker may not see is not shown', async () => {
    const johan = world.client('commschief');
    const card = await johan.say('vad skrivs om min enhet?');
    expect(JSON.stringify(card)).toContain('"id":"departmentId"');
    const other = await johan.press(card, 'Visa', { departmentId: 'kommunledning' });
    expect(textOf(other)).toContain('Det här har rapporterats om Kommunledningsförvaltningen');
    // Karim is the chief of his own department only: a forged choice shows his own.
    const karim = await world.client('chief').invoke('report.aboutUnit', { departmentId: 'kommunledning' });
    expect(textOf(karim)).toContain('Det här har rapporterats om Kultur- och fritidsförvaltningen');
    expect(JSON.stringify(karim)).not.toContain('"id":"departmentId"');
  });

  it('R16: someone who is not a chief, the communicator or the communications chief is told who can see it, and how to report', async () => {
    const card = await world.client('employee').say('vad skrivs om min enhet?');
    expect(textOf(card)).toContain('Det här kan chefer, förvaltningens kommunikatör och kommunikationschefen se.');
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['report.menu']);
  });

  it('R16: the policy help on following one\'s unit ends with the button to the overview', async () => {
    const answer = await world.client('chief').say('som enhetschef, hur håller jag koll på vad folk skriver om oss på nätet?');
    expect(textOf(answer)).toContain('Ur policyn: ”Mediebevakning”');
    expect(textOf(await world.client('chief').press(answer, 'Vad skrivs om min enhet?'))).toContain('Det här har rapporterats om Kultur- och fritidsförvaltningen');
  });
});
