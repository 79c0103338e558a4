import type { PlanChoices } from '../../bot/domain/activityPlan';
import { waitingStep, type Approvers } from '../../bot/domain/approval';
import { decide, evolve, type Assignment, type Command, type Event } from '../../bot/domain/assignment';

const elin = { aadObjectId: 'elin', name: 'Elin Ek' };
const karim = { aadObjectId: 'karim', name: 'Karim Berg' };
const sara = { aadObjectId: 'sara', name: 'Sara Lind' };
const johan = { aadObjectId: 'johan', name: 'Johan Nilsson' };
const nora = { aadObjectId: 'nora', name: 'Nora Sjöberg' };
const approvers: Approvers = { chief: 'karim', communicator: 'sara', commsChief: 'johan' };
const t = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const choices: PlanChoices = { applicantAadObjectId: 'elin', departmentIds: ['kf'], chief: 'karim', platforms: ['Instagram'], people: new Map([elin, nora].map((p) => [p.aadObjectId, { ...p, email: '', departmentId: 'kf', title: '' }])) };

const account = {
  kind: 'account' as const,
  who: { kind: 'account' as const, departmentId: 'kf', chiefAadObjectId: 'karim' },
  channel: { platform: 'Instagram', accountName: 'Fritid Botkyrka', accountUrl: 'https://instagram.com/fritid', startDate: '2026-11-01' },
  purpose: { purpose: 'Aktiviteter', audience: 'Unga', goals: ['200 följare'], complement: 'Webben först', sourceUrl: 'https://www.botkyrka.se/fritid' },
  administration: { admins: ['elin', 'nora'], loginStorage: 'Lösenordshanteraren', substitute: 'nora' },
  commitments: {
    knowsMedium: true as const, hasTime: true as const, knowsGuidelines: true as const,
    linksToSource: true as const,
    communicatorHasLogin: true as const,
    answersWithin48h: true as const,
    removesPostsWithin48h: true as const,
    publishesModerationNotice: true as const,
    followsGraphicProfile: true as const,
    followsLegalTerms: true as const,
  },
};
const monitoring = {
  kind: 'monitoring' as const,
  who: { kind: 'monitoring' as const, departmentId: 'kf', chiefAadObjectId: 'karim' },
  purpose: { purpose: 'Bevaka' },
  commitments: { knowsMedium: true as const, hasTime: true as const, knowsGuidelines: true as const, followsLegalTerms: true as const },
};

const submitted = (plan: typeof account | typeof monitoring): Event[] => [
  { type: 'PlanStarted', id: 'a1', applicant: elin, at: t(1), draft: plan },
  { type: 'PlanSubmitted', version: 1, plan, at: t(2), by: elin },
];

function run(events: Event[], ...commands: Command[]) {
  let state = events.reduce<Assignment | undefined>(evolve, undefined);
  const decisions = commands.map((command) => {
    const decision = decide(command, state);
    if (decision.ok) state = decision.events.reduce<Assignment | undefined>(evolve, state);
    return decision;
  });
  return { state: state!, decisions };
}

const approve = (actor: typeof elin, day: number, version = 1): Command => ({ type: 'ApprovePlan', meta: { actor, now: t(day), version, approvers } });

