import { users } from '../../dev/roles';
import { startDirectoryWorld, type DirectoryWorld } from '../support/directoryWorld';
import { sendPlan } from '../support/samplePlan';
import { textOf } from '../support/teamsClient';

/**
 * Leavers and movers (Entra ID through the Graph stand-in): the directory timer of the real function
 * app, over HTTP against its own Azurite, and what each change does to the assignments.
 */
describe('leavers and movers from the directory sync', () => {
  let d: DirectoryWorld;
  beforeAll(async () => {
    d = await startDirectoryWorld();
  });
  afterAll(() => d.close());


  it('R1: a waiting approval whose applicant has a new manager moves to them, and the applicant is told', async () => {
    const id = d.idOf(await sendPlan(d.nora, 'monitoring'));
    const karimCard = d.latestCard('personal-chief', id);

    d.graph.upsert({ ...d.graphUser('colleague'), manager: { id: users.commschief.aadObjectId } });
    await d.sync();

    expect(textOf(d.latestCard('personal-commschief', id))).toContain('Din tur att bestämma.');
    expect(textOf(d.world.connector.cardsTo('personal-colleague').at(-1)!)).toContain('Din ansökan har flyttats till Johan Nilsson');
    expect(textOf(await d.karim.press(karimCard, 'Godkänn'))).toContain('Det är inte du som beslutar');
    const moved = (await d.audit.history(id)).find((e) => e.type === 'ApprovalMoved');
    expect(moved).toMatchObject({ role: 'directory', actorName: 'Kanalkoll', subject: 'Johan Nilsson' });
    // Running again changes nothing more.
    const revision = (await d.stateOf(id)).revision;
    await d.sync();
    expect((await d.stateOf(id)).revision).toBe(revision);
    await d.johan.press(d.latestCard('personal-commschief', id), 'Godkänn');
    expect((await d.stateOf(id)).status).toBe('active');
  });

  it('R10: an admin who leaves is removed from the account\'s admins, which starts admin coverage', async () => {
    const id = await d.activeAccount();

    d.graph.upsert({ ...d.graphUser('admin'), accountEnabled: false });
    await d.sync();

    const state = await d.stateOf(id);
    expect(state.plan?.kind === 'account' && state.plan.administration.admins).toEqual([users.employee.aadObjectId]);
    expect(state.status === 'active' && state.dutyLog?.adminsChangedAt).toBeTruthy();
    // Aida was the plan's substitute too: she is taken off as both, in one change.
    expect((await d.audit.history(id)).slice(-2)).toMatchObject([
      { type: 'AdminLeft', role: 'directory', subject: 'Aida Haddad' },
      { type: 'SubstituteLeft', role: 'directory', subject: 'Aida Haddad' },
    ]);
    const list = await d.elin.say('mina konton');
    expect(textOf(list)).toContain('"Kan sköta kontot","value":"Elin Ek, Sara Lind"');
  });

  it('an owner who leaves: the register shows the department\'s mailbox, the chief names a new owner from the card', async () => {
    // Aida, who left above, is back (a returning employee is enabled again).
    d.graph.upsert(d.graphUser('admin'));
    await d.sync();
    const id = await d.activeAccount();
    const register = async () => (await (await fetch(`${d.world.app.url}/api/register.json`)).json()) as { accounts: { responsible: string; accountUrl: string }[] };
    expect(JSON.stringify(await register())).toContain('Elin Ek');

    d.graph.upsert({ ...d.graphUser('employee'), accountEnabled: false });
    await d.sync();

    const state = await d.stateOf(id);
    expect(state.status === 'active' && state.dutyLog?.ownerLeftAt).toBeTruthy();
    // Elin was an admin too: both are recorded, in one change.
    expect((await d.audit.history(id)).slice(-2)).toMatchObject([
      { type: 'OwnerLeft', role: 'directory', subject: 'Elin Ek' },
      { type: 'AdminLeft', role: 'directory', subject: 'Elin Ek' },
    ]);
    expect(JSON.stringify(await register())).not.toContain('Elin Ek');
    expect(JSON.stringify(await register())).toContain('kultur.fritid@botkyrka.example');

    const card = await d.karim.invoke('approval.refresh', { assignmentId: id });
    expect(textOf(card)).toContain('Elin Ek har slutat. Välj vem som tar över');
    // A colleague may not name the owner; a leaver may not become one.
    expect(textOf(await d.nora.invoke('approval.appoint', { assignmentId: id, person: users.colleague.aadObjectId }))).toContain('Det här är inte din ansökan.');
    expect(textOf(await d.karim.press(card, 'Gör till ny ansvarig', { person: users.employee.aadObjectId }))).toContain('Välj en person som finns i listan');
    expect((await d.stateOf(id)).revision).toBe(state.revision);

    const done = await d.karim.press(card, 'Gör till ny ansvarig', { person: users.colleague.aadObjectId });

    expect(textOf(done)).toContain('Nora Sjöberg ansvarar nu för kontot.');
    const after = await d.stateOf(id);
    expect(after.applicant.aadObjectId).toBe(users.colleague.aadObjectId);
    expect(after.status === 'active' && after.dutyLog?.ownerLeftAt).toBeFalsy();
    expect(JSON.stringify(await register())).toContain('Nora Sjöberg');
    expect(textOf(await d.nora.say('mina konton'))).toContain('Fritidsgårdarna i Botkyrka');
  });
});
