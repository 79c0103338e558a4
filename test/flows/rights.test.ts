import { DirectoryStore } from '../../bot/store/directory';
import type { GraphUser } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { administration, channel, commitments, purpose } from '../support/samplePlan';
import { startDirectoryWorld, type DirectoryWorld } from '../support/directoryWorld';
import { textOf, type TeamsClient } from '../support/teamsClient';

/**
 * Who may do what is read from storage and the directory as synced now (Entra ID through the Graph
 * stand-in), never from a card or from who was chief when a plan was sent; and a refusal tells
 * someone with no part in an assignment nothing about it. Here Kommunledningsförvaltningen has a
 * communicator of its own (Aida), so a department chosen shows in whom a plan reaches.
 */
describe('rights follow the directory, and a refusal names nothing', () => {
  let d: DirectoryWorld;
  const cardsAbout = (role: string, id: string) => d.world.connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(id));
  /** What the sample plan names: its account, its admins and substitute, the communicators. */
  const planNames = ['Fritidsgårdarna', 'Aida Haddad', 'Sara Lind', 'Elin Ek'];

  beforeAll(async () => {
    d = await startDirectoryWorld({}, (tables) =>
      new DirectoryStore(tables).load({ ...directory, departments: directory.departments.map((dep) => (dep.id === 'kommunledning' ? { ...dep, communicatorAadObjectId: users.admin.aadObjectId } : dep)) }),
    );
  });
  afterAll(() => d.close());

  /** `who` sends an account plan (or monitoring only) naming `departmentId` as its department. */
  async function sendFor(who: TeamsClient, departmentId: string, kind: 'account' | 'monitoring' = 'account'): Promise<string> {
    let card = await who.say('ny ansökan');
    card = await who.press(card, 'Fortsätt', { kind, departmentId });
    // R10: the department's communicator never counts toward the two admins: in Aida's department, Nora is the second.
    const admins = departmentId === 'kultur-fritid' ? administration : { ...administration, admin2: users.colleague.aadObjectId, substitute: users.colleague.aadObjectId };
    const steps: Record<string, string>[] = kind === 'account' ? [channel, purpose, admins, commitments] : [{ purpose: 'Följa vad som skrivs om kommunen.' }, { knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true', followsLegalTerms: 'true' }];
    for (const answers of steps) card = await who.press(card, 'Fortsätt', answers);
    return d.idOf(await who.press(card, 'Skicka till din chef'));
  }


  /** `role` has `manager` in Entra ID (or none), as the next directory sync sees it; `during` runs, and the directory is put back. */
  async function withManager(role: keyof typeof users, manager: keyof typeof users | null, during: () => Promise<void>, change: Partial<GraphUser> = {}): Promise<void> {
    d.graph.upsert({ ...d.graphUser(role), manager: manager ? { id: users[manager].aadObjectId } : null, ...change });
    await d.sync();
    try {
      await during();
    } finally {
      d.graph.upsert(d.graphUser(role));
      await d.sync();
    }
  }

  it('R1: a plan naming another department than the directory\'s reaches that department\'s communicator only once the chief has approved it', async () => {
    const id = await sendFor(d.elin, 'kommunledning');

    // The department in the directory is recorded with the plan as sent (R4), from the directory, not the card.
    expect((await d.stateOf(id)).plan?.who).toMatchObject({ departmentId: 'kommunledning', directoryDepartmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId });
    const karimCard = cardsAbout('chief', id).at(-1)!;
    expect(textOf(karimCard)).toContain('Elin Ek hör till Kultur- och fritidsförvaltningen i katalogen men har valt Kommunledningsförvaltningen. Först när närmaste chef har godkänt går ansökan till förvaltningens kommunikatör där.');
    // Before the chief has approved, the other department's communicator has nothing and sees nothing of it.
    expect(cardsAbout('admin', id)).toEqual([]);
    const early = await d.aida.invoke('approval.refresh', { assignmentId: id });
    expect(textOf(early)).toContain('Det här är inte din ansökan.');
    expect(textOf(early)).not.toContain('Fritidsgårdarna');

    await d.karim.press(karimCard, 'Godkänn');

    const aidaCard = cardsAbout('admin', id).at(-1)!;
    expect(textOf(aidaCard)).toContain('Din tur att bestämma.');
    expect(textOf(aidaCard)).toContain('Närmaste chef har godkänt Kommunledningsförvaltningen, fast den som sökt hör till Kultur- och fritidsförvaltningen i katalogen.');
    expect(cardsAbout('communicator', id)).toEqual([]);
    await d.aida.press(aidaCard, 'Godkänn');
    expect((await d.stateOf(id)).status).toBe('awaiting_comms_chief');
  });

  it('R1: with no manager, a plan naming another department goes to the communicator of the applicant\'s own department, who names who decides', async () => {
    await withManager('colleague', null, async () => {
      const id = await sendFor(d.nora, 'kommunledning', 'monitoring');

      const toSara = cardsAbout('communicator', id).at(-1)!;
      expect(textOf(toSara)).toContain('Den som sökt har ingen chef i katalogen.');
      expect(cardsAbout('admin', id)).toEqual([]);
      const before = await d.assignments.get(id);
      const byAida = await d.aida.invoke('approval.assign', { assignmentId: id, version: 1, person: users.admin.aadObjectId });
      expect(textOf(byAida)).toContain('Det här är inte din ansökan.');
      expect(textOf(byAida)).not.toContain('Följa vad som skrivs');
      expect(await d.assignments.get(id)).toEqual(before);

      await d.sara.press(toSara, 'Låt den personen besluta', { person: users.chief.aadObjectId });
      await d.karim.press(cardsAbout('chief', id).at(-1)!, 'Godkänn');
      expect((await d.stateOf(id)).status).toBe('active');
    });
  });

  it('R10: a nudge\'s button pressed by someone other than the owner, on a plan still waiting, names nothing of it: no account, admin or communicator', async () => {
    const id = await sendFor(d.elin, 'kultur-fritid');
    const before = await d.assignments.get(id);

    const card = await d.nora.invoke('duty.snooze', { assignmentId: id, duty: 'admins', period: '2026-11-02', level: '0', due: '2026-11-02', at: '2026-11-02T07:00:00.000Z', section: '0' });

    expect(textOf(card)).toContain('Det här kan bara den som ansvarar för kontot göra.');
    for (const name of planNames) expect([name, textOf(card).includes(name)]).toEqual([name, false]);
    expect(await d.assignments.get(id)).toEqual(before);
  });

  it('R1: a decision pressed by someone with no part in the plan names nothing of it, and changes nothing', async () => {
    const id = await sendFor(d.elin, 'kultur-fritid');
    const before = await d.assignments.get(id);

    for (const verb of ['approval.approve', 'approval.requestChanges', 'approval.reject']) {
      const card = await d.nora.invoke(verb, { assignmentId: id, version: 1, step: 'chief', comment: 'Nej.' });
      expect(textOf(card)).toContain('Det är inte du som beslutar');
      for (const name of planNames) expect([verb, name, textOf(card).includes(name)]).toEqual([verb, name, false]);
    }
    // Not even whether it still waits: a forged older version is answered the same.
    expect(textOf(await d.nora.invoke('approval.approve', { assignmentId: id, version: 7 }))).toContain('Det är inte du som beslutar');
    expect(await d.assignments.get(id)).toEqual(before);
  });

  it('R11: the owner\'s manager in the directory now may close the account; the chief recorded when the plan was sent may not', async () => {
    const id = await d.activeAccount();
    await withManager('employee', 'colleague', async () => {
      const before = await d.assignments.get(id);
      const checklist = { assignmentId: id, finalReference: 'KA 2027/3', closedOnPlatform: 'true', followersPointedToWebsite: 'true' };

      expect(textOf(await d.karim.invoke('account.close', { assignmentId: id }))).toContain('Det här får bara den som ansvarar för kontot, hens chef eller förvaltningens kommunikatör göra');
      expect(textOf(await d.karim.invoke('account.closeConfirm', checklist))).toContain('Det här får bara den som ansvarar för kontot, hens chef');
      expect(await d.assignments.get(id)).toEqual(before);

      expect(textOf(await d.nora.invoke('account.close', { assignmentId: id }))).toContain('Stäng Fritidsgårdarna i Botkyrka');
      await d.nora.invoke('account.closeConfirm', checklist);
      expect((await d.stateOf(id)).status).toBe('closed');
      // The audit says in which role: the chief, as the directory had it then (Karim stays in the plan as sent).
      expect((await d.audit.history(id)).at(-1)).toMatchObject({ type: 'AccountClosed', role: 'chief', actorName: 'Nora Sjöberg' });
      expect((await d.stateOf(id)).plan?.who.chiefAadObjectId).toBe(users.chief.aadObjectId);
    });
  });

  it('R4: the owner\'s manager in the directory now may fetch the account\'s record; the chief recorded when the plan was sent may not', async () => {
    const id = await d.activeAccount();
    await withManager('employee', 'colleague', async () => {
      const refused = await d.karim.invoke('record.get', { assignmentId: id });
      expect(textOf(refused)).toContain('Bara kommunikationschefen, registratorn, kontots chef och förvaltningens kommunikatör kan hämta akten.');
      expect(JSON.stringify(refused)).not.toContain('Action.OpenUrl');

      expect(JSON.stringify(await d.nora.invoke('record.get', { assignmentId: id }))).toContain('Action.OpenUrl');
    });
  });

  it('R1: once the owner left, the owner\'s manager in the directory now names the new owner; the chief recorded when the plan was sent may not', async () => {
    const id = await d.activeAccount();
    await withManager('employee', 'colleague', async () => {
      // Elin leaves, with Nora as her manager in the directory.
      d.graph.upsert({ ...d.graphUser('employee'), manager: { id: users.colleague.aadObjectId }, accountEnabled: false });
      await d.sync();
      const left = await d.assignments.get(id);
      expect(left!.value.status === 'active' && left!.value.dutyLog?.ownerLeftAt).toBeTruthy();

      const byKarim = await d.karim.invoke('approval.appoint', { assignmentId: id, person: users.admin.aadObjectId });
      expect(textOf(byKarim)).toContain('Det här är inte din ansökan.');
      expect(textOf(byKarim)).not.toContain('Fritidsgårdarna');
      expect(await d.assignments.get(id)).toEqual(left);

      const card = await d.nora.invoke('approval.refresh', { assignmentId: id });
      expect(textOf(card)).toContain('Elin Ek har slutat. Välj vem som tar över');
      expect(textOf(await d.nora.press(card, 'Gör till ny ansvarig', { person: users.admin.aadObjectId }))).toContain('Aida Haddad ansvarar nu för kontot.');
      expect((await d.stateOf(id)).applicant.aadObjectId).toBe(users.admin.aadObjectId);
    });
  });
});
