import { evolve, type Assignment, type Event, type PersonRef } from '../../bot/domain/assignment';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import type { AssignmentStore } from '../../bot/store/assignments';
import type { RegisterStore } from '../../bot/store/register';
import { users } from '../../dev/roles';
import { confirmedCommitments } from './samplePlan';

const person = (role: keyof typeof users): PersonRef => ({ aadObjectId: users[role].aadObjectId, name: users[role].name });

export function accountPlan(
  channel: { platform: string; accountName: string; accountUrl?: string },
  purpose = 'Berätta om verksamheten.',
  audience = 'Invånare i Botkyrka',
  departmentId = 'kultur-fritid',
): ActivityPlan {
  return {
    kind: 'account',
    who: { kind: 'account', departmentId, chiefAadObjectId: users.chief.aadObjectId },
    channel: { accountUrl: 'https://example.org/konto', startDate: '2026-01-10', ...channel },
    purpose: { purpose, audience, goals: ['Mål'], complement: 'Webben först', sourceUrl: 'https://www.botkyrka.se' },
    administration: { admins: [users.employee.aadObjectId, users.admin.aadObjectId], loginStorage: 'Lösenordshanteraren', substitute: users.admin.aadObjectId },
    commitments: confirmedCommitments,
  };
}

export const monitoringPlan: ActivityPlan = {
  kind: 'monitoring',
  who: { kind: 'monitoring', departmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId },
  purpose: { purpose: 'Bevaka' },
  commitments: { knowsMedium: true, hasTime: true, knowsGuidelines: true, followsLegalTerms: true },
};

export type Stage = 'draft' | 'awaiting_chief' | 'awaiting_communicator' | 'changes_requested' | 'rejected' | 'active' | 'closed';

/** The events that bring a plan to `stage`, as the real flow would record them. */
export function eventsTo(id: string, plan: ActivityPlan, stage: Stage, at = '2026-11-02T09:00:00.000Z'): Event[] {
  const elin = person('employee');
  const decided = { version: 1, at };
  const events: Event[] = [{ type: 'PlanStarted', id, applicant: elin, at, draft: plan }];
  if (stage === 'draft') return events;
  events.push({ type: 'PlanSubmitted', version: 1, plan, at, by: elin });
  if (stage === 'changes_requested') return [...events, { type: 'ChangesRequested', step: 'chief', by: person('chief'), comment: 'Ändra', ...decided }];
  if (stage === 'rejected') return [...events, { type: 'PlanRejected', step: 'chief', by: person('chief'), comment: 'Nej', ...decided }];
  if (stage === 'awaiting_chief') return events;
  events.push({ type: 'PlanApproved', step: 'chief', by: person('chief'), ...decided });
  if (stage === 'awaiting_communicator' || plan.kind === 'monitoring') return events;
  events.push({ type: 'PlanApproved', step: 'communicator', by: person('communicator'), ...decided });
  events.push({ type: 'PlanApproved', step: 'commschief', by: person('commschief'), ...decided });
  if (stage === 'active') return events;
  const checklist = { finalSnapshot: { kind: 'reference', reference: 'KA 2026/99' }, closedOnPlatform: true, followersPointedToWebsite: true } as const;
  return [...events, { type: 'AccountClosed', by: elin, at, checklist }];
}

/** Stores an assignment brought to `stage`, and its register row, the way the lifecycle does. */
export async function seed(stores: { assignments: AssignmentStore; register: RegisterStore }, id: string, plan: ActivityPlan, stage: Stage): Promise<Assignment> {
  const state = eventsTo(id, plan, stage).reduce<Assignment | undefined>(evolve, undefined) as Assignment;
  await stores.assignments.create(state);
  await stores.register.sync(state);
  return state;
}
