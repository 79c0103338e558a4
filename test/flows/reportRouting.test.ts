import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import { digestWeek } from '../../bot/domain/digest';
import { ReportStore } from '../../bot/store/reports';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { RegisterStore } from '../../bot/store/register';
import { directory, users } from '../../dev/roles';
import { accountPlan, eventsTo, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { inputsOf, textOf, type TeamsClient } from '../support/teamsClient';

/**
 * R13: criticism goes to "rätt instans": the registrar, and the communicator of the department it is
 * about, as the reporter says (by default the department of the account it came to). On storage of
 * its own: here Kommunledningsförvaltningen has a communicator of its own (Aida).
 */
describe('criticism to the right department (R13)', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;
  const mine = randomUUID();
  const someoneElses = randomUUID();

  beforeAll(async () => {
    world = await startTeams(['employee', 'communicator', 'commschief', 'admin'], { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.commschief.aadObjectId }, async (tables) => {
      const stores = { assignments: new AssignmentStore(tables), register: new RegisterStore(tables) };
      await seed(stores, mine, accountPlan({ platform: 'Facebook', accountName: 'Biblioteket i Tumba' }), 'active');
      // Karim's account, which Elin does not run.
      const base = accountPlan({ platform: 'Instagram', accountName: 'Någon annans konto' });
      const other = base.kind === 'account' ? { ...base, administration: { ...base.administration, admins: [users.chief.aadObjectId, users.admin.aadObjectId] } } : base;
      const karim = { aadObjectId: users.chief.aadObjectId, name: users.chief.name };
      const events = eventsTo(someoneElses, other, 'active').map((e) => (e.type === 'PlanStarted' ? { ...e, applicant: karim } : e));
      await stores.assignments.create(events.reduce<Assignment | undefined>(evolve, undefined) as Assignment);
    });
    // After the app's start, which loads the local directory: here Kommunledningsförvaltningen has Aida as communicator.
    await new DirectoryStore(world.tables).load({ ...directory, departments: directory.departments.map((d) => (d.id === 'kommunledning' ? { ...d, communicatorAadObjectId: users.admin.aadObjectId } : d)) });
    elin = world.client('employee');
  });
  afterAll(() => world.close());

  it('R13: the form offers the reporter\'s own accounts and every department, the account\'s department first chosen; the report goes where the reporter says', async () => {
    const form = await elin.press(await elin.say('rapportera'), 'Rapportera kritik');
    const card = JSON.stringify(form);
    expect(card).toContain('Biblioteket i Tumba (Facebook)');
    expect(inputsOf(form).departmentId).toBe('kultur-fritid');
    expect(card).toContain('Kommunledningsförvaltningen');

    const text = `Kommunstyrelsen svarar aldrig ${randomUUID().slice(0, 6)}`;
    const receipt = await elin.press(form, 'Skicka', { accountId: mine, departmentId: 'kommunledning', receivedOn: '2026-11-22', link: 'https://facebook.com/post/2', text, nature: 'factual' });
    expect(textOf(receipt)).toContain('Kritiken har gått till registratorn och Aida Haddad.');
    const to = (role: string) => world.connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(text));
    expect(to('admin')).toHaveLength(1);
    expect(textOf(to('admin')[0]!)).toContain('Kommunledningsförvaltningen');
    expect(to('commschief')).toHaveLength(1);
    expect(to('communicator')).toHaveLength(0);
    // R16: counted in this week's digest figures under the department it concerns, and nothing more.
    const week = await new ReportStore(world.tables).ofWeek(digestWeek(DateTime.fromJSDate(systemClock())));
    expect(week).toEqual([{ kind: 'criticism', departmentId: 'kommunledning' }]);
  });

  it('R13: an account the reporter does not run, or a department that does not exist, is refused and nothing is sent', async () => {
    const form = await elin.press(await elin.say('rapportera'), 'Rapportera kritik');
    const before = world.connector.sent().length;
    const notMine = await elin.press(form, 'Skicka', { accountId: someoneElses, departmentId: 'kultur-fritid', receivedOn: '2026-11-22', link: 'https://x.com/1', text: 'Kritik', nature: 'factual' });
    const noSuch = await elin.press(form, 'Skicka', { accountId: mine, departmentId: 'finns-inte', receivedOn: '2026-11-22', link: 'https://x.com/1', text: 'Kritik', nature: 'factual' });
    for (const card of [notMine, noSuch]) expect(textOf(card)).toContain('Något behöver rättas');
    expect(world.connector.sent()).toHaveLength(before);
  });
});
