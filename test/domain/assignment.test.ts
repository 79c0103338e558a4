import type { PlanChoices } from '../../bot/domain/activityPlan';
import { decide, evolve, stepAfter, stepBefore, type Assignment, type Command, type Event } from '../../bot/domain/assignment';

const elin = { aadObjectId: 'elin', name: 'Elin Ek' };
const karim = { aadObjectId: 'karim', name: 'Karim Berg' };
const now = '2026-11-23T09:00:00.000Z';
const later = '2026-11-24T10:30:00.000Z';
const choices: PlanChoices = { applicantAadObjectId: 'elin', departmentIds: ['kultur-fritid'], chief: 'karim', platforms: ['Instagram'], people: new Map() };

const monitoringDraft = {
  kind: 'monitoring' as const,
  who: { kind: 'monitoring', departmentId: 'kultur-fritid', chiefAadObjectId: 'karim' },
  purpose: { purpose: 'Följa vad som skrivs om fritidsgårdarna.' },
  commitments: { knowsMedium: true, hasTime: true, knowsGuidelines: true, followsLegalTerms: true },
};

/** Given these events, when the command is decided: the events it produces, folded onto the state. */
function given(...events: Event[]) {
  const state = events.reduce<Assignment | undefined>(evolve, undefined);
  return {
    state,
    when: (command: Command) => {
      const decision = decide(command, state);
      return { decision, state: decision.ok ? decision.events.reduce<Assignment | undefined>(evolve, state) : state };
    },
  };
}

const started: Event = { type: 'PlanStarted', id: 'a1', applicant: elin, at: now, draft: monitoringDraft };

describe('assignment: the applicant\'s part of the lifecycle', () => {
  it('R1: starting a plan makes a draft at the first step, revision 1', () => {
    const { state } = given().when({ type: 'StartPlan', meta: { actor: elin, now }, id: 'a1', draft: { kind: 'account' } });

    expect(state).toMatchObject({ id: 'a1', status: 'draft', step: 'who', revision: 1, planVersion: 0, applicant: elin, createdAt: now });
  });

  it('R1: saving a step stores the answers, moves on and counts a revision', () => {
    const { state } = given(started).when({
      type: 'SaveStep',
      meta: { actor: elin, now: later, revision: 1 },
      step: 'purpose',
      answers: { purpose: 'Ny text' },
      then: 'commitments',
    });

    expect(state).toMatchObject({ revision: 2, step: 'commitments', draft: { purpose: { purpose: 'Ny text' } } });
  });

  it('R1: submitting a complete plan freezes version 1 and waits for the chief', () => {
    const { decision, state } = given(started).when({ type: 'SubmitPlan', meta: { actor: elin, now: later, revision: 1 }, choices });

    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'PlanSubmitted', version: 1, plan: monitoringDraft, at: later, by: elin }],
    });
    expect(state).toMatchObject({ status: 'awaiting_chief', planVersion: 1, submittedAt: later });
  });

  it('R1: refuses to submit an incomplete plan, naming what is missing', () => {
    const { decision } = given({ ...started, draft: { kind: 'account' } } as Event).when({
      type: 'SubmitPlan',
      meta: { actor: elin, now: later, revision: 1 },
      choices,
    });

    expect(decision).toMatchObject({ ok: false, reason: 'incomplete' });
    expect(!decision.ok && decision.reason === 'incomplete' && decision.problems.map((p) => p.field)).toEqual([
      'who',
      'channel',
      'purpose',
      'administration',
      'commitments',
    ]);
  });

  it.each([
    ['someone else', { actor: karim, now: later, revision: 1 }, 'notYours'],
    ['an old card', { actor: elin, now: later, revision: 0 }, 'stale'],
  ])('R4: refuses %s', (_, meta, reason) => {
    expect(given(started).when({ type: 'CancelDraft', meta }).decision).toMatchObject({ ok: false, reason });
  });

  it('R4: refuses to change a plan that has been sent', () => {
    const sent = given(started).when({ type: 'SubmitPlan', meta: { actor: elin, now: later, revision: 1 }, choices }).state!;

    expect(decide({ type: 'OpenStep', meta: { actor: elin, now: later, revision: sent.revision }, to: 'who' }, sent)).toEqual({
      ok: false,
      reason: 'notDraft',
      status: 'awaiting_chief',
    });
  });

  it('refuses to act on an assignment that does not exist, and to start one twice', () => {
    expect(decide({ type: 'CancelDraft', meta: { actor: elin, now, revision: 1 } }, undefined)).toEqual({ ok: false, reason: 'notFound' });
    expect(given(started).when({ type: 'StartPlan', meta: { actor: elin, now }, id: 'a1', draft: { kind: 'account' } }).decision).toMatchObject({
      ok: false,
      reason: 'stale',
    });
  });

  it('cancelling keeps the draft, marked cancelled', () => {
    const { state } = given(started).when({ type: 'CancelDraft', meta: { actor: elin, now: later, revision: 1 } });

    expect(state).toMatchObject({ status: 'cancelled', cancelledAt: later, draft: monitoringDraft });
  });

  it('R2: steps run in the order of the plan\'s kind', () => {
    expect(stepAfter('account', 'who')).toBe('channel');
    expect(stepAfter('monitoring', 'who')).toBe('purpose');
    expect(stepAfter('monitoring', 'commitments')).toBe('review');
    expect(stepBefore('monitoring', 'review')).toBe('commitments');
    expect(stepBefore('account', 'who')).toBeUndefined();
  });
});

