import type { Choice } from '../../../cards';
import type { PlanChoices } from '../../domain/activityPlan';
import { chiefOf } from '../../domain/directory';
import type { PlanView } from './planView';

/** What the applicant may choose from, as the domain validates it. */
export const planChoices = (view: PlanView, applicantAadObjectId: string): PlanChoices => {
  const applicant = view.people.get(applicantAadObjectId);
  const manager = applicant?.chiefAadObjectId ? view.people.get(applicant.chiefAadObjectId) : undefined;
  return {
    applicantAadObjectId,
    departmentIds: view.departments.map((d) => d.id),
    chief: chiefOf(applicant, manager),
    ...(applicant?.departmentId ? { directoryDepartmentId: applicant.departmentId } : {}),
    platforms: [...view.platforms],
    platformHosts: view.platformHosts,
    sourceHosts: view.sourceHosts,
    people: view.people,
  };
};

/** The same lists as card choices. */
export const choicesFor = (view: PlanView): { departments: Choice[]; platforms: Choice[] } => ({
  departments: view.departments.map((d) => ({ title: d.name, value: d.id })),
  platforms: view.platforms.map((p) => ({ title: p, value: p })),
});
