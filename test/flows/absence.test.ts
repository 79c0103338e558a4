import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, inputsOf, textOf } from '../support/teamsClient';

const today = () => DateTime.now().setZone('Europe/Stockholm');
const isoDay = (d: DateTime) => d.toISODate() ?? '';

/** "Jag är borta" (R14): the substitute the plan names is suggested, and looks after the account while the owner is away. */
describe('"jag är borta" suggests the plan\'s substitute (R14)', () => {
  let world: TeamsWorld;
  const id = randomUUID();

  beforeAll(async () => {
    world = await startTeams(['employee', 'colleague']);
    // Elin's account names Nora (not one of its admins) as her substitute.
    const plan = accountPlan({ platform: 'Instagram', accountName: 'Ungdomsrådet' }) as Extract<ActivityPlan, { kind: 'account' }>;
    await seed({ assignments: new AssignmentStore(world.tables), register: new RegisterStore(world.tables) }, id, { ...plan, administration: { ...plan.administration, substitute: users.colleague.aadObjectId } }, 'active');
  });
  afterAll(() => world.close());

  it('R14: "jag är borta" suggests the substitute the plan names, who then looks after the account while the owner is away', async () => {
    const elin = world.client('employee');
    const nora = world.client('colleague');
    const form = await elin.say('jag är borta');
    // The picker holds the plan's substitute, as its one choice, and the card says why.
    expect(inputsOf(form).substitute).toBe(users.colleague.aadObjectId);
    expect(textOf(form)).toContain(`{"title":"${users.colleague.name}","value":"${users.colleague.aadObjectId}"}`);
    expect(textOf(form)).toContain(`${users.colleague.name} är ersättare i din aktivitetsplan och är förvald.`);

    // Not before the absence: Nora does not look after the account.
    expect(JSON.stringify(await nora.say('borttaget inlägg'))).not.toContain(id);

    const saved = await elin.press(form, 'Spara', { from: isoDay(today()), to: isoDay(today().plus({ days: 7 })) });
    expect(textOf(saved)).toContain(`${users.colleague.name} får veta det när frånvaron börjar.`);
    // During it she does: the account is among those she can record a removed post on.
    const removal = await nora.say('borttaget inlägg');
    expect(JSON.stringify(removal)).toContain(id);
    expect(actionsOf(removal).map((a) => a.verb)).toContain('removal.save');
  });
});
