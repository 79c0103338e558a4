import { DateTime } from 'luxon';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { decide, evolve, type Assignment, type Event } from '../../bot/domain/assignment';
import { daysOff, isWorkingDay, zone } from '../../bot/domain/calendar';
import { askedToClose, defaultDutySettings, escalationAfter, nextActivityCheck, nextNudgeAfter, nudgeKey, nudgesBetween, overdue, passiveSince, periodBegun, stillDue, stillOpen, updatedRegularly, type Nudge } from '../../bot/domain/duties';
import { dutyOutcomes } from '../../bot/domain/overview';
import { accountPlan, eventsTo, monitoringPlan } from '../support/seed';
import { users } from '../../dev/roles';

const at = (iso: string) => DateTime.fromISO(iso, { zone });
const elin = { aadObjectId: users.employee.aadObjectId, name: users.employee.name };
type AccountPlan = Extract<ActivityPlan, { kind: 'account' }>;
const plan = accountPlan({ platform: 'Instagram', accountName: 'kulturbotkyrka' }) as AccountPlan;

/** An account approved (activated) at `activatedAt`, plus whatever happened after. */
function account(activatedAt: string, after: Event[] = [], p = plan): Assignment {
  return [...eventsTo('a1', p, 'active', activatedAt), ...after].reduce<Assignment | undefined>(evolve, undefined) as Assignment;
}

const local = (n: Nudge) => DateTime.fromISO(n.at).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
const of = (nudges: Nudge[], duty: Nudge['duty']) => nudges.filter((n) => n.duty === duty).map((n) => `${n.period} L${n.level} ${local(n)} ${n.audience}`);
const between = (state: Assignment, from: string, to: string) => nudgesBetween(state, at(from), at(to));

