import type { Approvers } from '../../bot/domain/approval';
import { decide, evolve, type Assignment, type Command } from '../../bot/domain/assignment';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';

const person = (role: keyof typeof users) => ({ aadObjectId: users[role].aadObjectId, name: users[role].name });
const [elin, karim, sara, nora, aida] = [person('employee'), person('chief'), person('communicator'), person('colleague'), person('admin')];
const approvers: Approvers = { chief: karim.aadObjectId, communicator: sara.aadObjectId, commsChief: person('commschief').aadObjectId };
const now = '2027-02-01T10:00:00.000Z';
const checklist = { finalSnapshot: { kind: 'reference', reference: 'KA 2026/99' }, closedOnPlatform: true, followersPointedToWebsite: true } as const;
const active = () => eventsTo('a1', accountPlan({ platform: 'Instagram', accountName: 'Fritid' }), 'active').reduce<Assignment | undefined>(evolve, undefined)!;

function run(state: Assignment, ...commands: Command[]) {
  const decisions = commands.map((command) => {
    const decision = decide(command, state);
    if (decision.ok) state = decision.events.reduce<Assignment>((s, e) => evolve(s, e), state);
    return decision;
  });
  return { state, decisions };
}
/** Who besides the owner may close it, as the directory has them now: Karim is Elin's manager. */
const close = (actor: typeof elin, chief = karim.aadObjectId): Command => ({ type: 'CloseAccount', meta: { actor, now, chief, communicator: sara.aadObjectId }, checklist });

describe('an active account', () => {
  it.each([
    ['its owner', elin],
    ['the owner\'s chief', karim],
    ['the department communicator', sara],
  ])('R11: may be closed by %s', (_, actor) => {
    const { state } = run(active(), close(actor));

    expect(state).toMatchObject({ status: 'closed', closedAt: now });
  });

  it('R11: may not be closed by a colleague, by the chief in the plan who is no longer the owner\'s manager, nor closed twice', () => {
    expect(run(active(), close(nora)).decisions[0]).toMatchObject({ ok: false, reason: 'notAllowed' });
    expect(active().plan?.who.chiefAadObjectId).toBe(karim.aadObjectId);
    expect(run(active(), close(karim, nora.aadObjectId)).decisions[0]).toMatchObject({ ok: false, reason: 'notAllowed' });
    expect(run(active(), close(nora, nora.aadObjectId)).state).toMatchObject({ status: 'closed' });
    expect(run(active(), close(elin), close(elin)).decisions[1]).toMatchObject({ ok: false, reason: 'notActive' });
  });

  it('R10, R14: its owner, and only its owner, changes who runs it', () => {
    const administration = { admins: [elin.aadObjectId, 'nora'], loginStorage: 'Skåpet', substitute: 'nora' };
    const change = (actor: typeof elin): Command => ({ type: 'ChangeAdministration', meta: { actor, now }, administration });

    expect(run(active(), change(karim)).decisions[0]).toMatchObject({ ok: false, reason: 'notAllowed' });
    expect(run(active(), change(elin)).state.plan).toMatchObject({ administration });
  });

  it('R1: a new owner waits for the chief and takes over on approval', () => {
    const propose: Command = { type: 'ProposeOwner', meta: { actor: elin, now }, newOwner: aida };
    const approve = (actor: typeof elin): Command => ({ type: 'ApprovePlan', meta: { actor, now, version: 1, approvers } });

    const { state, decisions } = run(active(), propose, { ...propose }, approve(elin), approve(karim));

    expect(decisions.map((d) => (d.ok ? 'ok' : d.reason))).toEqual(['ok', 'notAllowed', 'ownPlan', 'ok']);
    expect(state).toMatchObject({ status: 'active', applicant: aida });
    expect('pendingOwner' in state ? state.pendingOwner : undefined).toBeUndefined();
  });
});
