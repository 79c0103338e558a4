import type { Choice } from '../../../cards';
import type { PlanChoices } from '../../domain/activityPlan';
import { isEnabled } from '../../domain/directory';
import type { PlanView } from './view';

/** What the applicant may choose from, as the domain validates it. */
export const planChoices = (view: PlanView, applicantAadObjectId: string): PlanChoices => ({
  applicantAadObjectId,
  departmentIds: view.departments.map((d) => d.id),
  people: view.people.filter(isEnabled).map((p) => p.aadObjectId),
  platforms: [...view.platforms],
});

/** The same lists as card choices. The applicant is left out of the chiefs to pick from. */
export const choicesFor = (view: PlanView, applicantAadObjectId: string): { departments: Choice[]; people: Choice[]; platforms: Choice[] } => ({
  departments: view.departments.map((d) => ({ title: d.name, value: d.id })),
  people: view.people.filter((p) => isEnabled(p) && p.aadObjectId !== applicantAadObjectId).map((p) => ({ title: `${p.name}, ${p.title}`, value: p.aadObjectId })),
  platforms: view.platforms.map((p) => ({ title: p, value: p })),
});
