import { InvocationContext } from '@azure/functions';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { triggerOf, type FunctionServer, type Registration } from '../../dev/functionHost';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, tenantId, users } from '../../dev/roles';
import { startTriggers, type Triggers } from '../../dev/triggers';
import { ConversationReferences } from '../../bot/store/conversations';
import { connectTables, type Tables } from '../../bot/store/tables';
import { DirectoryStore } from '../../bot/store/directory';
import { startConnector, type TestConnector } from '../support/connector';
import { startFunctionApp } from '../support/functionApp';
import { sendPlan } from '../support/samplePlan';
import { actionsOf, textOf, TeamsClient, type Card } from '../support/teamsClient';

/**
 * A deployment to an empty directory: the departments are Kanalkoll's own, the people come from the
 * first directory sync (Graph). Until that round is stored and followed up, health is not ready and
 * every turn is answered "Kanalkoll startar", with nothing stored; after it, the whole plan goes through.
 */
describe('reliability: ready means ready, before and after the first directory sync', () => {
  let azurite: Azurite;
  let tables: Tables;
  let graph: GraphStandIn;
  let connector: TestConnector;
  let app: FunctionServer & { readonly registrations: readonly Registration[] };
  let effects: Triggers;
  beforeAll(async () => {
    azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
    tables = connectTables(azurite.connectionString);
    await tables.ensureCreated();
    await new DirectoryStore(tables).load({ ...directory, people: [] });
    graph = await startGraph(asGraphUsers(directory));
    connector = await startConnector();
    app = await startFunctionApp({
      AzureWebJobsStorage: azurite.connectionString,
      KANALKOLL_GRAPH_URL: graph.url,
      KANALKOLL_TENANT_ID: tenantId,
      KANALKOLL_TEAMS_SERVICE_URL: connector.serviceUrl,
    });
    effects = startTriggers(app.registrations.filter((r) => triggerOf(r)?.queueName === 'effects'), azurite.connectionString, () => undefined, { schedule: false });
  });
  afterAll(async () => {
    effects.stop();
    await app.close();
    await connector.close();
    await graph.close();
    await azurite.stop();
  });

  const client = (role: 'employee' | 'chief', locale?: string) => new TeamsClient(`${app.url}/api/messages`, connector, role, locale, () => effects.drain());
  const health = async () => {
    const response = await fetch(`${app.url}/api/health`);
    return { status: response.status, body: (await response.json()) as { status: string; directory: string } };
  };
  const sync = async () => {
    const registration = app.registrations.find((r) => r.metadata.name === 'directorySync')!;
    await registration.handler({ isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, new InvocationContext({ functionName: 'directorySync', invocationId: 'test' }));
  };

  it('R10: before the first sync, health says "starting" (503) and a turn gets "Kanalkoll startar", never a refusal, with nothing stored; after it, the whole plan goes through', async () => {
    expect(await health()).toEqual({ status: 503, body: expect.objectContaining({ status: 'starting', directory: 'waiting for the first sync' }) });

    const elin = client('employee');
    expect((await elin.reply('ny ansökan')).text).toBe('Kanalkoll startar, försök igen om en stund.');
    expect((await client('employee', 'en-US').reply('new application')).text).toBe('Kanalkoll is starting. Please try again in a moment.');
    // A card pressed before (one sent earlier, or the plan's steps) is answered the same way, in place.
    expect(await elin.answer('plan.start', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId })).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Kanalkoll startar, försök igen om en stund.' });
    const references = new ConversationReferences(tables);
    expect(await references.user(tenantId, users.employee.aadObjectId)).toBeUndefined();
    const assignments = await tables.client('assignments').listEntities().next();
    expect(assignments.done).toBe(true);

    await sync();
    expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', directory: 'in place' }) });

    const karim = client('chief');
    await karim.say('hej');
    const sent: Card = await sendPlan(elin, 'account');
    const id = String(actionsOf(sent).find((a) => a.data.assignmentId)?.data.assignmentId);
    expect(id).not.toBe('undefined');
    expect(connector.cardsTo('personal-chief').some((card) => textOf(card).includes(id) && actionsOf(card).some((a) => a.title === 'Godkänn'))).toBe(true);
  });
});
