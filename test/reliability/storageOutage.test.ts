import { QueueClient } from '@azure/storage-queue';
import { DateTime } from 'luxon';
import { evolve, type Assignment, type Event, type PersonRef } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { users } from '../../dev/roles';
import { activityFrom, post } from '../support/activities';
import { expectedBetween, startDutyWorld, type DutyWorld } from '../support/duties';
import { accountPlan, eventsTo } from '../support/seed';

const owner = (i: number): PersonRef => ({ aadObjectId: `7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Ägare ${i}` });
const local = (iso: string) => DateTime.fromISO(iso, { zone });

function activeAccount(i: number, activatedAt: string): Assignment {
  const events: Event[] = eventsTo(`ute-${i}`, accountPlan({ platform: 'Instagram', accountName: `ute${i}` }), 'active', activatedAt).map((e) =>
    e.type === 'PlanStarted' ? { ...e, applicant: owner(i) } : e,
  );
  return events.reduce<Assignment | undefined>(evolve, undefined) as Assignment;
}

/** Polls until `condition` holds or `over()` does, however long that takes (no deadline: a slow machine only waits longer). */
async function until(condition: () => Promise<boolean>, over: () => boolean): Promise<void> {
  while (!over() && !(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
}

const tryAgain = 'Jag kommer inte åt mina uppgifter just nu. Försök igen strax.';

describe('reliability: storage stops in the middle of a duty sweep and comes back', () => {
  const accounts = 60;
  let world: DutyWorld;
  const states: Assignment[] = [];
  let queued: () => Promise<number>;

  beforeAll(async () => {
    // Azurite keeps its data on disk here, so a restart brings back what was written before.
    world = await startDutyWorld({}, { persist: true });
    const queue = new QueueClient(world.storage.connectionString, 'nudges');
    queued = async () => (await queue.getProperties()).approximateMessagesCount ?? 0;
    for (const p of [users.chief, users.communicator]) await world.install(p.aadObjectId, p.name);
    world.setClock('2026-10-01T10:00');
    for (let i = 0; i < accounts; i++) {
      await world.install(owner(i).aadObjectId, owner(i).name);
      states.push(await world.seed(activeAccount(i, local('2026-10-01T10:00').minus({ minutes: i }).toISO() ?? '')));
    }
  });
  afterAll(() => world.close());

  it('R15: 0 nudges lost, 0 duplicated; while storage is down users are asked to try again shortly', async () => {
    // The half-year turn: every account has its archive snapshot and its activity check due.
    const at = '2027-01-04T08:05';
    world.setClock(at);
    const t0 = Date.now();
    let sweepEnded = false;
    const failuresBefore = world.log.filter((line) => line.includes('[dutySweep] failed')).length;
    const sweep = world.triggers.fireTimers().finally(() => (sweepEnded = true));
    // The sweep has queued its first nudges (and is still at it).
    await until(async () => (await queued()) >= 20, () => sweepEnded);
    expect(sweepEnded).toBe(false);
    await world.storage.stop();

    // While storage is down: a message and a card button each get a short "try again shortly".
    const before = world.connector.sent().length;
    const message = await post(world.messagesUrl, activityFrom('employee', world.connector.serviceUrl, { type: 'message', text: 'mina konton', locale: 'sv-SE' }));
    expect(message.status).toBe(200);
    expect(world.connector.sent().slice(before).map((a) => a.text)).toEqual([tryAgain]);
    const press = await post(
      world.messagesUrl,
      activityFrom('employee', world.connector.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', locale: 'sv-SE', value: { action: { type: 'Action.Execute', verb: 'account.mine', data: {} } } }),
    );
    expect(await press.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: tryAgain });

    // The sweep's clients retry a few times, then the run fails, as it would on Azure.
    await sweep;
    expect(world.log.filter((line) => line.includes('[dutySweep] failed')).length - failuresBefore).toBe(1);
    const tDown = Date.now();
    await world.storage.start();
    // The next timer runs pick up what the broken one left, and the queue is drained.
    await world.tick(2);
    const tDone = Date.now();

    const expected = expectedBetween(states, '2026-09-01T00:00:00Z', local(at).toISO() ?? '');
    const sent = world.connector.sent().filter((a) => a.attachments);
    const records = (await Promise.all(states.map((s) => world.stores.ledger.recordsOf(s.id)))).flat();
    console.log(
      `storage outage mid-sweep: ${accounts} accounts, ${expected.length} nudges due, ${sent.length} cards sent, ${records.length} recorded; ` +
        `down for ${tDown - t0} ms, recovered in ${tDone - tDown} ms`,
    );

    expect(records.filter((r) => r.state !== 'sent')).toEqual([]);
    // Nothing lost, nothing twice: each expected (nudge, person) recorded once, on a card the connector took.
    expect(records.map((r) => `${r.key}|${r.aadObjectId}`).sort()).toEqual([...expected].sort());
    expect(sent).toHaveLength(new Set(records.map((r) => r.activityId)).size);
    // Far fewer cards than nudges: each owner's two nudges share a card; the chief's and the communicator's 60 escalations share six each, or a few more after the outage.
    expect(sent.length).toBeLessThan(expected.length / 2);
  });
});
