import { peopleNamed } from '../../domain/activityPlan';
import type { Assignment, PersonRef } from '../../domain/assignment';
import type { Locale } from '../../domain/locale';
import type { FlowDeps } from '../deps';
import type { PlanView } from './view';

/** What the plan flow reads. */
export type PlanDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'platforms' | 'platformHosts' | 'sourceHosts' | 'planningTemplateUrl' | 'clock' | 'newId' | 'run'>;

/** Whom an assignment names: the applicant, the chief it went to, its admins and substitute, a proposed owner. */
function peopleIn(a: Assignment): string[] {
  const steps = [a.draft, ...(a.plan ? [a.plan] : [])];
  const chiefs = steps.map((s) => (s.who as { chiefAadObjectId?: unknown } | undefined)?.chiefAadObjectId).filter((id): id is string => typeof id === 'string');
  return [a.applicant.aadObjectId, ...chiefs, ...steps.flatMap((s) => peopleNamed((s as { administration?: unknown }).administration)), ...(a.status === 'active' && a.pendingOwner ? [a.pendingOwner.person.aadObjectId] : [])];
}

/**
 * What plan cards about `about.assignments` need, in `locale`: the departments and platforms to
 * choose from, and the people the cards name (those of the assignments, their applicants'
 * managers, the departments' communicators, and `about.people`), each read by id: never the whole
 * directory.
 */
export async function loadView(
  deps: Pick<PlanDeps, 'directory' | 'platforms'> & Partial<Pick<PlanDeps, 'platformHosts' | 'sourceHosts' | 'planningTemplateUrl'>>,
  locale: Locale,
  about: { readonly assignments?: readonly Assignment[]; readonly people?: readonly (string | undefined)[] } = {},
): Promise<PlanView> {
  const assignments = about.assignments ?? [];
  const departments = await deps.directory.allDepartments();
  const communicators = departments.filter((d) => assignments.some((a) => departmentOf(a) === d.id)).map((d) => d.communicatorAadObjectId);
  const first = [...assignments.flatMap(peopleIn), ...communicators, ...(about.people ?? [])].filter((id): id is string => typeof id === 'string');
  const people = await deps.directory.peopleById(first);
  const managers = assignments.map((a) => people.get(a.applicant.aadObjectId)?.chiefAadObjectId).filter((id): id is string => id !== undefined && !people.has(id));
  for (const [id, person] of await deps.directory.peopleById(managers)) people.set(id, person);
  return { locale, departments, people, platforms: deps.platforms, platformHosts: deps.platformHosts ?? {}, sourceHosts: deps.sourceHosts ?? [], ...(deps.planningTemplateUrl ? { planningTemplateUrl: deps.planningTemplateUrl } : {}) };
}

const departmentOf = (a: Assignment): unknown => (a.draft.who as { departmentId?: unknown } | undefined)?.departmentId;

export const metaOf = (deps: Pick<FlowDeps, 'clock'>, actor: PersonRef) => ({ actor, now: deps.clock().toISOString() });
