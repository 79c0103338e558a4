import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { assignmentPartition, auditRow, copyRow, markerRow, outboxRevision, outboxRow, personPartition, sentKey, sentRow, stateRow, versionRow } from '../../bot/store/assignmentLayout';
import { AssignmentStore } from '../../bot/store/assignments';
import { connectTables } from '../../bot/store/tables';
import { welcomeFor } from '../../bot/flows/welcome';
import { accountPlan, eventsTo, type Stage } from '../support/seed';

const tables = connectTables(loadConfig().storage);
const assignments = new AssignmentStore(tables);
const table = tables.client('assignments');

const plan = accountPlan({ platform: 'Instagram', accountName: 'Lagret' });
const stateAt = (id: string, stage: Stage): Assignment => eventsTo(id, plan, stage).reduce<Assignment | undefined>(evolve, undefined) as Assignment;

describe('the assignments table, laid out by one module (store/assignmentLayout.ts)', () => {
  beforeAll(() => tables.ensureCreated());

  it('keys keep the formats stored data already has', () => {
    expect(assignmentPartition('a/b')).toBe('a_a%2Fb');
    expect(stateRow).toBe('assignment');
    expect(versionRow(3)).toBe('version_0003');
    expect(auditRow(12, 1)).toBe('audit_00000012_1');
    expect(outboxRow(12, 3)).toBe('outbox_00000012_03');
    expect(outboxRevision(outboxRow(12, 3))).toBe(12);
    expect(sentRow(sentKey(5, 0, 'approver'))).toBe('sent_00000005_0_approver');
    expect(copyRow({ conversationId: 'a:b', activityId: '1' })).toBe('copy_a%3Ab_1');
    expect(markerRow('x', 7)).toBe('x_00000007');
    expect(personPartition('elin')).toBe('p_elin');
  });

  it('R4: a draft stored when the questionnaire\'s step was called `at` reads with its step', async () => {
    const id = randomUUID();
    const { step, ...rest } = stateAt(id, 'draft');
    await table.createEntity({ partitionKey: assignmentPartition(id), rowKey: stateRow, json: JSON.stringify({ ...rest, at: step }) });
    const read = (await assignments.get(id))!.value;
    expect(read.step).toBe('who');
    expect(read).not.toHaveProperty('at');
  });

  it("R4: an account stored when the plan's version was called `version` reads with its planVersion, and an unsent draft so stored is still found for deletion", async () => {
    const id = randomUUID();
    const { planVersion, ...rest } = stateAt(id, 'active');
    await table.createEntity({ partitionKey: assignmentPartition(id), rowKey: stateRow, json: JSON.stringify({ ...rest, version: planVersion }) });
    const read = (await assignments.get(id))!.value;
    expect(read.planVersion).toBe(1);
    expect(read).not.toHaveProperty('version');

    const draftId = randomUUID();
    const { planVersion: none, ...draft } = stateAt(draftId, 'draft');
    await table.createEntity({ partitionKey: assignmentPartition(draftId), rowKey: stateRow, json: JSON.stringify({ ...draft, version: none }) });
    const old = await assignments.draftsUnchangedSince(new Date(Date.now() + 60_000).toISOString());
    expect(old.find((d) => d.id === draftId)?.planVersion).toBe(0);
  });

  it('"hej": an owner\'s index row keeps the ownership facts, never set back to an older revision', async () => {
    const id = randomUUID();
    const owner = `owner-${id}`;
    const draft = { ...stateAt(id, 'draft'), applicant: { aadObjectId: owner, name: 'Ägare' } } as Assignment;
    const active = { ...stateAt(id, 'active'), applicant: { aadObjectId: owner, name: 'Ägare' } } as Assignment;
    await assignments.commit({ state: active, etag: undefined, audit: [], outbox: [] });

    await assignments.index(id, owner, 'owner', active);
    await assignments.index(id, owner, 'owner', draft);
    // The bare write an effect without the state makes keeps the facts.
    await assignments.index(id, owner);

    const reads = jest.spyOn(table, 'getEntity');
    const facts = await assignments.ownershipFor(owner);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(facts).toEqual([{ status: 'active', kind: 'account', ownerAadObjectId: owner }]);
    expect(welcomeFor(facts, owner, undefined)).toEqual({ owner: true, activeOwner: true, commsChief: false });
    expect(welcomeFor(facts, 'someone-else', 'someone-else')).toEqual({ owner: false, activeOwner: false, commsChief: true });
  });

  it('an index row written before rows kept facts is answered from its assignment', async () => {
    const id = randomUUID();
    const owner = `owner-${id}`;
    const closed = { ...stateAt(id, 'closed'), applicant: { aadObjectId: owner, name: 'Ägare' } } as Assignment;
    await assignments.commit({ state: closed, etag: undefined, audit: [], outbox: [] });
    await table.upsertEntity({ partitionKey: personPartition(owner), rowKey: encodeURIComponent(id) });
    // And one whose assignment is gone (a draft deleted halfway): left out.
    await table.upsertEntity({ partitionKey: personPartition(owner), rowKey: encodeURIComponent(randomUUID()) });

    const facts = await assignments.ownershipFor(owner);

    expect(facts).toEqual([{ status: 'closed', kind: 'account', ownerAadObjectId: owner }]);
    expect(welcomeFor(facts, owner, undefined)).toMatchObject({ owner: true, activeOwner: false });
  });

  it('holds, the waiting list and the indexes are the facade\'s as before', async () => {
    const id = randomUUID();
    await assignments.hold(id, 'johan', '2026-11-02T09:00:00.000Z');
    expect((await assignments.holds()).get(id)).toEqual({ by: 'johan', at: '2026-11-02T09:00:00.000Z' });
    await assignments.releaseHold(id);
    expect((await assignments.holds()).has(id)).toBe(false);

    await assignments.trackWaiting(id, { approver: 'karim' });
    expect(await assignments.waiting()).toContainEqual({ assignmentId: id, approver: 'karim' });
    await assignments.trackWaiting(id, undefined);
    expect((await assignments.waiting()).some((w) => w.assignmentId === id)).toBe(false);

    const state = stateAt(id, 'active');
    await assignments.create(state);
    expect((await assignments.listFor(state.applicant.aadObjectId)).some((a) => a.id === id)).toBe(true);
    expect((await assignments.inDepartment(plan.who.departmentId)).some((a) => a.id === id)).toBe(true);
  });
});
