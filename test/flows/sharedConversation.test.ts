import { randomUUID } from 'node:crypto';
import { texts } from '../../bot/i18n';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { activityFrom, groupChat, inConversation, post, teamChannel } from '../support/activities';
import { accountPlan, seed } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf, type Card } from '../support/teamsClient';

const sv = texts('sv');
const cardOf = (activity: Record<string, unknown>) => (activity.attachments as { content: Card }[] | undefined)?.[0]?.content;
/** Every link in what activities show (a record's or a person's data is handed out as a 15-minute link). */
const linksOf = (activities: readonly Record<string, unknown>[]) =>
  activities.flatMap((a) => [...JSON.stringify([a.text, a.attachments]).matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0]));

/**
 * Issue 34: Kanalkoll is offered in teams and group chats (manifest: scopes). There it answers only
 * what is the same for everyone (the register as the public sees it, the policy help); anything about
 * the person who asks goes to their own chat with Kanalkoll, and a button about a person pressed there
 * is refused, whatever the card says.
 */
describe('personal cards stay personal: in a team\'s channel or a group chat, only the register and the policy help', () => {
  let world: TeamsWorld;
  const account = randomUUID();

  beforeAll(async () => {
    world = await startTeams(['employee', 'chief', 'commschief'], {}, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Facebook', accountName: 'Biblioteket i Tumba' }), 'active');
    });
  });
  afterAll(() => world.close());

  /** What the bot sent while `act` ran, besides its answer. */
  const sentDuring = async <T>(act: () => Promise<T>): Promise<{ result: T; sent: Record<string, unknown>[] }> => {
    const before = world.connector.sent().length;
    const result = await act();
    return { result, sent: world.connector.sent().slice(before) };
  };
  const conversationOf = (activity: Record<string, unknown>) => (activity.conversation as { id?: string } | undefined)?.id;

  it('"registret" in a team\'s channel answers with the register only: no "Hämta akten" or hold there, though the communications chief gets them in their own chat', async () => {
    const johan = world.client('commschief');
    const own = await johan.say('registret');
    expect(actionsOf(own).map((a) => a.verb)).toEqual(expect.arrayContaining(['record.get', 'record.hold']));

    const { result: reply, sent } = await sentDuring(() => johan.in(teamChannel).reply('registret'));
    const card = cardOf(reply)!;
    expect(textOf(card)).toContain('Biblioteket i Tumba');
    expect(actionsOf(card).map((a) => a.verb).filter((v) => v !== 'register.show')).toEqual([]);
    expect(textOf(card)).not.toContain(sv.records.fetch);
    expect(sent.map(conversationOf)).toEqual([teamChannel.id]);
  });

  it('"Hämta akten" and the hold pressed in a channel are refused, with a line to the one who pressed: no record, no link, nothing stored', async () => {
    const johan = world.client('commschief').in(teamChannel);
    const store = new AssignmentStore(world.tables);
    const { result, sent } = await sentDuring(async () => [await johan.answer('record.get', { assignmentId: account }), await johan.answer('record.hold', { assignmentId: account, hold: 'on' })]);
    expect(result).toEqual([
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: sv.personalChat.only },
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: sv.personalChat.only },
    ]);
    expect(sent).toEqual([]);
    expect((await store.holds()).has(account)).toBe(false);
  });

  it('"vad vet du om mig?" in a channel says there that the answer went to a personal chat; the person\'s data goes there only', async () => {
    const elin = world.client('employee');
    const { result: reply, sent } = await sentDuring(() => elin.in(teamChannel).reply('vad vet du om mig?'));
    expect(reply.text).toBe(sv.personalChat.sent);
    expect(reply.attachments).toBeUndefined();
    expect(linksOf([reply])).toEqual([]);
    const elsewhere = sent.filter((a) => conversationOf(a) !== teamChannel.id);
    expect(elsewhere.map(conversationOf)).toEqual(['personal-employee']);
    expect(textOf(cardOf(elsewhere[0]!)!)).toContain('Det här har Kanalkoll om dig');
  });

  it('"vad skrivs om min enhet?" in a channel gives nothing about the unit there; the overview goes to the chief\'s own chat', async () => {
    const karim = world.client('chief');
    const { result: reply, sent } = await sentDuring(() => karim.in(teamChannel).reply('Vad skrivs om min enhet?'));
    expect(reply.text).toBe(sv.personalChat.sent);
    expect(JSON.stringify(reply)).not.toContain('Kultur- och fritidsförvaltningen');
    const elsewhere = sent.filter((a) => conversationOf(a) !== teamChannel.id);
    expect(elsewhere.map(conversationOf)).toEqual(['personal-chief']);
    expect(textOf(cardOf(elsewhere[0]!)!)).toContain('Det här har rapporterats om Kultur- och fritidsförvaltningen');
  });

  it('in a group chat, someone Teams does not let the bot reach in a chat of their own is told where to ask, and gets nothing personal anywhere', async () => {
    // Nora has no chat with Kanalkoll, and Teams refuses to start one (the app is not installed for her).
    world.connector.refuse(/^\/v3\/conversations\/?$/, 403, 'POST');
    try {
      const { result: reply, sent } = await sentDuring(() => world.client('colleague').in(groupChat).reply('vad vet du om mig?'));
      expect(world.connector.refusals.map((r) => `${r.method} ${r.path}`)).toContain('POST /v3/conversations');
      expect(reply.text).toBe(sv.personalChat.only);
      expect(sent.map(conversationOf)).toEqual([groupChat.id]);
      expect(linksOf(sent)).toEqual([]);
    } finally {
      world.connector.allow();
    }
  });

  it('in English too', async () => {
    const reply = await world.client('employee', 'en-GB').in(groupChat).reply('what do you know about me');
    expect(reply.text).toBe(texts('en').personalChat.sent);
  });

  it('"hjälp" and a welcome on being added to a team offer only the register and the policy help, greeting nobody by name', async () => {
    const card = await world.client('employee').in(teamChannel).say('hjälp');
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['register.show', 'help.topics']);
    expect(textOf(card)).not.toContain('Elin');
    expect(textOf(card)).toContain(sv.welcome.shared.footer);

    const before = world.connector.sent().length;
    const added = await post(`${world.app.url}/api/messages`, activityFrom('chief', world.connector.serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: '28:kanalkoll' }], ...inConversation(teamChannel) }));
    expect(added.status).toBe(200);
    const welcome = world.connector.sent().slice(before).map(cardOf);
    expect(welcome.map((c) => actionsOf(c).map((a) => a.verb))).toEqual([['register.show', 'help.topics']]);
  });

  it('a policy answer in a channel leaves out a button to something personal, and keeps the one to the register', async () => {
    const elin = world.client('employee').in(teamChannel);
    const monitoring = await elin.say('som enhetschef, hur håller jag koll på vad folk skriver om oss på nätet?');
    expect(textOf(monitoring)).toContain('Ur policyn: ”Mediebevakning”');
    expect(actionsOf(monitoring).map((a) => a.verb)).not.toContain('report.aboutUnit');
    const register = await elin.invoke('help.topic', { topic: 'register' });
    expect(actionsOf(register).map((a) => a.verb)).toContain('register.show');
  });

  it('a personal button pressed in a channel (an old card\'s "Ny ansökan") is refused and starts nothing', async () => {
    const store = new AssignmentStore(world.tables);
    const drafts = (await store.listFor(users.employee.aadObjectId)).length;
    const answer = await world.client('employee').in(teamChannel).answer('plan.start', {});
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: sv.personalChat.only });
    expect((await store.listFor(users.employee.aadObjectId)).length).toBe(drafts);
  });
});
