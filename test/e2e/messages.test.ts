import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { ConversationReferences } from '../../bot/store/conversations';
import { connectTables } from '../../bot/store/tables';
import type { FunctionServer } from '../../dev/functionHost';
import { tenantId, users } from '../../dev/roles';
import { activityFrom, post } from '../support/activities';
import { startConnector, type TestConnector } from '../support/connector';
import { startFunctionApp } from '../support/functionApp';

type Card = { type: string; version: string; body: { text?: string; items?: { text?: string }[] }[]; actions: { verb: string; title: string }[] };

const cardOf = (activity: Record<string, unknown> | undefined): Card => {
  const attachments = activity?.attachments as { contentType: string; content: Card }[] | undefined;
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments![0]!.content;
};
const textsOf = (card: Card) => JSON.stringify(card.body);

const references = new ConversationReferences(connectTables(loadConfig().storage));

describe('POST /api/messages through the real CloudAdapter', () => {
  let app: FunctionServer;
  let connector: TestConnector;

  beforeAll(async () => {
    app = await startFunctionApp();
    connector = await startConnector();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });
  beforeEach(() => connector.calls.splice(0));

  it('answers "hej" with the Swedish welcome card and its main actions', async () => {
    const response = await post(`${app.url}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }));

    expect(response.status).toBe(200);
    const sent = connector.sent();
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]);
    expect(card.version).toBe('1.5');
    expect(textsOf(card)).toContain('Hej Elin! Jag är Kanalkoll.');
    // Others besides ("Mina konton"…) when Elin owns accounts, which other tests on this storage may have given her.
    expect(card.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['Ny ansökan', 'Mina ansökningar', 'Registret', 'Policyhjälp', 'Rapportera']));
    expect(connector.calls[0]?.path).toMatch(/^\/v3\/conversations\/personal-employee\/activities/);
  });

  it('stores the conversation reference of the user, keyed by tenant and AAD object id', async () => {
    await post(`${app.url}/api/messages`, activityFrom('chief', connector.serviceUrl, { type: 'message', text: 'hej' }));

    const stored = await references.user(tenantId, users.chief.aadObjectId);
    expect(stored).toMatchObject({
      kind: 'user',
      tenantId,
      aadObjectId: users.chief.aadObjectId,
      userId: users.chief.id,
      serviceUrl: connector.serviceUrl,
      personalConversationId: 'personal-chief',
    });
  });

  it('keeps the personal chat when the same user later writes in a group chat, and stores the chat', async () => {
    await post(`${app.url}/api/messages`, activityFrom('admin', connector.serviceUrl, { type: 'message', text: 'hej' }));
    await post(
      `${app.url}/api/messages`,
      activityFrom('admin', connector.serviceUrl, {
        type: 'message',
        text: '<at>Kanalkoll</at> hjälp',
        conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId },
      }),
    );

    expect((await references.user(tenantId, users.admin.aadObjectId))?.personalConversationId).toBe('personal-admin');
    expect(await references.chat(tenantId, '19:group@thread.v2')).toMatchObject({ kind: 'chat', conversationType: 'groupChat' });
  });

  it('answers in English when the Teams locale is English, and to unknown text too', async () => {
    await post(`${app.url}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'what can you do', locale: 'en-GB' }));

    const card = cardOf(connector.sent()[0]);
    expect(textsOf(card)).toContain('Hi Elin! I am Kanalkoll.');
    expect(card.actions[0]?.title).toBe('New application');
  });

  it('welcomes on install, when the bot is added to the conversation', async () => {
    await post(
      `${app.url}/api/messages`,
      activityFrom('colleague', connector.serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: '28:kanalkoll' }] }),
    );

    expect(textsOf(cardOf(connector.sent()[0]))).toContain('Hej Nora!');
    expect(await references.user(tenantId, users.colleague.aadObjectId)).toBeDefined();
  });

  it('answers a welcome-card button with the card in place', async () => {
    const response = await post(
      `${app.url}/api/messages`,
      activityFrom('employee', connector.serviceUrl, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'report.menu', data: {} } },
      }),
    );

    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: Card };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textsOf(body.value)).toContain('Rapportera');
    expect(textsOf(body.value)).toContain('Mobbning och brott ser bara din chef.');
    expect(connector.sent()).toHaveLength(0);
  });

  it('answers a malformed card action with the welcome card instead of failing', async () => {
    const response = await post(
      `${app.url}/api/messages`,
      activityFrom('employee', connector.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', value: { action: 'nonsense' } }),
    );

    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: Card };
    expect(textsOf(body.value)).toContain('Den knappen känner jag inte igen.');
  });

  it('logs a failed turn and tells the user briefly, never the raw error', async () => {
    connector.failNext(1);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await post(`${app.url}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }));

      expect(connector.sent()).toEqual([expect.objectContaining({ text: 'Något gick fel hos mig. Försök igen om en stund.' })]);
      expect(JSON.stringify(connector.sent())).not.toMatch(/connector refused|Error/);
      const entry = logged.mock.calls.map(([line]) => String(line)).find((line) => line.includes('turn_error'));
      expect(JSON.parse(entry ?? '{}')).toMatchObject({ level: 'error', event: 'turn_error', invocationId: expect.any(String), activityId: expect.any(String) });
    } finally {
      logged.mockRestore();
    }
  });

  it('logs each activity as a JSON line with the invocation and activity ids, and nothing the user wrote', async () => {
    const logged = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const activity = activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hemlig text' });
      await post(`${app.url}/api/messages`, activity);

      const lines = logged.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('"activity"'));
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ event: 'activity', activityId: activity.id, activityType: 'message', invocationId: expect.any(String) });
      expect(lines.join()).not.toContain('hemlig text');
    } finally {
      logged.mockRestore();
    }
  });

  describe('the size limit, which holds without a bot identity too', () => {
    /** "hej" from someone new, carrying `padding` characters the bot never reads, so any stored trace is theirs. */
    const padded = (padding: number) => {
      const aadObjectId = randomUUID();
      const activity = activityFrom('employee', connector.serviceUrl, {
        type: 'message',
        text: 'hej',
        from: { id: `29:${aadObjectId}`, name: 'Ny Person', aadObjectId },
        channelData: { tenant: { id: tenantId }, padding: 'x'.repeat(padding) },
      });
      return { activity, aadObjectId };
    };

    it('refuses an activity over 256 KB with 413: nothing answered or stored', async () => {
      const { activity, aadObjectId } = padded(300 * 1024);
      const response = await post(`${app.url}/api/messages`, activity);

      expect(response.status).toBe(413);
      expect(connector.calls).toHaveLength(0);
      expect(await references.user(tenantId, aadObjectId)).toBeUndefined();
    });

    it('refuses a body over 256 KB with 413 before parsing it, also one sent without a length', async () => {
      expect((await fetch(`${app.url}/api/messages`, { method: 'POST', body: 'x'.repeat(300 * 1024) })).status).toBe(413);
      const chunks = [...Array(5)].map(() => new TextEncoder().encode('y'.repeat(64 * 1024)));
      const unannounced = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const response = await fetch(`${app.url}/api/messages`, { method: 'POST', body: unannounced, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(413);
    });

    it('control: an activity under 256 KB is served', async () => {
      const { activity, aadObjectId } = padded(200 * 1024);
      const response = await post(`${app.url}/api/messages`, activity);

      expect(response.status).toBe(200);
      expect(connector.sent()).toHaveLength(1);
      expect(await references.user(tenantId, aadObjectId)).toBeDefined();
    });
  });

  it('refuses a body that is not an activity with 400', async () => {
    expect((await post(`${app.url}/api/messages`, [1, 2])).status).toBe(400);
    expect((await fetch(`${app.url}/api/messages`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});

describe('with KANALKOLL_LOCALE set, as the dev host does for the Playground', () => {
  it('answers in that language although the client reports en-US', async () => {
    const app = await startFunctionApp({ KANALKOLL_LOCALE: 'sv' });
    const connector = await startConnector();
    try {
      await post(`${app.url}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej', locale: 'en-US' }));

      expect(textsOf(cardOf(connector.sent()[0]))).toContain('Hej Elin! Jag är Kanalkoll.');
    } finally {
      await app.close();
      await connector.close();
    }
  });
});

describe('with allowed tenants configured', () => {
  it('drops an activity from any other tenant, and serves the allowed one', async () => {
    const app = await startFunctionApp({ KANALKOLL_ALLOWED_TENANT_IDS: tenantId });
    const connector = await startConnector();
    const foreign = '00000000-1111-4222-8333-444444444444';
    try {
      await post(
        `${app.url}/api/messages`,
        activityFrom('employee', connector.serviceUrl, {
          type: 'message',
          text: 'hej',
          channelData: { tenant: { id: foreign } },
          conversation: { id: 'personal-foreign', conversationType: 'personal', tenantId: foreign },
        }),
      );
      expect(connector.sent()).toHaveLength(0);
      expect(await references.user(foreign, users.employee.aadObjectId)).toBeUndefined();

      await post(`${app.url}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }));
      expect(connector.sent()).toHaveLength(1);
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