describe('duty rules', () => {
  it('R15, R16: a half-year\'s snapshot sent early counts as on time when the half-year ends, never as late', () => {
    // Archive 2026-H1 is due at the turn, 1 July; Elin sends its snapshot in May.
    const early = account('2025-11-03T10:00:00+01:00', [{ type: 'DutyCompleted', by: elin, at: '2026-05-10T09:00:00Z', duty: 'archive', period: '2026-H1' }]);
    const outcomes = (now: string) => dutyOutcomes([early], at(now), defaultDutySettings, () => ({}));
    expect(outcomes('2026-05-20T12:00:00Z')).toMatchObject({ onTime: 0, late: 0 });
    expect(outcomes('2026-07-20T12:00:00Z')).toMatchObject({ onTime: 1, late: 0 });
  });

  it('R16: "Påminn nu" has the owner reminded once a Stockholm day per duty, by someone who oversees the department, of a duty begun and not done', () => {
    const sara = { aadObjectId: users.communicator.aadObjectId, name: users.communicator.name };
    const remind = (now: string, period = '2026-H2', overseer: 'communicator' | null = 'communicator') =>
      ({ type: 'RemindOwner', meta: { actor: sara, now, ...(overseer ? { overseer } : {}) }, duty: 'archive', period }) as const;
    let state = account('2026-11-02T10:00:00+01:00');
    const reasons: string[] = [];
    for (const command of [remind('2027-01-20T08:00:00Z'), remind('2027-01-20T22:30:00Z'), remind('2027-01-20T23:30:00Z'), remind('2027-01-21T09:00:00Z', '2027-H2'), remind('2027-01-21T09:00:00Z', '2026-H2', null)]) {
      const decision = decide(command, state);
      reasons.push(decision.ok ? 'ok' : decision.reason);
      if (decision.ok) state = decision.events.reduce<Assignment>((s, e) => evolve(s, e), state);
    }
    // 23:30 UTC is the next day in Stockholm; a half-year to come is no duty yet; someone who oversees nothing is refused.
    expect(reasons).toEqual(['ok', 'remindedToday', 'ok', 'notBegun', 'notAllowed']);
    expect(state.status === 'active' && state.dutyLog?.reminded).toEqual({ 'archive|2026-H2': '2027-01-21' });
    const done = evolve(state, { type: 'DutyCompleted', by: elin, at: '2027-01-22T09:00:00Z', duty: 'archive', period: '2026-H2' });
    expect(decide(remind('2027-01-23T09:00:00Z'), done)).toMatchObject({ ok: false, reason: 'alreadyDone' });
  });

  it('R15: a reminder knows when the archive duty escalates, from the settings, until it has', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    const reminder = between(state, '2026-11-02', '2027-12-31').find((n) => n.duty === 'archive' && n.level === 1)!;
    expect(local({ ...reminder, at: escalationAfter(state, reminder) ?? '' })).toBe('2027-02-01 08:00');
    expect(escalationAfter(state, reminder, { ...defaultDutySettings, archiveEscalationDays: 20 })).toContain('2027-01-21');
    const escalation = between(state, '2026-11-02', '2027-12-31').find((n) => n.duty === 'archive' && n.audience === 'escalation')!;
    expect(escalationAfter(state, escalation)).toBeUndefined();
  });

  it('R15: the archive snapshot is asked for at each half-year turn, reminded after 14 days and escalated after 30', () => {
    const nudges = between(account('2026-11-02T10:00:00+01:00'), '2026-11-02', '2027-12-31');
    expect(of(nudges, 'archive')).toEqual([
      // 1 January 2027 is a holiday (Friday), then a weekend: the first working morning is Monday 4 January, in CET.
      '2026-H2 L0 2027-01-04 08:00 owner',
      '2026-H2 L1 2027-01-15 08:00 owner',
      // 31 January is a Sunday.
      '2026-H2 L2 2027-02-01 08:00 escalation',
      // 1 July 2027 is a Thursday, in summer time.
      '2027-H1 L0 2027-07-01 08:00 owner',
      '2027-H1 L1 2027-07-15 08:00 owner',
      // 31 July 2027 is a Saturday.
      '2027-H1 L2 2027-08-02 08:00 escalation',
    ]);
    expect(DateTime.fromISO(nudges.find((n) => n.period === '2027-H1')?.at ?? '').toUTC().hour).toBe(6);
    expect(DateTime.fromISO(nudges.find((n) => n.period === '2026-H2')?.at ?? '').toUTC().hour).toBe(7);
  });

  it('R6: the evaluation is announced 14 days before each anniversary, reminded on the day and escalated 30 days late', () => {
    const nudges = between(account('2026-11-02T10:00:00+01:00'), '2026-11-02', '2027-12-31');
    expect(of(nudges, 'evaluation')).toEqual([
      '2027-11-02 L0 2027-10-19 08:00 owner',
      '2027-11-02 L1 2027-11-02 08:00 owner',
      '2027-11-02 L2 2027-12-02 08:00 escalation',
    ]);
  });

  it('R6: a time-limited activity is evaluated after it has ended, on the card of its end, never before; no yearly evaluation falls after it', () => {
    const limited = accountPlan({ platform: 'Instagram', accountName: 'sommarlov' }) as AccountPlan;
    const p = { ...limited, channel: { ...limited.channel, endDate: '2027-08-20' } };
    const state = account('2027-05-03T09:00:00+02:00', [], p);
    // No evaluation nudge of its own (before the end or on its last day), and no yearly one after the end.
    expect(of(between(state, '2027-05-03', '2029-12-31'), 'evaluation')).toEqual([]);
    // Its evaluation is written once it has ended: from the day after its last day.
    const done = (now: string) => decide({ type: 'CompleteDuty', meta: { actor: elin, now }, duty: 'evaluation', period: 'end-2027-08-20' }, state);
    expect(done('2027-08-20T16:00:00+02:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    expect(done('2027-08-21T00:00:00+02:00')).toMatchObject({ ok: true });
    // Only the plan's end date as it stands: another date is no period of this activity.
    expect(decide({ type: 'CompleteDuty', meta: { actor: elin, now: '2027-09-01T10:00:00+02:00' }, duty: 'evaluation', period: 'end-2027-06-30' }, state)).toMatchObject({ ok: false, reason: 'notBegun' });
    // A longer activity has its yearly evaluations while it runs.
    const long = account('2027-05-03T09:00:00+02:00', [], { ...p, channel: { ...p.channel, endDate: '2028-12-31' } });
    expect(of(between(long, '2027-05-03', '2029-12-31'), 'evaluation').map((n) => n.split(' ')[0])).toEqual(['2028-05-03', '2028-05-03', '2028-05-03']);
  });

  it('R6: when a time-limited activity ends, the owner is asked (one duty) to evaluate it and then close the account within 30 days or extend it: asked the day after the end date, reminded, escalated, then the communications chief may close it', () => {
    const limited = accountPlan({ platform: 'Instagram', accountName: 'sommarlov' }) as AccountPlan;
    const p = { ...limited, channel: { ...limited.channel, endDate: '2027-08-20' } };
    // The activity check is paused over the period, so only the end of the activity asks for closing.
    const paused: Event = { type: 'ActivityPaused', by: elin, at: '2027-05-04T10:00:00+02:00', until: '2027-12-31' };
    const state = account('2027-05-03T09:00:00+02:00', [paused], p);
    expect(of(between(state, '2027-05-03', '2027-12-31'), 'ended')).toEqual([
      // The end date is the last day of the activity: the day after is a Saturday.
      '2027-08-20 L0 2027-08-23 08:00 owner',
      '2027-08-20 L1 2027-09-03 08:00 owner',
      // 19 September 2027 is a Sunday.
      '2027-08-20 L2 2027-09-20 08:00 escalation',
      '2027-08-20 L3 2027-10-19 08:00 commsChief',
    ]);
    expect(overdue(state, at('2027-09-21T12:00')).map((o) => o.duty)).toContain('ended');
    expect(askedToClose(state, at('2027-10-18T12:00'))).toBe(false);
    expect(askedToClose(state, at('2027-10-19T09:00'))).toBe(true);
    // Closed, the duty is gone, and so is every card about it.
    const closed = account('2027-05-03T09:00:00+02:00', [paused, { type: 'AccountClosed', by: elin, at: '2027-09-01T10:00:00+02:00' }], p);
    const asked = between(state, '2027-05-03', '2027-12-31').find((n) => n.duty === 'ended')!;
    expect(stillOpen(state, asked)).toBe(true);
    expect(stillOpen(closed, asked)).toBe(false);
    // An account without an end date has no such duty.
    expect(of(between(account('2027-05-03T09:00:00+02:00'), '2027-05-03', '2028-12-31'), 'ended')).toEqual([]);
  });

  it('R10: the owner confirms the department communicator has the login: asked the day after approval, reminded after a week, escalated after two', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    expect(of(between(state, '2026-11-01', '2027-06-30'), 'login')).toEqual(['2026-11-02 L0 2026-11-03 10:00 owner', '2026-11-02 L1 2026-11-09 10:00 owner', '2026-11-02 L2 2026-11-16 10:00 escalation']);
    const confirmed: Event = { type: 'DutyCompleted', by: elin, at: '2026-11-03T09:00:00+01:00', duty: 'login', period: '2026-11-02', evidence: { kind: 'confirmed' } };
    expect(of(between(account('2026-11-02T10:00:00+01:00', [confirmed]), '2026-11-01', '2027-06-30'), 'login')).toEqual([]);
    expect(overdue(state, at('2026-11-20T12:00')).map((o) => o.duty)).toContain('login');
    // A plan sent before the promise existed (stored without it) is not asked after the fact.
    const before = Object.fromEntries(Object.entries(plan.commitments).filter(([key]) => key !== 'communicatorHasLogin')) as AccountPlan['commitments'];
    const older = account('2026-11-02T10:00:00+01:00', [], { ...plan, commitments: before });
    expect(of(between(older, '2026-11-01', '2027-06-30'), 'login')).toEqual([]);
  });

  it('R11: 60 days without confirmed activity ask the owner, 14 silent days escalate, and 30 more ask the communications chief to close the passive account', () => {
    const nudges = between(account('2026-11-02T10:00:00+01:00'), '2026-11-02', '2027-02-28');
    expect(of(nudges, 'activity')).toEqual(['2027-01-01 L0 2027-01-04 08:00 owner', '2027-01-01 L1 2027-01-15 08:00 escalation', '2027-01-01 L2 2027-02-15 08:00 commsChief']);
    const longer = between(account('2026-11-02T10:00:00+01:00'), '2026-11-02', '2027-02-28').length;
    expect(nudgesBetween(account('2026-11-02T10:00:00+01:00'), at('2026-11-02'), at('2027-02-28'), { ...defaultDutySettings, passiveCloseDays: 60 }).length).toBe(longer - 1);
  });

  it('R11: an account is passive once the activity check has escalated unanswered, and not after a confirmation', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    expect(passiveSince(state, at('2027-01-14T12:00'))).toBeUndefined();
    expect(passiveSince(state, at('2027-01-15T08:00'))).toBe('2027-01-01');
    const confirmed: Event = { type: 'DutyCompleted', by: elin, at: '2027-01-20T10:00:00+01:00', duty: 'activity', period: '2027-01-01' };
    expect(passiveSince(account('2026-11-02T10:00:00+01:00', [confirmed]), at('2027-01-21T12:00'))).toBeUndefined();
  });

  it('R11: confirming activity restarts the 60 days and ends the period', () => {
    const confirmed: Event = { type: 'DutyCompleted', by: elin, at: '2027-01-05T10:00:00+01:00', duty: 'activity', period: '2027-01-01' };
    const nudges = between(account('2026-11-02T10:00:00+01:00', [confirmed]), '2026-11-02', '2027-03-31');
    // The rules read the assignment as it is now: the answered period is gone, the next one counts
    // from the confirmation. 6 March 2027 is a Saturday.
    expect(of(nudges, 'activity')).toEqual(['2027-03-06 L0 2027-03-08 08:00 owner', '2027-03-06 L1 2027-03-22 08:00 escalation']);
  });

  it('R11: "uppdateras regelbundet": the day of the latest post answers the check only within the 60 days, and the next check counts from it', () => {
    // On 4 March 2027 a post of 4 January is 59 days old: updated regularly; one of 3 January is 60 days old: passive.
    expect(updatedRegularly('2027-01-04', at('2027-03-04T16:59'))).toBe(true);
    expect(updatedRegularly('2027-01-03', at('2027-03-04T08:00'))).toBe(false);
    expect(updatedRegularly('2027-01-13', at('2027-03-04T08:00'), { ...defaultDutySettings, inactiveDays: 50 })).toBe(false);

    const state = account('2026-11-02T10:00:00+01:00');
    const answer = (date: string) => decide({ type: 'CompleteDuty', meta: { actor: elin, now: '2027-01-05T10:00:00+01:00' }, duty: 'activity', period: '2027-01-01', evidence: { kind: 'lastPost', date } }, state);
    // A day still to come, or one that is none, tells nothing.
    for (const date of ['2027-01-06', '2027-02-30', 'igår', '']) expect(answer(date)).toMatchObject({ ok: false, reason: 'badDates' });
    const answered = answer('2026-12-20');
    if (!answered.ok) throw new Error('answered');
    const after = answered.events.reduce<Assignment>((s, e) => evolve(s, e), state);
    expect(nextActivityCheck(after)).toBe('2027-02-18');
    // The answered period is done; the next is 60 days after the post (18 February, a Thursday).
    expect(of(between(after, '2027-01-05', '2027-03-31'), 'activity')).toEqual(['2027-02-18 L0 2027-02-18 08:00 owner', '2027-02-18 L1 2027-03-04 08:00 escalation']);
    // An earlier day given later never moves the check back.
    const older: Event = { type: 'DutyCompleted', by: elin, at: '2027-02-18T10:00:00+01:00', duty: 'activity', period: '2027-02-18', evidence: { kind: 'lastPost', date: '2026-12-01' } };
    expect(nextActivityCheck(evolve(after, older))).toBe('2027-02-18');
  });

  it('R10: fewer than two admins besides the communicator nudges the owner at once, then weekly until fixed', () => {
    const thin: Event = { type: 'AdministrationChanged', by: elin, at: '2027-02-03T19:30:00+01:00', administration: { admins: ['elin', 'sara'], loginStorage: 'Lösenordshanteraren', substitute: 'aida' } };
    const state = account('2026-11-02T10:00:00+01:00', [thin]);
    const nudges = nudgesBetween(state, at('2027-02-01'), at('2027-02-26'), undefined, { communicatorAadObjectId: 'sara' });
    // Changed on a Wednesday evening: the first nudge the next working morning, then weekly.
    expect(of(nudges, 'admins')).toEqual([
      '2027-02-03 L0 2027-02-04 08:00 owner',
      '2027-02-03 L1 2027-02-11 08:00 owner',
      '2027-02-03 L2 2027-02-18 08:00 owner',
      '2027-02-03 L3 2027-02-25 08:00 owner',
    ]);
    expect(of(nudgesBetween(state, at('2027-02-01'), at('2027-02-26')), 'admins')).toHaveLength(0);
    const fixed: Event = { ...thin, at: '2027-02-20T10:00:00+01:00', administration: { ...plan.administration } };
    const after = nudgesBetween(account('2026-11-02T10:00:00+01:00', [thin, fixed]), at('2027-02-19'), at('2027-06-01'), undefined, { communicatorAadObjectId: 'sara' });
    expect(of(after, 'admins')).toEqual([]);
  });

  it('R14: an absence without a substitute reaches the chief and the communicator when it starts', () => {
    const base = account('2026-11-02T10:00:00+01:00');
    if (base.status !== 'active') throw new Error('not active');
    const away = { ...base, dutyLog: { absences: [{ from: '2027-07-10', to: '2027-08-01' }, { from: '2027-09-01', to: '2027-09-05', substitute: 'Aida Haddad' }] } };
    expect(of(between(away, '2027-06-01', '2027-12-31'), 'substitute')).toEqual(['2027-07-10 L0 2027-07-12 08:00 escalation']);
  });

  it('R1: a plan waiting 2 working days reminds the approver; 5 tell the applicant and the next level', () => {
    const submitted = eventsTo('a2', plan, 'awaiting_chief', '2026-12-18T15:00:00+01:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    // Julafton, juldagen, annandag jul and the weekend are not working days.
    expect(of(between(submitted, '2026-12-18', '2027-01-31'), 'approval')).toEqual([
      'chief-20261218T140000 L0 2026-12-22 15:00 approver',
      'chief-20261218T140000 L1 2026-12-29 15:00 applicantAndNextLevel',
    ]);
  });

  it('R1: each approval step starts its own wait', () => {
    const events = eventsTo('a3', plan, 'awaiting_communicator', '2027-03-01T09:00:00+01:00');
    const state = events.reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    expect(of(between(state, '2027-03-01', '2027-03-31'), 'approval').map((s) => s.split(' ')[0])).toEqual(['communicator-20270301T080000', 'communicator-20270301T080000']);
  });

  it('R15: a snapshot archived before the reminder ends the period: no reminder, no escalation', () => {
    const archived: Event = { type: 'DutyCompleted', by: elin, at: '2027-01-08T11:00:00+01:00', duty: 'archive', period: '2026-H2' };
    const state = account('2026-11-02T10:00:00+01:00', [archived]);
    const nudges = between(state, '2026-11-02', '2027-03-01');
    expect(of(nudges, 'archive')).toEqual(['2026-H2 L0 2027-01-04 08:00 owner']);
    const reminder = between(account('2026-11-02T10:00:00+01:00'), '2027-01-10', '2027-01-20').find((n) => n.duty === 'archive');
    expect(reminder && stillDue(state, reminder)).toBe(false);
    expect(reminder && stillDue(account('2026-11-02T10:00:00+01:00'), reminder)).toBe(true);
  });

  it('R15: each period is completed once', () => {
    const archived: Event = { type: 'DutyCompleted', by: elin, at: '2027-01-08T11:00:00+01:00', duty: 'archive', period: '2026-H2' };
    const state = account('2026-11-02T10:00:00+01:00', [archived]);
    const again = decide({ type: 'CompleteDuty', meta: { actor: elin, now: '2027-01-09T09:00:00Z' }, duty: 'archive', period: '2026-H2' }, state);
    expect(again).toMatchObject({ ok: false, reason: 'alreadyDone' });
    const notOwner = decide({ type: 'CompleteDuty', meta: { actor: { aadObjectId: users.colleague.aadObjectId, name: 'Nora' }, now: '2027-01-09T09:00:00Z' }, duty: 'archive', period: '2027-H1' }, state);
    expect(notOwner).toMatchObject({ ok: false, reason: 'notAllowed' });
    const badPeriod = decide({ type: 'CompleteDuty', meta: { actor: elin, now: '2027-01-09T09:00:00Z' }, duty: 'archive', period: '2027-H3' }, state);
    expect(badPeriod).toMatchObject({ ok: false, reason: 'notAllowed' });
  });

  it('R15: a half-year\'s snapshot is done or put off from the start of that half-year, never for a half-year to come', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    const done = (period: string, now: string) => decide({ type: 'CompleteDuty', meta: { actor: elin, now }, duty: 'archive', period, evidence: { kind: 'sentToArchive', reference: 'KA 1' } }, state);
    const snooze = (period: string, now: string) => decide({ type: 'SnoozeDuty', meta: { actor: elin, now }, duty: 'archive', period, until: '2027-07-08T08:00:00+02:00', latest: '2027-08-01T08:00:00+02:00' }, state);
    expect(done('2027-H1', '2026-12-31T23:59:59+01:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    expect(done('2027-H2', '2027-06-30T10:00:00+02:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    expect(snooze('2027-H2', '2027-06-30T10:00:00+02:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    // The half-year under way: its snapshot may go early (an account closing sends its last one), and the one asked for.
    expect(done('2027-H1', '2027-01-01T00:00:00+01:00')).toMatchObject({ ok: true });
    expect(done('2026-H2', '2027-01-04T09:00:00+01:00')).toMatchObject({ ok: true });
  });

  it('R6: an evaluation is done for the year under way, never for next year\'s ahead', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    const done = (period: string, now: string) => decide({ type: 'CompleteDuty', meta: { actor: elin, now }, duty: 'evaluation', period }, state);
    expect(done('2027-11-02', '2027-10-19T08:00:00+02:00')).toMatchObject({ ok: true });
    expect(done('2028-11-02', '2027-10-19T08:00:00+02:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    expect(done('2028-11-02', '2027-11-02T00:00:00+01:00')).toMatchObject({ ok: true });
    // An account without an end date has no evaluation after an activity.
    expect(done('end-2027-06-30', '2027-07-03T09:00:00+02:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    // The activity check and the login are done from the day they fall due.
    const other = (duty: 'activity' | 'login', period: string, now: string) => decide({ type: 'CompleteDuty', meta: { actor: elin, now }, duty, period }, state);
    expect(other('activity', '2027-01-01', '2026-12-31T23:00:00+01:00')).toMatchObject({ ok: false, reason: 'notBegun' });
    expect(other('activity', '2027-01-01', '2027-01-04T08:00:00+01:00')).toMatchObject({ ok: true });
    expect(other('login', '2026-11-02', '2026-11-03T08:00:00+01:00')).toMatchObject({ ok: true });
  });

  it('R6, R10, R11, R15: every nudge of ten years comes when its period has begun, so what a nudge asks for can be done', () => {
    const timeLimited = { ...plan, channel: { ...plan.channel, endDate: '2030-06-30' } };
    const oneAdmin = { ...plan, administration: { ...plan.administration, admins: [elin.aadObjectId] } };
    const duties = new Set<string>();
    for (const state of [account('2026-01-15T13:00:00+01:00'), account('2026-01-15T13:00:00+01:00', [], timeLimited), account('2026-01-15T13:00:00+01:00', [], oneAdmin)]) {
      const nudges = between(state, '2026-01-15', '2035-12-31T23:59');
      for (const n of nudges) duties.add(n.duty);
      expect(nudges.filter((n) => !periodBegun(state, n.duty, n.period, n.at)).map(nudgeKey)).toEqual([]);
    }
    expect(duties).toEqual(new Set(['archive', 'evaluation', 'activity', 'login', 'ended', 'admins']));
  });

  it('R11: a pause (a summer break) moves the activity check to 60 days after it ends, and is at most 120 days', () => {
    const base = account('2026-11-02T10:00:00+01:00');
    const pause = (until: string) => decide({ type: 'PauseActivity', meta: { actor: elin, now: '2026-12-20T10:00:00+01:00' }, until }, base);
    expect(pause('2027-06-30')).toMatchObject({ ok: false, reason: 'badDates' });
    // Not a day of the calendar, though Date.parse would read it as 2 March.
    expect(pause('2027-02-30')).toMatchObject({ ok: false, reason: 'badDates' });
    const paused = pause('2027-02-01');
    if (!paused.ok) throw new Error('refused');
    const state = paused.events.reduce(evolve, base);
    expect(of(between(state, '2026-11-02', '2027-05-01'), 'activity')).toEqual(['2027-04-02 L0 2027-04-02 08:00 owner', '2027-04-02 L1 2027-04-16 08:00 escalation']);
  });

  it('R15: a snooze moves the reminder to its end, but never past the escalation', () => {
    const base = account('2026-11-02T10:00:00+01:00');
    const snooze = (until: string) =>
      decide({ type: 'SnoozeDuty', meta: { actor: elin, now: '2027-01-04T09:00:00+01:00' }, duty: 'archive', period: '2026-H2', until, latest: '2027-02-01T08:00:00+01:00' }, base);
    expect(snooze('2027-02-10T08:00:00+01:00')).toMatchObject({ ok: false, reason: 'badDates' });
    const snoozed = snooze('2027-01-20T08:00:00+01:00');
    if (!snoozed.ok) throw new Error('refused');
    const state = snoozed.events.reduce(evolve, base);
    expect(of(between(state, '2027-01-04T08:30', '2027-02-28'), 'archive')).toEqual(['2026-H2 L10 2027-01-20 08:00 owner', '2026-H2 L2 2027-02-01 08:00 escalation']);
  });

  it('R14: a named substitute hears when the absence starts; the owner cannot name themself', () => {
    const base = account('2026-11-02T10:00:00+01:00');
    const meta = { actor: elin, now: '2027-06-01T10:00:00+02:00' };
    const aida = { aadObjectId: users.admin.aadObjectId, name: users.admin.name };
    expect(decide({ type: 'RegisterAbsence', meta, from: '2027-07-10', to: '2027-08-01', substitute: elin }, base)).toMatchObject({ ok: false, reason: 'notAllowed' });
    expect(decide({ type: 'RegisterAbsence', meta, from: '2027-08-01', to: '2027-07-10' }, base)).toMatchObject({ ok: false, reason: 'badDates' });
    expect(decide({ type: 'RegisterAbsence', meta, from: '2027-13-01', to: '2027-13-02' }, base)).toMatchObject({ ok: false, reason: 'badDates' });
    expect(decide({ type: 'RegisterAbsence', meta, from: '2027-05-01', to: '2027-05-31' }, base)).toMatchObject({ ok: false, reason: 'badDates' });
    const away = decide({ type: 'RegisterAbsence', meta, from: '2027-07-10', to: '2027-08-01', substitute: aida }, base);
    if (!away.ok) throw new Error('refused');
    expect(of(between(away.events.reduce(evolve, base), '2027-06-01', '2027-08-01'), 'substitute')).toEqual(['2027-07-10 L0 2027-07-12 08:00 substitute']);
  });

  it('monitoring only has no account duties, and closed or draft assignments have none at all', () => {
    const monitoring = eventsTo('m1', monitoringPlan, 'active', '2026-11-02T10:00:00+01:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    expect(between(monitoring, '2026-11-02', '2028-12-31')).toEqual([]);
    const closed = eventsTo('c1', plan, 'closed', '2026-11-02T10:00:00+01:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    expect(between(closed, '2026-11-02', '2028-12-31')).toEqual([]);
    const draft = eventsTo('d1', plan, 'draft').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    expect(nextNudgeAfter(draft, at('2026-11-02'))).toBeUndefined();
  });

  it('every nudge of ten years (2026–2035) falls in office hours on a working day, never on a holiday, eve off or DST Sunday', () => {
    const state = account('2026-01-15T13:00:00+01:00');
    const nudges = between(state, '2026-01-15', '2035-12-31T23:59');
    const holidays = new Set(Array.from({ length: 10 }, (_, i) => [...daysOff(2026 + i).keys()]).flat());
    expect(nudges.length).toBeGreaterThan(80);
    for (const n of nudges) {
      const when = DateTime.fromISO(n.at).setZone(zone);
      expect({ key: nudgeKey(n), working: isWorkingDay(when), holiday: holidays.has(when.toISODate() ?? ''), hour: when.hour >= 8 && when.hour < 17 }).toEqual({
        key: nudgeKey(n),
        working: true,
        holiday: false,
        hour: true,
      });
    }
    // 19 half-year turns (1 July 2026 … 1 July 2035), each asked for on the first working morning on or after the turn.
    const turns = nudges.filter((n) => n.duty === 'archive' && n.level === 0);
    expect(turns).toHaveLength(19);
    for (const n of turns) {
      const when = DateTime.fromISO(n.at).setZone(zone);
      let expected = at(`${when.year}-${when.month <= 6 ? '01' : '07'}-01T08:00`);
      while (!isWorkingDay(expected)) expected = expected.plus({ days: 1 });
      expect(when.toISO()).toBe(expected.toISO());
    }
  });

  it('every nudge of ten years is still due when it is sent, judged at its own instant (what the sender checks)', () => {
    const state = account('2026-01-15T13:00:00+01:00');
    const nudges = between(state, '2026-01-15', '2035-12-31T23:59');
    expect(nudges.filter((n) => !stillDue(state, n)).map(nudgeKey)).toEqual([]);
    // Pushed past a weekend: the escalation of 2026-H2 is due on Sunday 31 January 2027 and goes out on Monday.
    expect(nudges.map(nudgeKey)).toContain('a1|archive|2026-H2|2');
  });

  it('a year cut into any windows gives the same nudges as one window (what the sweep relies on)', () => {
    const state = account('2026-11-02T10:00:00+01:00');
    const whole = between(state, '2026-11-02', '2027-12-31');
    const cuts = ['2026-11-02', '2027-01-04T08:00', '2027-01-04T08:00:00.001', '2027-03-17T13:13', '2027-07-01T08:00', '2027-10-19T07:59', '2027-12-31'];
    const pieces = cuts.slice(1).flatMap((to, i) => between(state, cuts[i] ?? '', to));
    expect(pieces.map(nudgeKey)).toEqual(whole.map(nudgeKey));
  });

  it('finds the next nudge, and lists what is overdue for an escalation', () => {
    // The communicator's login confirmed on the first day (R10), so what remains are the account's rhythms.
    const state = account('2026-11-02T10:00:00+01:00', [{ type: 'DutyCompleted', by: elin, at: '2026-11-02T11:00:00+01:00', duty: 'login', period: '2026-11-02', evidence: { kind: 'confirmed' } }]);
    // The activity check and the archive snapshot both fall on the first working morning of 2027.
    expect(nextNudgeAfter(state, at('2026-11-02T10:00'))).toMatchObject({ duty: 'activity', period: '2027-01-01', level: 0, at: '2027-01-04T07:00:00.000Z' });
    expect(nextNudgeAfter(state, at('2027-01-04T08:00'))).toMatchObject({ level: 1, at: '2027-01-15T07:00:00.000Z' });
    expect(overdue(state, at('2027-02-01T09:00'))).toEqual([
      { duty: 'activity', period: '2027-01-01', due: '2027-01-01' },
      { duty: 'archive', period: '2026-H2', due: '2027-01-01' },
    ]);
  });
});
