import type { Department, Person } from '../../bot/domain/directory';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { DirectoryStore } from '../../bot/store/directory';
import { directory, users } from '../../dev/roles';
import { groupChat } from '../support/activities';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

/**
 * R1, "din närmaste chef": when the applicant has no manager (or the manager is away), the department
 * communicator names someone to decide in the chief's place, and only a chief will do: someone with
 * people reporting to them in the directory, in the applicant's department or in the communications
 * chief's (the central administration). Here Nora has no manager; Karim leads a team in Kultur och
 * fritid; Maja, the municipal director, leads one in Kommunledning, the communications chief's
 * department; Ulf leads one in Utbildning; Aida and Nora lead nobody.
 */
const person = (aadObjectId: string, name: string, departmentId: string, chiefAadObjectId?: string): Person => ({
  aadObjectId, name, email: '', title: '', departmentId, ...(chiefAadObjectId ? { chiefAadObjectId } : {}),
});
const maja = person('9a000000-0000-4000-8000-000000000001', 'Maja Ström', 'kommunledning');
const ulf = person('9a000000-0000-4000-8000-000000000003', 'Ulf Rektorsson', 'utbildning');
const others: Person[] = [
  maja,
  person('9a000000-0000-4000-8000-000000000002', 'Olle Utredare', 'kommunledning', maja.aadObjectId),
  ulf,
  person('9a000000-0000-4000-8000-000000000004', 'Lisa Lärare', 'utbildning', ulf.aadObjectId),
];
const utbildning: Department = { id: 'utbildning', name: 'Utbildningsförvaltningen', communicatorAadObjectId: '' };
const noraWithoutManager = { ...directory.people.find((p) => p.aadObjectId === users.colleague.aadObjectId)!, chiefAadObjectId: undefined };

