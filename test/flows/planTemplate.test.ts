import { users } from '../../dev/roles';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf } from '../support/teamsClient';
import { channel } from '../support/samplePlan';

/** R6: the purpose step links the municipality's template for communication planning, when the setting names one. */
describe('the communication-planning template (R6)', () => {
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
});
