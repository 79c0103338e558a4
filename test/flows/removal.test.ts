import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../bot/clock';
import { zone } from '../../bot/domain/calendar';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf } from '../support/teamsClient';

/** R14: a removed post is recorded on the account (what, which ground, when): it was a public record too. */
describe('recording removed posts (R14)', () => {
  let world: TeamsWorld;
  const account = randomUUID();
  const day = (days = 0) => DateTime.fromJSDate(systemClock()).setZone(zone).plus({ days }).toISODate() ?? '';

  beforeAll(async () => {
    world = await startTeams(['employee', 'admin', 'colleague'], {}, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Instagram', accountName: 'Ungdomens hus' }), 'active');
    });
  });
  afterAll(() => world.close());

  it('R14: the owner records a removal from the account card: the day, the policy\'s ground and what it said go to the account\'s audit', async () => {
    const elin = world.client('employee');
    const mine = await elin.say('mina konton');
    const form = await elin.press(mine, 'Registrera borttaget inlägg');
    expect(textOf(form)).toContain('Det du tar bort är en allmän handling.');
    expect(textOf(form)).toContain('lagen (1998:112) om ansvar för elektroniska anslagstavlor');
    for (const ground of ['Personangrepp', 'Obscena ord', 'Hets mot folkgrupp', 'Intrång i upphovsrätt', 'Våldsskildring', 'Pornografi', 'Kommersiell reklam']) expect(textOf(form)).toContain(ground);

    const saved = await elin.press(form, 'Spara', { removedOn: day(-1), ground: 'hateSpeech', what: 'En kommentar med hets mot en folkgrupp under inlägget om Eid.' });
    expect(textOf(saved)).toContain('Sparat. Det borttagna inlägget finns nu i historiken för Ungdomens hus (Instagram).');
    const last = (await new AuditRecords(world.tables).history(account)).at(-1);
    expect(last).toMatchObject({ type: 'RemovalRecorded', role: 'owner', actorName: users.employee.name, removedOn: day(-1), ground: 'hateSpeech', comment: 'En kommentar med hets mot en folkgrupp under inlägget om Eid.' });
    // The account's history says so in words.
    const history = await elin.invoke('approval.refresh', { assignmentId: account });
    expect(textOf(history)).toContain(`tog bort ett inlägg ${day(-1)} (Hets mot folkgrupp)`);
  });

  it('R14: an admin may too; a missing ground, a day in the future or one too long ago is refused and nothing is stored', async () => {
    const aida = world.client('admin');
    const form = await aida.say('borttaget inlägg');
    const before = (await new AuditRecords(world.tables).history(account)).length;
    const noGround = await aida.press(form, 'Spara', { assignmentId: account, removedOn: day(), ground: '', what: 'Reklam för ett spel' });
    expect(textOf(noGround)).toContain('Välj något i listan.');
    const future = await aida.press(form, 'Spara', { assignmentId: account, removedOn: day(2), ground: 'advertising', what: 'Reklam för ett spel' });
    expect(textOf(future)).toContain('Välj i dag eller en dag de senaste 30 dagarna.');
    const longAgo = await aida.press(form, 'Spara', { assignmentId: account, removedOn: day(-31), ground: 'advertising', what: 'Reklam för ett spel' });
    expect(textOf(longAgo)).toContain('Välj i dag eller en dag de senaste 30 dagarna.');
    // What was typed is kept.
    expect(textOf(future)).toContain('Reklam för ett spel');
    expect((await new AuditRecords(world.tables).history(account)).length).toBe(before);
    const saved = await aida.press(form, 'Spara', { assignmentId: account, removedOn: day(), ground: 'advertising', what: 'Reklam för ett spel' });
    expect(textOf(saved)).toContain('Sparat.');
    expect((await new AuditRecords(world.tables).history(account)).at(-1)).toMatchObject({ role: 'admin', ground: 'advertising' });
  });

  it('R14: a field left empty, which a client may leave out of what it sends (the Agents Playground does), is asked for under it, not refused as unreadable', async () => {
    const aida = world.client('admin');
    const form = await aida.say('borttaget inlägg');
    const before = (await new AuditRecords(world.tables).history(account)).length;
    const data = { ...actionsOf(form).find((a) => a.title === 'Spara')!.data, assignmentId: account, removedOn: day(), ground: 'obscene' };
    const refused = await aida.invoke('removal.save', data);
    expect(textOf(refused)).toContain('Något behöver rättas.');
    expect(textOf(refused)).not.toContain('gick inte att läsa');
    expect((await new AuditRecords(world.tables).history(account)).length).toBe(before);
  });

  it('R4, R14: the same form sent twice (a double press) records once', async () => {
    const elin = world.client('employee');
    const form = await elin.say('borttaget inlägg');
    const before = (await new AuditRecords(world.tables).history(account)).length;
    const inputs = { assignmentId: account, removedOn: day(), ground: 'obscene', what: 'Svordomar i en kommentar' };
    const [first, second] = [await elin.press(form, 'Spara', inputs), await elin.press(form, 'Spara', inputs)];
    expect(textOf(first)).toContain('Sparat.');
    expect(textOf(second)).toContain('Det här är redan sparat.');
    expect((await new AuditRecords(world.tables).history(account)).length).toBe(before + 1);
  });

  it('R14: someone who does not look after the account cannot record on it, whatever the card says', async () => {
    const lina = world.client('colleague');
    const form = await lina.say('borttaget inlägg');
    expect(textOf(form)).toContain('Du sköter inget konto just nu.');
    expect(actionsOf(form)).toEqual([]);
    const before = (await new AuditRecords(world.tables).history(account)).length;
    const forged = await lina.invoke('removal.save', { assignmentId: account, removedOn: day(), ground: 'obscene', what: 'Svordomar' });
    expect(textOf(forged)).toContain('Du sköter inget konto just nu.');
    expect((await new AuditRecords(world.tables).history(account)).length).toBe(before);
  });
});
