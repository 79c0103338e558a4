import { Outbox } from '../../bot/store/outbox';
import { sendPlan } from '../support/samplePlan';
import { startDutyWorld, type DutyWorld } from '../support/duties';
import { actionsOf, textOf, TeamsClient, type Card } from '../support/teamsClient';

/**
 * Effects that Teams could not carry out at once stay in the outbox and are finished by the effects
 * queue function, on a storage and a trigger runner of their own (the dev host's), as in Azure.
 */
describe('effects left for later, finished from the outbox', () => {
  let world: DutyWorld;
  let outbox: Outbox;
  // Each turn returns once the queue function has run what the turn left on the effects queue.
  const client = (role: 'employee' | 'chief' | 'communicator') => new TeamsClient(world.messagesUrl, world.connector, role, undefined, () => world.triggers.drain());

  beforeAll(async () => {
    world = await startDutyWorld();
    outbox = new Outbox(world.stores.tables);
    for (const role of ['employee', 'chief', 'communicator'] as const) await client(role).say('hej');
  });
  afterAll(() => world.close());

  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  const copyTo = (conversation: string, id: string) => world.connector.calls.find((c) => c.method === 'POST' && c.path.includes(`/${conversation}/`) && JSON.stringify(c.body).includes(id));

  it('R4: a card Teams could not update yet is updated once Teams answers again, and the next approver got theirs at once', async () => {
    const id = idOf(await sendPlan(client('employee'), 'account'));
    const chiefCard = world.connector.cardsTo('personal-chief').filter((c) => textOf(c).includes(id)).at(-1)!;
    const elinsCopy = copyTo('personal-employee', id);
    expect(elinsCopy).toBeDefined();

    // Teams refuses every update of a sent message (PUT …/activities/<id>) for a while.
    world.connector.refuse(/\/activities\//, 503, 'PUT');
    const answer = await client('chief').press(chiefCard, 'Godkänn');
    expect(textOf(answer)).toContain('Du har godkänt.');
    // The next approver's card is not an update: it went out in the same queue run.
    expect(world.connector.cardsTo('personal-communicator').some((c) => textOf(c).includes(id))).toBe(true);
    const waiting = await outbox.pending(id);
    expect(waiting.map((row) => (row.effect as { kind: string }).kind)).toContain('refreshCopies');
    const updatesBefore = world.connector.calls.filter((c) => c.method === 'PUT').length;

    world.connector.allow();
    // The queue message that failed comes back after its visibility timeout, as the host retries it.
    for (let tries = 0; tries < 100 && (await outbox.pending(id)).length > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await world.triggers.drain();
    }

    expect(await outbox.pending(id)).toEqual([]);
    expect(await outbox.markers(id)).toEqual([]);
    const updates = world.connector.calls.slice().filter((c) => c.method === 'PUT' && c.path.includes('/personal-employee/'));
    expect(updates.length).toBeGreaterThan(0);
    expect(JSON.stringify(updates.at(-1)!.body)).toContain('Väntar på Sara Lind');
    // Each copy brought up to date once, however often the queue ran.
    await world.triggers.drain();
    expect(world.connector.calls.filter((c) => c.method === 'PUT').length - updatesBefore).toBe(2);
  });
});
