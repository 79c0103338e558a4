import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { accountPlan, monitoringPlan, seed } from '../support/seed';
import type { TestConnector } from '../support/connector';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

let stores: { assignments: AssignmentStore; register: RegisterStore };
let audit: AuditRecords;
const ticked = { finalReference: 'KA 2027/12', closedOnPlatform: 'true', followersPointedToWebsite: 'true' };

describe('an active account in Teams: mina konton, administration and closing (R10, R11, R14)', () => {
  let world: TeamsWorld;
  let connector: TestConnector;
  let elin: TeamsClient;
  let karim: TeamsClient;
  let nora: TeamsClient;
  let aida: TeamsClient;

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'admin']);
    stores = { assignments: new AssignmentStore(world.tables), register: new RegisterStore(world.tables) };
    audit = new AuditRecords(world.tables);
    connector = world.connector;
    elin = world.client('employee');
    karim = world.client('chief');
    nora = world.client('colleague');
    aida = world.client('admin');
  });
  afterAll(() => world.close());

  /** An active account of Elin's with a name no other test uses. */
  async function activeAccount(): Promise<{ id: string; name: string }> {
    const id = randomUUID();
    const name = `Konto ${id.slice(0, 8)}`;
    await seed(stores, id, accountPlan({ platform: 'Instagram', accountName: name }), 'active');
    return { id, name };
  }
  const inRegister = async (id: string) => (await stores.register.all()).some((r) => r.id === id && !r.closedAt);
  const closedInRegister = async (id: string) => (await stores.register.all()).some((r) => r.id === id && r.closedAt);
  const buttonFor = (card: Card, verb: string, id: string) => actionsOf(card).find((a) => a.verb === verb && a.data.assignmentId === id)!;

  it('the welcome card offers what applies to the person: their accounts and "jag är borta" to an owner, "förvaltningar" to the communications chief', async () => {
    await activeAccount();
    const titles = async (client: TeamsClient) => actionsOf(await client.say('hej')).map((action) => action.title);

    expect(await titles(elin)).toEqual(expect.arrayContaining(['Ny ansökan', 'Mina ansökningar', 'Mina konton', 'Jag är borta', 'Registret', 'Policyhjälp', 'Rapportera']));
    expect(await titles(elin)).not.toContain('Förvaltningar');
    expect(await titles(nora)).not.toContain('Mina konton');
    expect(await titles(world.client('commschief'))).toContain('Förvaltningar');
  });

  it('R5, R10: "mina konton" shows each account with who runs it and the owner\'s duties', async () => {
    const { name } = await activeAccount();

    const card = await elin.say('mina konton');

    expect(textOf(card)).toContain(`${name} (Instagram)`);
    expect(textOf(card)).toContain('Elin Ek, Aida Haddad, Sara Lind');
    expect(textOf(card)).toContain('Skriv en utvärdering minst en gång om året och när en tidsbegränsad aktivitet är slut.');
  });

  it('R11, R3: the owner closes an account with the checklist; the register shows it closed and the decision is audited', async () => {
    const { id, name } = await activeAccount();
    expect(await inRegister(id)).toBe(true);
    const list = await elin.say('mina konton');
    const checklist = await elin.invoke('account.close', buttonFor(list, 'account.close', id).data);
    expect(textOf(checklist)).toContain('kommunarkivet');

    // R15: not without the last snapshot of the start page: none was uploaded, and no reference is given.
    const noSnapshot = await elin.press(checklist, 'Stäng kontot', { closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(noSnapshot)).toContain('Kontot kan inte stängas utan en sista bild av startsidan.');
    const refused = await elin.press(checklist, 'Stäng kontot', { finalReference: 'KA 2027/12' });
    expect(textOf(refused)).toContain('Bocka i båda punkterna');
    // What was typed is kept.
    expect(JSON.stringify(refused)).toContain('"value":"KA 2027/12"');
    expect((await stores.assignments.get(id))!.value.status).toBe('active');

    const done = await elin.press(checklist, 'Stäng kontot', ticked);

    expect(textOf(done)).toContain(`${name} (Instagram) är stängt. Registret visar det som stängt.`);
    expect((await stores.assignments.get(id))!.value).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(await inRegister(id)).toBe(false);
    expect(await closedInRegister(id)).toBe(true);
    expect((await audit.history(id)).map((e) => [e.type, e.role])).toEqual([['AccountClosed', 'owner']]);
  });

  it('R11: the chief may close the account from the approval card', async () => {
    const { id } = await activeAccount();
    const card = await karim.invoke('plan.history', { assignmentId: id });
    const close = actionsOf(card).find((a) => a.verb === 'account.close')!;

    const checklist = await karim.invoke(close.verb, close.data);
    await karim.press(checklist, 'Stäng kontot', ticked);

    expect((await stores.assignments.get(id))!.value.status).toBe('closed');
    expect((await audit.history(id)).at(-1)).toMatchObject({ type: 'AccountClosed', role: 'chief', actorName: 'Karim Berg' });
  });

  it('R11: a colleague may not close someone else\'s account, even with a forged card', async () => {
    const { id } = await activeAccount();
    const before = await stores.assignments.get(id);

    const card = await nora.invoke('account.closeConfirm', { assignmentId: id, ...ticked });

    expect(textOf(card)).toContain('Det här får bara den som ansvarar för kontot, hens chef eller förvaltningens kommunikatör göra');
    expect(await stores.assignments.get(id)).toEqual(before);
    expect(await inRegister(id)).toBe(true);
  });

  it('R10, R14: the owner changes admins and substitute; too few admins or a password are refused', async () => {
    const { id } = await activeAccount();
    const list = await elin.say('mina konton');
    const form = await elin.invoke('account.admins', buttonFor(list, 'account.admins', id).data);
    const before = await stores.assignments.get(id);

    const tooFew = await elin.press(form, 'Spara', { admin2: '' });
    const password = await elin.press(form, 'Spara', { loginStorage: 'lösenord: Hemligt123!' });
    const twice = await elin.press(form, 'Spara', { admin2: users.employee.aadObjectId });
    const stranger = await elin.press(form, 'Spara', { substitute: '5b2e9c47-0000-4f68-8e2b-7c9d0a1f3e52' });
    expect(textOf(tooFew)).toContain('Kommunikatören läggs till automatiskt och räknas inte. Välj två andra.');
    expect(textOf(twice)).toContain('Välj olika personer.');
    expect(textOf(stranger)).toContain('Välj en person som finns i listan');
    expect(textOf(password)).toContain('inte själva lösenordet');
    expect(textOf(password)).not.toContain('Hemligt123');
    expect(await stores.assignments.get(id)).toEqual(before);

    const nora = users.colleague.aadObjectId;
    const saved = await elin.press(form, 'Spara', { admin2: nora, substitute: nora });

    expect(textOf(saved)).toContain('Ändringen är sparad.');
    expect(textOf(saved)).toContain('Elin Ek, Nora Sjöberg, Sara Lind');
    expect((await stores.assignments.get(id))!.value.plan).toMatchObject({ administration: { admins: [users.employee.aadObjectId, nora], substitute: nora } });
    expect((await audit.history(id)).map((e) => e.type)).toEqual(['AdministrationChanged']);
    expect(await inRegister(id)).toBe(true);
  });

  it('R10: only the owner changes the administration', async () => {
    const { id } = await activeAccount();
    const before = await stores.assignments.get(id);

    const card = await karim.invoke('account.adminsSave', { assignmentId: id, admin1: users.chief.aadObjectId, admin2: users.admin.aadObjectId, loginStorage: 'Skåpet', substitute: users.admin.aadObjectId });

    expect(textOf(card)).toContain('Det här får bara');
    expect(await stores.assignments.get(id)).toEqual(before);
  });

  /** The owner proposes Aida as the new owner; the card the chief got about it. */
  async function proposeAida(id: string): Promise<Card> {
    const list = await elin.say('mina konton');
    const form = await elin.invoke('account.owner', buttonFor(list, 'account.owner', id).data);
    const sent = await elin.press(form, 'Skicka till din chef', { newOwner: users.admin.aadObjectId });
    expect(textOf(sent)).toContain('Förslaget har gått till Karim Berg.');
    return connector.cardsTo('personal-chief').filter((c) => textOf(c).includes(id)).at(-1)!;
  }

  it('R1, R4: a new owner needs the chief: once approved, the account is theirs, in the register and in "mina konton"', async () => {
    const { id, name } = await activeAccount();
    const card = await proposeAida(id);
    expect(textOf(card)).toContain('Din tur: ska Aida Haddad ta över kontot?');
    expect((await stores.assignments.get(id))!.value.applicant.name).toBe('Elin Ek');

    const decided = await karim.press(card, 'Godkänn');

    expect(textOf(decided)).toContain('Du har godkänt. Aida Haddad ansvarar nu för kontot.');
    expect((await stores.assignments.get(id))!.value).toMatchObject({ status: 'active', applicant: { name: 'Aida Haddad' } });
    expect((await stores.register.all()).find((r) => r.id === id)?.ownerAadObjectId).toBe(users.admin.aadObjectId);
    expect(textOf(await aida.say('mina konton'))).toContain(name);
    expect(textOf(await elin.say('mina konton'))).not.toContain(name);
    expect((await audit.history(id)).map((e) => [e.type, e.role])).toEqual([
      ['OwnerChangeProposed', 'owner'],
      ['OwnerChangeApproved', 'chief'],
    ]);
    expect(JSON.stringify(connector.cardsTo('personal-admin'))).toContain(`Du ansvarar nu för ${name}.`);
  });

  it('R1: the chief can say no to a new owner, with a comment; the account keeps its owner', async () => {
    const { id } = await activeAccount();
    const card = await proposeAida(id);

    const noComment = await karim.press(card, 'Säg nej');
    const decided = await karim.press(card, 'Säg nej', { comment: 'Aida har inte tid i höst.' });

    expect(textOf(noComment)).toContain('Skriv en kommentar');
    expect(textOf(decided)).toContain('Samma person är fortfarande ansvarig för kontot.');
    const stored = (await stores.assignments.get(id))!.value;
    expect(stored).toMatchObject({ status: 'active', applicant: { name: 'Elin Ek' } });
    expect('pendingOwner' in stored && stored.pendingOwner).toBeFalsy();
  });

  it('R1: only the owner proposes a new owner', async () => {
    const { id } = await activeAccount();
    const before = await stores.assignments.get(id);

    const card = await nora.invoke('account.ownerSave', { assignmentId: id, newOwner: users.colleague.aadObjectId });

    expect(textOf(card)).toContain('Det här får bara');
    expect(await stores.assignments.get(id)).toEqual(before);
  });

  it('R2: a monitoring assignment is ended by its holder or their chief from its card, without an account\'s checklist; nobody else may', async () => {
    const byHolder = randomUUID();
    const byChief = randomUUID();
    for (const id of [byHolder, byChief]) await seed(stores, id, monitoringPlan, 'active');

    const card = await elin.invoke('approval.refresh', { assignmentId: byHolder });
    const end = actionsOf(card).find((a) => a.title === 'Avsluta bevakningen')!;
    const confirm = await elin.invoke(end.verb, end.data);
    expect(textOf(confirm)).toContain('Uppdraget att bevaka sociala medier avslutas.');
    expect(JSON.stringify(confirm)).not.toContain('finalReference');
    const ended = await elin.press(confirm, 'Avsluta bevakningen');
    expect(textOf(ended)).toContain('Bevakningen är avslutad.');
    expect((await stores.assignments.get(byHolder))!.value.status).toBe('closed');

    const refused = await nora.invoke('account.closeConfirm', { assignmentId: byChief });
    expect(textOf(refused)).toContain('Det här får bara den som ansvarar för kontot');
    // Not the department communicator either: a monitoring assignment is the holder's and their chief's.
    const sara = world.client('communicator');
    expect(textOf(await sara.invoke('account.closeConfirm', { assignmentId: byChief }))).toContain('Det här får bara den som ansvarar för kontot');
    expect((await stores.assignments.get(byChief))!.value.status).toBe('active');
    await karim.invoke('account.closeConfirm', { assignmentId: byChief });
    expect((await stores.assignments.get(byChief))!.value.status).toBe('closed');
    expect((await audit.history(byChief)).at(-1)).toMatchObject({ type: 'AccountClosed', actorName: 'Karim Berg' });
  });
});
