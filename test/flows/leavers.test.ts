import { DateTime } from 'luxon';
import { systemClock } from '../../bot/clock';
import { isWorkingDay, zone } from '../../bot/domain/calendar';
import { NudgeLedger } from '../../bot/store/nudges';
import { moveClock } from '../../dev/clock';
import { users } from '../../dev/roles';
import { sendPlan } from '../support/samplePlan';
import { startDirectoryWorld, type DirectoryWorld } from '../support/directoryWorld';
import { textOf } from '../support/teamsClient';

/**
 * What a leaver's going means (issue 33, point 3), through the function app's own directory timer
 * against the Graph stand-in, over HTTP: the plan's substitute is taken off and the owner told; a
 * plan that waits is withdrawn and the chief told; an owner who left gets no more nudges, their
 * chief does; and nothing is sent to a leaver.
 */
describe('leavers: what their going changes', () => {
  let d: DirectoryWorld;

  beforeAll(async () => {
    d = await startDirectoryWorld({ KANALKOLL_LOCALE: 'sv' });
  });
  afterAll(async () => {
    delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    await d.close();
  });


  it('R14: a plan\'s substitute who leaves is taken off the account, and the owner is told', async () => {
    const id = await d.activeAccount();

    d.graph.upsert({ ...d.graphUser('admin'), accountEnabled: false });
    await d.sync();

    const state = await d.stateOf(id);
    expect(state.plan?.kind === 'account' && state.plan.administration.substitute).toBe('');
    expect((await d.audit.history(id)).map((e) => e.type)).toContain('SubstituteLeft');
    const told = d.world.connector.cardsTo('personal-employee').at(-1)!;
    expect(textOf(told)).toContain('Aida Haddad har slutat och är inte längre ersättare för Fritidsgårdarna i Botkyrka');
    // "Jag är borta" suggests no substitute who left.
    expect(textOf(await d.elin.say('jag är borta'))).not.toContain(users.admin.aadObjectId);

    d.graph.upsert(d.graphUser('admin'));
    await d.sync();
  });

  it('R1: an applicant who leaves while the plan waits: it is withdrawn, the chief is told, and nothing goes to the applicant', async () => {
    const id = d.idOf(await sendPlan(d.nora, 'monitoring'));
    const karimCard = d.latestCard('personal-chief', id);
    const toNora = d.world.connector.cardsTo('personal-colleague').length;

    d.graph.upsert({ ...d.graphUser('colleague'), accountEnabled: false });
    await d.sync();

    expect((await d.stateOf(id)).status).toBe('draft');
    expect((await d.audit.history(id)).at(-1)).toMatchObject({ type: 'ApplicantLeft', role: 'directory', subject: 'Nora Sjöberg' });
    expect(textOf(d.world.connector.cardsTo('personal-chief').at(-1)!)).toContain('Nora Sjöberg har slutat. Ansökan är tillbakadragen och väntar inte längre på beslut.');
    const revision = (await d.stateOf(id)).revision;
    expect(textOf(await d.karim.press(karimCard, 'Godkänn'))).not.toContain('Godkänd');
    expect((await d.stateOf(id)).revision).toBe(revision);
    expect(d.world.connector.cardsTo('personal-colleague').length).toBe(toNora);
  });

  it('R15, R11: an owner who left gets no more nudges; their chief gets them until a new owner is named', async () => {
    const id = await d.activeAccount();
    d.graph.upsert({ ...d.graphUser('employee'), accountEnabled: false });
    await d.sync();
    const left = await d.stateOf(id);
    expect(left.status === 'active' && left.dutyLog?.ownerLeftAt).toBeTruthy();
    const toElin = d.world.connector.cardsTo('personal-employee').length;

    // Half a year on, on a working morning: the archive snapshot and the activity check are due.
    let day = DateTime.fromJSDate(systemClock()).setZone(zone).plus({ days: 200 }).set({ hour: 9, minute: 5 });
    while (!isWorkingDay(day)) day = day.plus({ days: 1 });
    moveClock(day.toISO() ?? '');
    try {
      await d.world.timer('dutySweep');
      await d.world.drain();
    } finally {
      delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    }

    const records = await new NudgeLedger(d.world.tables).recordsOf(id);
    expect(records.filter((r) => r.aadObjectId === users.employee.aadObjectId)).toEqual([]);
    const toKarim = records.filter((r) => r.aadObjectId === users.chief.aadObjectId).map((r) => r.key.split('|')[1]);
    expect(toKarim).toEqual(expect.arrayContaining(['archive', 'activity']));
    expect(d.world.connector.cardsTo('personal-employee').length).toBe(toElin);
  });
});