describe('approvals', () => {
  it('R1: an account plan is approved by the chief, then the communicator, then the communications chief', () => {
    const afterChief = run(submitted(account), approve(karim, 3));
    expect(afterChief.state.status).toBe('awaiting_communicator');
    const afterSara = run(submitted(account), approve(karim, 3), approve(sara, 4));
    expect(afterSara.state.status).toBe('awaiting_comms_chief');

    const { state } = run(submitted(account), approve(karim, 3), approve(sara, 4), approve(johan, 5));

    expect(state).toMatchObject({ status: 'active', activatedAt: t(5), planVersion: 1 });
  });

  it('R3: a plan approved before its start date is active from the start of that day', () => {
    const later = { ...account, channel: { ...account.channel, startDate: '2027-01-10' } };
    const { state } = run(submitted(later), approve(karim, 3), approve(sara, 4), approve(johan, 5));
    expect(state).toMatchObject({ status: 'active', activatedAt: '2027-01-10T00:00:00.000+01:00' });
  });

  it('R2: a monitoring-only plan is active once the chief approves', () => {
    const { state } = run(submitted(monitoring), approve(karim, 3));

    expect(state).toMatchObject({ status: 'active', activatedAt: t(3) });
  });

  it.each([
    ['a colleague', nora, 'notApprover'],
    ['the applicant on their own plan', elin, 'ownPlan'],
    ['the communicator before the chief', sara, 'notApprover'],
  ])('R1: refuses %s', (_, actor, reason) => {
    const { state, decisions } = run(submitted(account), approve(actor, 3));

    expect(decisions[0]).toMatchObject({ ok: false, reason });
    expect(state.status).toBe('awaiting_chief');
  });

  it('R1: the applicant cannot approve their own plan at a later step either, even as communicator', () => {
    const { decisions } = run(submitted(account), approve(karim, 3), {
      type: 'ApprovePlan',
      meta: { actor: elin, now: t(4), version: 1, approvers: { chief: 'karim', communicator: 'elin', commsChief: 'johan' } },
    });

    expect(decisions[1]).toMatchObject({ ok: false, reason: 'ownPlan' });
  });

  it('R4: refuses a decision on an old plan version, and one on a plan no longer waiting', () => {
    expect(run(submitted(account), approve(karim, 3, 0)).decisions[0]).toMatchObject({ ok: false, reason: 'oldVersion' });
    expect(run(submitted(monitoring), approve(karim, 3), approve(karim, 4)).decisions[1]).toMatchObject({ ok: false, reason: 'notWaiting' });
  });

  it('R4: refuses a decision made on a card for a step that is over', () => {
    const { decisions } = run(submitted(account), approve(karim, 3), {
      type: 'ApprovePlan',
      meta: { actor: sara, now: t(4), version: 1, step: 'chief', approvers },
    });

    expect(decisions[1]).toMatchObject({ ok: false, reason: 'notWaiting' });
  });

  it('R1: asking for changes needs a comment, and sends the plan back to the applicant to edit', () => {
    const meta = { actor: karim, now: t(3), version: 1, approvers };
    const refused = run(submitted(account), { type: 'RequestChanges', meta, comment: '   ' });
    expect(refused.decisions[0]).toMatchObject({ ok: false, reason: 'commentRequired' });

    const { state } = run(submitted(account), { type: 'RequestChanges', meta, comment: 'Lägg till ett mål om svarstid.' });

    expect(state).toMatchObject({ status: 'changes_requested', comment: 'Lägg till ett mål om svarstid.', decidedBy: karim });
  });

  it('R1: a changed plan is sent as version 2 and goes to the chief again', () => {
    const meta = { actor: karim, now: t(3), version: 1, approvers };
    const requested = run(submitted(account), { type: 'RequestChanges', meta, comment: 'Fler mål.' }).state;
    const goals = { ...account.purpose, goals: ['200 följare', 'Svar inom 24 timmar'] };

    const { state, decisions } = run(
      [...submitted(account), { type: 'ChangesRequested', step: 'chief', version: 1, by: karim, at: t(3), comment: 'Fler mål.' }],
      { type: 'SaveStep', meta: { actor: elin, now: t(4), revision: requested.revision }, step: 'purpose', answers: goals, then: 'review' },
      { type: 'SubmitPlan', meta: { actor: elin, now: t(4), revision: requested.revision + 1 }, choices },
      approve(karim, 5, 1),
    );

    expect(decisions.map((d) => d.ok)).toEqual([true, true, false]);
    expect(decisions[2]).toMatchObject({ reason: 'oldVersion' });
    expect(state).toMatchObject({ status: 'awaiting_chief', planVersion: 2, plan: { purpose: { goals: ['200 följare', 'Svar inom 24 timmar'] } } });
  });

  it('R1: a rejection needs a comment and ends the plan', () => {
    const { state } = run(submitted(account), { type: 'RejectPlan', meta: { actor: karim, now: t(3), version: 1, approvers }, comment: 'Vi har redan ett konto.' });

    expect(state).toMatchObject({ status: 'rejected', comment: 'Vi har redan ett konto.' });
    expect(decide(approve(karim, 4), state)).toMatchObject({ ok: false, reason: 'notWaiting' });
  });

  it('R4: a plan an approver has seen can be changed but not cancelled', () => {
    const { state } = run(submitted(account), { type: 'RequestChanges', meta: { actor: karim, now: t(3), version: 1, approvers }, comment: 'Ändra' });

    expect(decide({ type: 'CancelDraft', meta: { actor: elin, now: t(4), revision: state.revision } }, state)).toMatchObject({ ok: false, reason: 'notDraft' });
  });
});

