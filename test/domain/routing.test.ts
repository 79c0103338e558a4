import { DateTime } from 'luxon';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { approverOf } from '../../bot/domain/approval';
import { decide, evolve, type Assignment, type Command, type Event } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { nudgesBetween, stillDue, type Nudge } from '../../bot/domain/duties';
import { directoryActor } from '../../bot/domain/routing';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';

const plan = accountPlan({ platform: 'Instagram', accountName: 'kulturbotkyrka' }) as Extract<ActivityPlan, { kind: 'account' }>;
const ref = (role: keyof typeof users) => ({ aadObjectId: users[role].aadObjectId, name: users[role].name });
const fold = (events: readonly Event[], state?: Assignment) => events.reduce<Assignment | undefined>(evolve, state) as Assignment;
const now = '2027-03-03T10:00:00+01:00';
const run = (command: Command, state: Assignment) => {
  const decision = decide(command, state);
  if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
  return fold(decision.events, state);
};
const approvers = { chief: users.chief.aadObjectId, communicator: users.communicator.aadObjectId, commsChief: users.commschief.aadObjectId };

describe('who decides when the directory cannot say, and leavers', () => {
  it('R1: the approver the communicator names decides the chief step, until someone else is named or they leave', () => {
    const waiting = fold(eventsTo('a1', plan, 'awaiting_chief', now));
    // Nora is a chief in the plan's department here.
    const assign = (actor: keyof typeof users, person: keyof typeof users): Command => ({ type: 'AssignApprover', meta: { actor: ref(actor), now, approvers, version: 1 }, person: ref(person), standing: { leads: true, departmentId: 'kultur-fritid' } });

    expect(decide(assign('chief', 'colleague'), waiting)).toMatchObject({ ok: false, reason: 'notAllowed' });
    expect(decide(assign('communicator', 'employee'), waiting)).toMatchObject({ ok: false, reason: 'ownPlan' });
    // Never oneself or the communications chief: the chief step stays a decision of its own.
    expect(decide(assign('communicator', 'communicator'), waiting)).toMatchObject({ ok: false, reason: 'decidesLater' });
    expect(decide(assign('communicator', 'commschief'), waiting)).toMatchObject({ ok: false, reason: 'decidesLater' });
    // A communicator who applies does not name who decides their own plan.
    const own = fold(eventsTo('a2', plan, 'awaiting_chief', now).map((e) => (e.type === 'PlanStarted' ? { ...e, applicant: ref('communicator') } : e)));
    expect(decide(assign('communicator', 'colleague'), own)).toMatchObject({ ok: false, reason: 'ownPlan' });
    const named = run(assign('communicator', 'colleague'), waiting);
    expect(approverOf(named, 'chief', approvers)).toBe(users.colleague.aadObjectId);

    const moved = run({ type: 'MoveApproval', meta: { actor: directoryActor, now, seenRevision: named.revision }, from: ref('colleague'), to: ref('chief'), reason: 'left' }, named);
    expect(approverOf(moved, 'chief', approvers)).toBe(users.chief.aadObjectId);
    // Nothing to move when nothing changed.
    expect(decide({ type: 'MoveApproval', meta: { actor: directoryActor, now, seenRevision: moved.revision }, from: ref('chief'), to: ref('chief'), reason: 'changed' }, moved)).toMatchObject({ ok: false });
    // A move worked out on an older state is void (a decision or another move came first).
    expect(decide({ type: 'MoveApproval', meta: { actor: directoryActor, now, seenRevision: named.revision }, from: ref('chief'), to: ref('colleague'), reason: 'changed' }, moved)).toMatchObject({ ok: false, reason: 'notWaiting' });
  });

  it('R1: only a chief decides in the chief\'s place: someone with people reporting to them, in the plan\'s department or the communications chief\'s', () => {
    const waiting = fold(eventsTo('a1', plan, 'awaiting_chief', now));
    const assign = (standing: { leads: boolean; departmentId: string }, centralDepartmentId?: string): Command => ({
      type: 'AssignApprover',
      meta: { actor: ref('communicator'), now, approvers, version: 1, ...(centralDepartmentId ? { centralDepartmentId } : {}) },
      person: ref('colleague'),
      standing,
    });

    expect(decide(assign({ leads: false, departmentId: 'kultur-fritid' }, 'kommunledning'), waiting)).toMatchObject({ ok: false, reason: 'notChief' });
    expect(decide(assign({ leads: true, departmentId: 'utbildning' }, 'kommunledning'), waiting)).toMatchObject({ ok: false, reason: 'otherDepartment' });
    // Without a communications chief in the directory, only the plan's department.
    expect(decide(assign({ leads: true, departmentId: 'kommunledning' }), waiting)).toMatchObject({ ok: false, reason: 'otherDepartment' });
    expect(decide(assign({ leads: true, departmentId: '' }), waiting)).toMatchObject({ ok: false, reason: 'otherDepartment' });
    expect(decide(assign({ leads: true, departmentId: 'kultur-fritid' }, 'kommunledning'), waiting)).toMatchObject({ ok: true });
    expect(decide(assign({ leads: true, departmentId: 'kommunledning' }, 'kommunledning'), waiting)).toMatchObject({ ok: true });
    // A plan naming another department waits in the applicant's own until the chief confirms it: a chief there.
    const elsewhere = fold(eventsTo('a3', { ...plan, who: { ...plan.who, departmentId: 'utbildning', directoryDepartmentId: 'kultur-fritid' } }, 'awaiting_chief', now));
    expect(decide(assign({ leads: true, departmentId: 'utbildning' }, 'kommunledning'), elsewhere)).toMatchObject({ ok: false, reason: 'otherDepartment' });
    expect(decide(assign({ leads: true, departmentId: 'kultur-fritid' }, 'kommunledning'), elsewhere)).toMatchObject({ ok: true });
  });

  it('R10: a leaver is recorded once: an owner who left, an admin who left', () => {
    const active = fold(eventsTo('a1', plan, 'active', now));
    const leaver = (role: keyof typeof users): Command => ({ type: 'RecordLeaver', meta: { actor: directoryActor, now }, person: ref(role) });

    const adminGone = run(leaver('admin'), active);
    expect(adminGone.plan?.kind === 'account' && adminGone.plan.administration.admins).toEqual([users.employee.aadObjectId]);
    expect(decide(leaver('admin'), adminGone)).toMatchObject({ ok: false });
    const ownerGone = run(leaver('employee'), adminGone);
    expect(ownerGone.status === 'active' && ownerGone.dutyLog?.ownerLeftAt).toBe(now);
    expect(decide(leaver('colleague'), ownerGone)).toMatchObject({ ok: false });
  });

  it('an owner who left: the chief and the communicator are asked for a new owner, the communications chief after 14 days; a new owner ends it', () => {
    const active = fold(eventsTo('a1', plan, 'active', '2026-11-02T10:00:00+01:00'));
    const left = run({ type: 'RecordLeaver', meta: { actor: directoryActor, now }, person: ref('employee') }, active);
    const local = (n: Nudge) => DateTime.fromISO(n.at).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
    const nudges = nudgesBetween(left, DateTime.fromISO('2027-03-03T09:00:00+01:00'), DateTime.fromISO('2027-04-30T00:00:00+02:00')).filter((n) => n.duty === 'ownerLeft');

    // Wednesday 3 March, 10:00: at once; 17 March (a Wednesday) to the communications chief.
    expect(nudges.map((n) => `${local(n)} ${n.audience}`)).toEqual(['2027-03-03 10:00 escalation', '2027-03-17 10:00 commsChief']);
    expect(decide({ type: 'AppointOwner', meta: { actor: ref('colleague'), now, approvers }, newOwner: ref('admin') }, left)).toMatchObject({ ok: false, reason: 'notAllowed' });
    const taken = run({ type: 'AppointOwner', meta: { actor: ref('communicator'), now, approvers }, newOwner: ref('admin') }, left);
    expect(taken.applicant.aadObjectId).toBe(users.admin.aadObjectId);
    expect(stillDue(taken, nudges[1]!)).toBe(false);
  });
});
