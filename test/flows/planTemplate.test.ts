import { users } from '../../dev/roles';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf } from '../support/teamsClient';
import { channel, purpose } from '../support/samplePlan';

/** R6: the purpose step links the municipality's template for communication planning, when the setting names one; goals are measurable. */
describe('planning the communication (R6)', () => {
  let world: TeamsWorld;
  beforeAll(async () => {
    world = await startTeams([], { KANALKOLL_PLANNING_TEMPLATE_URL: 'https://intranat.botkyrka.se/kommunikationsplanering' });
  });
  afterAll(() => world.close());

  const openLinks = (node: unknown): { title: string; url: string }[] => {
    if (Array.isArray(node)) return node.flatMap(openLinks);
    if (typeof node !== 'object' || node === null) return [];
    const here = node as { type?: unknown; title?: unknown; url?: unknown };
    return [...(here.type === 'Action.OpenUrl' ? [{ title: String(here.title), url: String(here.url) }] : []), ...Object.values(node).flatMap(openLinks)];
  };

  it('R6: the purpose step of an account plan opens the template; the other steps do not', async () => {
    const elin = world.client('employee');
    const who = await elin.say('ny ansökan');
    const step2 = await elin.press(who, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId });
    expect(openLinks(step2)).toEqual([]);
    const step3 = await elin.press(step2, 'Fortsätt', channel);
    expect(textOf(step3)).toContain('Steg 3 av 5');
    expect(openLinks(step3)).toEqual([{ title: 'Mall för kommunikationsplanering', url: 'https://intranat.botkyrka.se/kommunikationsplanering' }]);
  });

  it('R6: a goal that is not measurable is named where it stands, the others kept as typed', async () => {
    const elin = world.client('employee');
    const who = await elin.say('ny ansökan');
    const step2 = await elin.press(who, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId });
    const step3 = await elin.press(step2, 'Fortsätt', channel);

    // The second input is left empty: the goal that is not measurable is the third (the card closes the gap).
    const refused = await elin.press(step3, 'Fortsätt', { ...purpose, goal2: '', goal3: 'Bli mer kända bland unga' });

    const body = JSON.stringify(refused);
    const slots = [1, 2, 3].map((n) => body.slice(body.indexOf(`"id":"goal${n}"`), n < 3 ? body.indexOf(`"id":"goal${n + 1}"`) : body.indexOf('"id":"complement"')));
    const vague = slots.findIndex((slot) => slot.includes('"value":"Bli mer kända bland unga"'));
    expect(vague).toBeGreaterThan(0);
    expect(slots[vague]).toContain('Skriv hur målet mäts');
    expect(slots.filter((slot) => slot.includes('Skriv hur målet mäts'))).toHaveLength(1);
    expect(slots[0]).toContain('"value":"200 följare inom ett halvår"');
    expect(body).toContain('Steg 3 av 5');
  });
});
