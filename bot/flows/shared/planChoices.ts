import type { Choice } from '../../../cards';
import type { PlanChoices } from '../../domain/activityPlan';
import type { Assignment } from '../../domain/assignment';
import { chiefOf } from '../../domain/directory';
import { departmentOf, type PlanView } from './planView';

/**
 * What the applicant may choose from, as the domain validates it, for the plan of `assignment`: its
 * department's communicator (R10: added by Kanalkoll, never one of the two admins) from the plan as stored.
 */
export const planChoices = (view: PlanView, assignment: Pick<Assignment, 'applicant' | 'draft'>): PlanChoices => {
  const applicantAadObjectId = assignment.applicant.aadObjectId;
  const applicant = view.people.get(applicantAadObjectId);
  const manager = applicant?.chiefAadObjectId ? view.people.get(applicant.chiefAadObjectId) : undefined;
  const communicator = view.departments.find((d) => d.id === departmentOf(assignment))?.communicatorAadObjectId;
  return {
    applicantAadObjectId,
    departmentIds: view.departments.map((d) => d.id),
    chief: chiefOf(applicant, manager),
    ...(applicant?.departmentId ? { directoryDepartmentId: applicant.departmentId } : {}),
    platforms: [...view.platforms],
    platformHosts: view.platformHosts,
    sourceHosts: view.sourceHosts,
    people: view.people,
    ...(communicator ? { communicatorAadObjectId: communicator } : {}),
  };
};

/** The same lists as card choices. */
export const choicesFor = (view: PlanView): { departments: Choice[]; platforms: Choice[] } => ({
  departments: view.departments.map((d) => ({ title: d.name, value: d.id })),
  platforms: view.platforms.map((p) => ({ title: p, value: p })),
});
