import type { PlanChoices } from '../../bot/domain/activityPlan';
import type { Approvers } from '../../bot/domain/approval';
import { waitingStep } from '../../bot/domain/approval';
import { decide, evolve, type Assignment, type Command, type Event } from '../../bot/domain/assignment';

const elin = { aadObjectId: 'elin', name: 'Elin Ek' };
const karim = { aadObjectId: 'karim', name: 'Karim Berg' };
const sara = { aadObjectId: 'sara', name: 'Sara Lind' };
const johan = { aadObjectId: 'johan', name: 'Johan Nilsson' };
const nora = { aadObjectId: 'nora', name: 'Nora Sjöberg' };
const approvers: Approvers = { chief: 'karim', communicator: 'sara', commsChief: 'johan' };
const t = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const choices: PlanChoices = { applicantAadObjectId: 'elin', departmentIds: ['kf'], chief: 'karim', platforms: ['Instagram'], people: new Map([elin, nora].map((p) => [p.aadObjectId, { ...p, email: '', departmentId: 'kf', title: '' }])) };
const yes = true as const;
const plan = {
  kind: 'account' as const,
  who: { kind: 'account' as const, departmentId: 'kf', chiefAadObjectId: 'karim' },
  channel: { platform: 'Instagram', accountName: 'Fritid Botkyrka', accountUrl: 'https://instagram.com/fritid', startDate: '2026-11-01', endDate: '2027-03-31' },
  purpose: { purpose: 'Aktiviteter', audience: 'Unga', goals: ['200 följare'], complement: 'Webben först', sourceUrl: 'https://www.botkyrka.se/fritid' },
  administration: { admins: ['elin', 'nora'], loginStorage: 'Lösenordshanteraren', substitute: 'nora' },
  commitments: { knowsMedium: yes, hasTime: yes, knowsGuidelines: yes, linksToSource: yes, communicatorHasLogin: yes, answersWithin48h: yes, removesPostsWithin48h: yes, publishesModerationNotice: yes, followsGraphicProfile: yes, followsLegalTerms: yes },
};
const approve = (actor: typeof elin, day: number, version: number): Command => ({ type: 'ApprovePlan', meta: { actor, now: t(day), version, approvers } });
const active: Event[] = [
  { type: 'PlanStarted', id: 'a1', applicant: elin, at: t(1), draft: plan },
  { type: 'PlanSubmitted', version: 1, plan, at: t(2), by: elin },
  { type: 'PlanApproved', step: 'chief', version: 1, by: karim, at: t(3) },
  { type: 'PlanApproved', step: 'communicator', version: 1, by: sara, at: t(3) },
  { type: 'PlanApproved', step: 'commschief', version: 1, by: johan, at: t(3) },
];

function run(...commands: ((s: Assignment) => Command)[]) {
  let state = active.reduce<Assignment | undefined>(evolve, undefined)!;
  const decisions = commands.map((make) => {
    const decision = decide(make(state), state);
    if (decision.ok) state = decision.events.reduce<Assignment | undefined>(evolve, state)!;
    return decision;
  });
  return { state, decisions };
}

const start = (actor = elin): ((s: Assignment) => Command) => () => ({ type: 'StartChange', meta: { actor, now: t(5), chief: 'karim' }, step: 'purpose' });
const save = (step: 'purpose' | 'channel', answers: object, actor = elin): ((s: Assignment) => Command) => (s) => ({ type: 'SaveStep', meta: { actor, now: t(5), revision: s.revision, chief: 'karim' }, step, answers, then: 'review' });
const submit = (actor = elin): ((s: Assignment) => Command) => (s) => ({ type: 'SubmitPlan', meta: { actor, now: t(6), revision: s.revision, chief: 'karim' }, choices });

describe('changing an approved plan (domain)', () => {
  it('R6: a change of goals is version 2, decided by the chief alone; the version in force runs meanwhile', () => {
    const sent = run(start(), save('purpose', { ...plan.purpose, goals: ['300 följare'] }), submit());
    expect(sent.decisions.map((d) => d.ok)).toEqual([true, true, true]);
    expect(sent.state.planVersion).toBe(1);
    expect(waitingStep(sent.state)).toBe('chief');
    const decided = run(start(), save('purpose', { ...plan.purpose, goals: ['300 följare'] }), submit(), () => approve(karim, 7, 2));
    expect(decided.decisions[3]).toMatchObject({ ok: true, events: [{ type: 'ChangeApproved', version: 2 }] });
    expect(decided.state).toMatchObject({ status: 'active', planVersion: 2, change: undefined, plan: { purpose: { goals: ['300 följare'] } } });
  });

  it('R1, R3: a change of purpose goes through the chief, the communicator and the communications chief', () => {
    const { state, decisions } = run(start(), save('purpose', { ...plan.purpose, purpose: 'Nytt syfte' }), submit(), () => approve(karim, 7, 2), () => approve(sara, 7, 2));
    expect(decisions.every((d) => d.ok)).toBe(true);
    expect(waitingStep(state)).toBe('commschief');
    expect(state.plan?.purpose.purpose).toBe('Aktiviteter');
  });

  it('R6: a refused change leaves version 1 in force; the next change is version 3; nothing changed is refused', () => {
    const reject: (s: Assignment) => Command = () => ({ type: 'RejectPlan', meta: { actor: karim, now: t(7), version: 2, approvers }, comment: 'Nej' });
    const { state } = run(start(), save('purpose', { ...plan.purpose, goals: ['300 följare'] }), submit(), reject);
    expect(state).toMatchObject({ planVersion: 1, change: undefined, plan: { purpose: { goals: ['200 följare'] } } });
    const again = run(start(), save('purpose', { ...plan.purpose, goals: ['300 följare'] }), submit(), reject, start(karim), save('channel', { ...plan.channel, endDate: '2027-06-30' }, karim), submit(karim));
    expect(again.decisions[6]).toMatchObject({ ok: true, events: [{ type: 'ChangeSubmitted', version: 3, changed: ['channel.endDate'], route: 'chief' }] });
    expect(run(start(), submit()).decisions[1]).toMatchObject({ ok: false, reason: 'unchanged' });
    expect(run(start(nora)).decisions[0]).toMatchObject({ ok: false, reason: 'notYours' });
  });
});
