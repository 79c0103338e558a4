import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import { zone } from '../../bot/domain/calendar';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf } from '../support/teamsClient';

/**
 * R13, R14: criticism that came to an account can be reported by whoever looks after it: its owner and
 * admins, the substitute while the owner is away, and the department's communicator.
 */
describe('who can report criticism to an account (R13)', () => {
  let world: TeamsWorld;
  const account = randomUUID();
  const today = () => DateTime.fromJSDate(systemClock()).setZone(zone);
  const isoDay = (d: DateTime) => d.toISODate() ?? '';

  beforeAll(async () => {
    world = await startTeams(['employee', 'communicator', 'colleague'], {}, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Konsthallen' }), 'active');
    });
  });
  afterAll(() => world.close());

  const report = async (role: 'communicator' | 'colleague', text: string) => {
    const client = world.client(role);
    const form = await client.press(await client.say('rapportera'), 'Rapportera kritik');
    return { form, receipt: JSON.stringify(form).includes('Konsthallen (Facebook)') ? await client.press(form, 'Skicka', { accountId: account, departmentId: 'kultur-fritid', receivedOn: isoDay(today()), link: 'https://facebook.com/post/9', text, nature: 'factual' }) : undefined };
  };

  it('R13: the department\'s communicator can report criticism that came to any of its accounts', async () => {
    const { receipt } = await report('communicator', 'Varför är konsthallen stängd på söndagar?');
    expect(receipt).toBeDefined();
    expect(textOf(receipt!)).toContain('Kanalkoll har ingen registrator inställd. Kritiken har gått till Sara Lind, som ser till att den diarieförs.');
  });

  it('R13, R14: the substitute can while the owner is away, and not before', async () => {
    const before = await report('colleague', 'Kritik före frånvaron');
    expect(textOf(before.form)).toContain('Du sköter inget konto.');
    expect(before.receipt).toBeUndefined();

    // Elin is away from today for a week, with Lina as her substitute.
    const elin = world.client('employee');
    const saved = await elin.press(await elin.say('jag är borta'), 'Spara', { from: isoDay(today()), to: isoDay(today().plus({ days: 7 })), substitute: users.colleague.aadObjectId });
    expect(textOf(saved)).toContain('Sparat: du är borta');

    const during = await report('colleague', 'Kritik under frånvaron');
    expect(during.receipt).toBeDefined();
    expect(textOf(during.receipt!)).toContain('Kanalkoll har ingen registrator inställd. Kritiken har gått till Sara Lind, som ser till att den diarieförs.');
  });
});
