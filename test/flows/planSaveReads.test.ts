import { compose } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ETagConflict } from '../../bot/errors';
import { AssignmentStore } from '../../bot/store/assignments';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables } from '../../bot/store/tables';
import { directory, users } from '../../dev/roles';
import { activityFrom } from '../support/activities';
import { startConnector, type TestConnector } from '../support/connector';
import { channel } from '../support/samplePlan';
import { actionsOf, inputsOf, textOf, type Card } from '../support/teamsClient';

/**
 * P1: "Spara" on the card a save of this process answered writes the draft without reading it
 * first (the write is guarded by the ETag that save got); a change made elsewhere meanwhile is
 * still caught, and the card says the plan moved on, as when the read showed it.
 */
const tables = connectTables(loadConfig().storage);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const app = compose(loadConfig(), { tables, log: quiet });
/** Another instance of the app: its own process, the same storage. */
const elsewhere = new AssignmentStore(tables);

describe('P1: a card action on a draft this process saved does not read it again', () => {
  let connector: TestConnector;
  beforeAll(async () => {
    connector = await startConnector();
    await tables.ensureCreated();
    await new DirectoryStore(tables).load(directory);
  });
  afterAll(() => connector.close());

  const turn = async (fields: Record<string, unknown>) => {
    const response = await app.handleActivity({ method: 'POST', headers: {}, body: activityFrom('employee', connector.serviceUrl, fields) }, 'test');
    return response.body as { value?: Card } | undefined;
  };
  const press = async (card: Card, title: string, inputs: Record<string, string> = {}) => {
    const action = actionsOf(card).find((a) => a.title === title);
    if (!action) throw new Error(`no button "${title}" on ${textOf(card).slice(0, 300)}`);
    const answer = await turn({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...inputsOf(card), ...inputs, ...action.data } } } });
    return answer?.value as Card;
  };
  /** The channel step of a new draft, answered by a save ("Fortsätt" on the first step). */
  const channelStep = async () => {
    const before = connector.sent().length;
    await turn({ type: 'message', text: 'ny ansökan' });
    const who = (connector.sent()[before]?.attachments as { content: Card }[])[0]!.content;
    return press(who, 'Fortsätt', { kind: 'account', chiefAadObjectId: users.chief.aadObjectId });
  };
  const draftIdOf = (card: Card) => String(actionsOf(card).find((a) => a.data.draftId)?.data.draftId);
  const revisionOf = (card: Card) => Number(actionsOf(card).find((a) => a.title === 'Spara')?.data.revision);

  it('saves twice with no read of the draft, and stores each save', async () => {
    const card = await channelStep();
    const id = draftIdOf(card);
    const reads = jest.spyOn(tables.client('assignments'), 'getEntity');
    try {
      const once = await press(card, 'Spara', channel);
      const twice = await press(once, 'Spara', { ...channel, accountName: 'Fritidsgårdarna' });
      expect(revisionOf(twice)).toBe(revisionOf(card) + 2);
      expect(reads.mock.calls.filter(([pk, rk]) => pk === `a_${id}` && rk === 'assignment')).toEqual([]);
    } finally {
      reads.mockRestore();
    }
    const stored = await elsewhere.get(id);
    expect(stored?.value.revision).toBe(revisionOf(card) + 2);
    expect(stored?.value.draft.channel).toMatchObject({ accountName: 'Fritidsgårdarna' });
  });

  it('R4: a save made elsewhere meanwhile wins; the card pressed here shows the plan as it now is', async () => {
    const card = await channelStep();
    const id = draftIdOf(card);
    const stored = (await elsewhere.get(id))!;
    const changed = { ...stored.value, revision: stored.value.revision + 1, draft: { ...stored.value.draft, channel: { ...channel, accountName: 'Annan instans' } } };
    await elsewhere.commit({ state: changed, etag: stored.etag, audit: [], outbox: [] });

    const answer = await press(card, 'Spara', channel);
    expect(textOf(answer)).toContain('Annan instans');
    expect((await elsewhere.get(id))?.value).toEqual(changed);
  });

  it('a draft deleted meanwhile is a lost race, not an error', async () => {
    const card = await channelStep();
    const id = draftIdOf(card);
    await tables.client('assignments').deleteEntity(`a_${id}`, 'assignment');
    const remembered = app.assignments.lastSaved(id)!;
    await expect(app.assignments.commit({ state: { ...remembered.value, revision: remembered.value.revision + 1 }, etag: remembered.etag, audit: [], outbox: [] })).rejects.toBeInstanceOf(ETagConflict);
    expect(app.assignments.lastSaved(id)).toBeUndefined();
  });
});