describe('assignment: the applicant and the chief fill in the plan together (R1, R6)', () => {
  const asked: Event = { type: 'ChiefAsked', chief: karim, by: elin, at: now };
  const karimSaves = (revision: number, chief: string | undefined = 'karim'): Command => ({
    type: 'SaveStep',
    meta: { actor: karim, now: later, revision, chief },
    step: 'purpose',
    answers: { purpose: 'Följa vad unga skriver om fritidsgårdarna.' },
    then: 'review',
  });

  it('R1: asked, the chief changes a step: recorded as theirs with the fields changed, and the applicant stays where they were', () => {
    const { decision, state } = given(started, asked).when(karimSaves(2));

    expect(decision).toMatchObject({ ok: true, events: [{ type: 'StepSaved', by: karim, changed: [{ step: 'purpose', field: 'purpose' }] }] });
    expect(state).toMatchObject({ step: 'who', revision: 3, chiefChanges: { by: karim, fields: [{ step: 'purpose', field: 'purpose' }] } });
  });

  it('R1: the chief unasked, someone who is not the chief now, and the chief sending are refused', () => {
    expect(given(started).when(karimSaves(1)).decision).toMatchObject({ ok: false, reason: 'notYours' });
    expect(given(started, asked).when(karimSaves(2, 'sara')).decision).toMatchObject({ ok: false, reason: 'notYours' });
    expect(given(started, asked).when({ type: 'SubmitPlan', meta: { actor: karim, now: later, revision: 2 }, choices }).decision).toMatchObject({ ok: false, reason: 'notYours' });
    expect(given(started).when({ type: 'AskChief', meta: { actor: elin, now: later, revision: 1 } }).decision).toMatchObject({ ok: false, reason: 'noChief' });
  });

  it('R1, R4: the chief approves a corrected plan as a new version; a correction that is not complete, or none, changes nothing', () => {
    const submitted = { type: 'PlanSubmitted', version: 1, plan: monitoringDraft, at: now, by: elin } as Event;
    const approve = (): Command => ({ type: 'ApproveCorrected', meta: { actor: karim, now: later, version: 1, step: 'chief', approvers: { chief: 'karim' } }, choices: { ...choices, chief: 'karim' } });
    const corrected = given(started, submitted).when(karimSaves(2));
    const { decision, state } = given(started, submitted, ...(corrected.decision.ok ? corrected.decision.events : [])).when(approve());

    expect(decision).toMatchObject({ ok: true, events: [{ type: 'PlanCorrected', version: 2, changed: [{ step: 'purpose', field: 'purpose' }], by: karim }, { type: 'PlanApproved', version: 2, step: 'chief' }] });
    expect(state).toMatchObject({ status: 'active', planVersion: 2, plan: { purpose: { purpose: 'Följa vad unga skriver om fritidsgårdarna.' } } });
    expect(given(started, submitted).when(approve()).decision).toMatchObject({ ok: false, reason: 'nothingCorrected' });
    const emptied: Event = { type: 'StepSaved', step: 'purpose', answers: { purpose: '' }, then: 'review', at: later, by: karim, changed: [{ step: 'purpose', field: 'purpose' }] };
    expect(given(started, submitted, emptied).when(approve()).decision).toMatchObject({ ok: false, reason: 'incomplete' });
  });
});