/** R6: changing an approved plan (planChange.ts): the same questionnaire, a new version, the approval steps. */
describe('changing an approved plan', () => {
  const approveV = (actor: typeof elin, day: number, version: number): Command => ({ type: 'ApprovePlan', meta: { actor, now: t(day), version, approvers } });
  const activeEvents: Event[] = [
    ...submitted(account),
    { type: 'PlanApproved', step: 'chief', version: 1, by: karim, at: t(3) },
    { type: 'PlanApproved', step: 'communicator', version: 1, by: sara, at: t(3) },
    { type: 'PlanApproved', step: 'commschief', version: 1, by: johan, at: t(3) },
  ];
  function runOn(...commands: ((s: Assignment) => Command)[]) {
    let state = activeEvents.reduce<Assignment | undefined>(evolve, undefined)!;
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
  const goals = save('purpose', { ...account.purpose, goals: ['300 följare'] });

  it('R6: a change of goals is version 2, decided by the chief alone; the version in force runs meanwhile', () => {
    const sent = runOn(start(), goals, submit());
    expect(sent.decisions.map((d) => d.ok)).toEqual([true, true, true]);
    expect(sent.state.planVersion).toBe(1);
    expect(waitingStep(sent.state)).toBe('chief');
    const decided = runOn(start(), goals, submit(), () => approveV(karim, 7, 2));
    expect(decided.decisions[3]).toMatchObject({ ok: true, events: [{ type: 'ChangeApproved', version: 2 }] });
    expect(decided.state).toMatchObject({ status: 'active', planVersion: 2, plan: { purpose: { goals: ['300 följare'] } } });
  });

  it('R1, R3: a change of purpose goes through the chief, the communicator and the communications chief', () => {
    const { state, decisions } = runOn(start(), save('purpose', { ...account.purpose, purpose: 'Nytt syfte' }), submit(), () => approveV(karim, 7, 2), () => approveV(sara, 7, 2));
    expect(decisions.every((d) => d.ok)).toBe(true);
    expect(waitingStep(state)).toBe('commschief');
    expect(state.plan?.purpose.purpose).toBe('Aktiviteter');
  });

  it('R6: a refused change leaves version 1 in force; the next change is version 3; nothing changed, or someone else, is refused', () => {
    const reject: (s: Assignment) => Command = () => ({ type: 'RejectPlan', meta: { actor: karim, now: t(7), version: 2, approvers }, comment: 'Nej' });
    const { state } = runOn(start(), goals, submit(), reject);
    expect(state).toMatchObject({ planVersion: 1, plan: { purpose: { goals: ['200 följare'] } } });
    const again = runOn(start(), goals, submit(), reject, start(karim), save('channel', { ...account.channel, endDate: '2027-06-30' }, karim), submit(karim));
    expect(again.decisions[6]).toMatchObject({ ok: true, events: [{ type: 'ChangeSubmitted', version: 3, changed: ['channel.endDate'], route: 'chief' }] });
    expect(runOn(start(), submit()).decisions[1]).toMatchObject({ ok: false, reason: 'unchanged' });
    expect(runOn(start(nora)).decisions[0]).toMatchObject({ ok: false, reason: 'notYours' });
  });
});
