import { planDiff, stepsChanged } from '../../bot/domain/planDiff';
import type { PlanDraft } from '../../bot/domain/activityPlan';

const approved: PlanDraft = {
  kind: 'account',
  who: { kind: 'account', departmentId: 'kultur', chiefAadObjectId: 'karim' },
  channel: { platform: 'instagram', accountName: 'Botkyrka bibliotek', accountUrl: 'https://www.instagram.com/botkyrkabibliotek', startDate: '2026-01-01' },
  purpose: { purpose: 'Visa bibliotekets program', audience: 'Unga vuxna', goals: ['500 följare i juni'], complement: 'Webben först', sourceUrl: 'https://www.botkyrka.se/bibliotek' },
};

describe('planDiff', () => {
  it('R6: finds no change between a version and itself', () => {
    expect(planDiff(approved, { ...approved })).toEqual([]);
  });

  it('R6: names each changed field with its value before and after, a new end date included', () => {
    const changed: PlanDraft = {
      ...approved,
      channel: { ...(approved.channel as object), endDate: '2027-06-30' },
      purpose: { ...(approved.purpose as object), goals: ['800 följare i juni', 'Svar inom 24 timmar'] },
    };
    expect(planDiff(approved, changed)).toEqual([
      { step: 'channel', field: 'endDate', before: undefined, after: '2027-06-30' },
      { step: 'purpose', field: 'goals', before: ['500 följare i juni'], after: ['800 följare i juni', 'Svar inom 24 timmar'] },
    ]);
    expect(stepsChanged(planDiff(approved, changed))).toEqual(['channel', 'purpose']);
  });

  it('R1: what the directory records (the chief) is not a change someone made', () => {
    expect(planDiff(approved, { ...approved, who: { kind: 'account', departmentId: 'kultur', chiefAadObjectId: 'someone-else' } })).toEqual([]);
  });
});