describe('who decides in the chief\'s place is a chief (R1)', () => {
  let world: TeamsWorld;
  let assignments: AssignmentStore;
  let audit: AuditRecords;
  let karim: TeamsClient;
  let sara: TeamsClient;
  let nora: TeamsClient;
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const cardsAbout = (role: string, id: string) => world.connector.cardsTo(`personal-${role}`).filter((c) => textOf(c).includes(id));
  const name = 'Låt den personen besluta';

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'admin', 'colleague'], {}, (tables) =>
      new DirectoryStore(tables).load({ departments: [utbildning], people: [noraWithoutManager, ...others], communicationsChiefAadObjectId: users.commschief.aadObjectId }),
    );
    assignments = new AssignmentStore(world.tables);
    audit = new AuditRecords(world.tables);
    [karim, sara, nora] = (['chief', 'communicator', 'colleague'] as const).map((role) => world.client(role)) as [TeamsClient, TeamsClient, TeamsClient];
  });
  afterAll(() => world.close());

  /** Nora (no manager) asks to monitor for Kultur och fritid; the card Sara, its communicator, gets. */
  async function sent(): Promise<{ id: string; toSara: Card }> {
    let card = await nora.say('ny ansökan');
    card = await nora.press(card, 'Fortsätt', { kind: 'monitoring', departmentId: 'kultur-fritid' });
    card = await nora.press(card, 'Fortsätt', { purpose: 'Följa vad som skrivs om biblioteken.' });
    card = await nora.press(card, 'Fortsätt', { knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true', followsLegalTerms: 'true' });
    const id = idOf(await nora.press(card, 'Skicka till din chef'));
    const toSara = cardsAbout('communicator', id).at(-1)!;
    expect(textOf(toSara)).toContain('Den som sökt har ingen chef i katalogen.');
    return { id, toSara };
  }

  /** The text shown right under the card's input `id`, if it is shown as a problem. */
  function errorUnder(card: unknown, id: string): string | undefined {
    if (typeof card !== 'object' || card === null) return undefined;
    const items = (card as { items?: unknown }).items;
    if (Array.isArray(items)) {
      const at = items.findIndex((i: { id?: unknown }) => i?.id === id);
      const next = items[at + 1] as { type?: string; text?: string; color?: string } | undefined;
      if (at >= 0) return next?.type === 'TextBlock' && next.color === 'Attention' ? next.text : undefined;
    }
    for (const value of Object.values(card)) {
      const found = errorUnder(value, id);
      if (found) return found;
    }
    return undefined;
  }

  /** The dataset the card's people picker asks Teams to search. */
  const datasetOf = (card: Card) => /"choices\.data":\{"type":"Data\.Query","dataset":"([^"]*)"/.exec(textOf(card))?.[1];

  it('R1: someone who is nobody\'s chief is refused, with the reason under the person field, and nothing is stored', async () => {
    const { id, toSara } = await sent();
    const before = { state: await assignments.get(id), history: await audit.history(id) };

    const aida = await sara.press(toSara, name, { person: users.admin.aadObjectId });
    const herself = await sara.press(toSara, name, { person: users.communicator.aadObjectId });

    expect(errorUnder(aida, 'person')).toBe('Den du valde är inte chef för någon i katalogen. Välj närmaste chef för den som sökt.');
    expect(errorUnder(herself, 'person')).toBe('Du och kommunikationschefen beslutar i senare steg. Välj någon annan.');
    expect(await assignments.get(id)).toEqual(before.state);
    expect(await audit.history(id)).toEqual(before.history);
    expect(cardsAbout('admin', id)).toEqual([]);
  });

  it('R1: a chief of another department, not above the applicant\'s, is refused under the person field, and nothing is stored', async () => {
    const { id, toSara } = await sent();
    const before = await assignments.get(id);

    const card = await sara.press(toSara, name, { person: ulf.aadObjectId });

    expect(errorUnder(card, 'person')).toBe('Den du valde är chef på en annan förvaltning. Välj en chef på samma förvaltning som den som sökt, eller på kommunikationschefens förvaltning.');
    expect(await assignments.get(id)).toEqual(before);
    expect(await sara.search(datasetOf(toSara)!, 'ulf')).toEqual([]);
  });

  it('R1: the picker offers the chiefs of the applicant\'s department and the communications chief\'s; one named is accepted and gets the card', async () => {
    const { id, toSara } = await sent();
    const dataset = datasetOf(toSara)!;
    expect(dataset).not.toBe('graph.microsoft.com/users');

    // Neither Sara herself nor Johan, who decide later; nobody who leads nobody; nobody of another department.
    expect(await sara.search(dataset, '')).toEqual([
      { title: 'Karim Berg', value: users.chief.aadObjectId },
      { title: 'Maja Ström', value: maja.aadObjectId },
    ]);
    expect(await sara.search(dataset, 'be')).toEqual([{ title: 'Karim Berg', value: users.chief.aadObjectId }]);

    const named = await sara.press(toSara, name, { person: users.chief.aadObjectId });

    expect(textOf(named)).toContain('Karim Berg beslutar nu om ansökan.');
    const karimCard = cardsAbout('chief', id).at(-1)!;
    expect(textOf(karimCard)).toContain('Din tur att bestämma.');
    expect(textOf(world.connector.cardsTo('personal-colleague').at(-1)!)).toContain('Din ansökan har flyttats till Karim Berg');
    await karim.press(karimCard, 'Godkänn');
    expect((await assignments.get(id))!.value.status).toBe('active');
    expect((await audit.history(id)).map((e) => [e.type, e.role, e.subject])).toEqual([
      ['PlanStarted', 'applicant', undefined],
      ['PlanSubmitted', 'applicant', undefined],
      ['ApproverAssigned', 'communicator', 'Karim Berg'],
      ['PlanApproved', 'chief', undefined],
    ]);
  });

  it('R1: a chief in the communications chief\'s department stands above every department and may be named', async () => {
    const { id, toSara } = await sent();
    expect(await sara.search(datasetOf(toSara)!, 'maj')).toEqual([{ title: 'Maja Ström', value: maja.aadObjectId }]);

    const named = await sara.press(toSara, name, { person: maja.aadObjectId });

    expect(textOf(named)).toContain('Maja Ström beslutar nu om ansökan.');
    const state = (await assignments.get(id))!.value;
    expect('assignedApprover' in state && state.assignedApprover).toEqual({ aadObjectId: maja.aadObjectId, name: 'Maja Ström' });
  });

  it('R1: a search that is not the chiefs picker\'s, is broken, or is not from the person\'s own chat, offers nobody', async () => {
    const dataset = 'kanalkoll.chiefs/kultur-fritid';
    for (const value of [undefined, 'x', 5, [], { dataset: 5 }, { dataset, queryText: 'K'.repeat(100_000) }, { dataset, queryText: { $ne: '' } }, { dataset: '${$root}' }]) {
      expect([value, await sara.searchWith(value)]).toEqual([value, []]);
    }
    expect(await sara.search('graph.microsoft.com/users', 'ka')).toEqual([]);
    expect(await sara.search('kanalkoll.chiefs', '')).toEqual([]);
    expect(await sara.search('x'.repeat(301), '')).toEqual([]);
    expect(await sara.in(groupChat).search(dataset, '')).toEqual([]);
    // The same search from Sara's own chat offers the chiefs.
    expect((await sara.search(dataset, 'k')).map((c) => c.title)).toEqual(['Karim Berg']);
  });
});
