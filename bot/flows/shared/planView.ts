import { peopleNamed } from '../../domain/activityPlan';
import type { Assignment } from '../../domain/assignment';
import type { NoticeStyle } from '../../../cards';
import type { Department, Person } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';

/** What every plan card needs besides the assignment: language and the lists to choose from. */
export interface PlanView {
  readonly locale: Locale;
  readonly departments: readonly Department[];
  /** The people these cards name, by id: looked up one by one, never the whole directory. */
  readonly people: ReadonlyMap<string, Person>;
  readonly platforms: readonly string[];
  readonly platformHosts: Readonly<Record<string, readonly string[]>>;
  readonly sourceHosts: readonly string[];
  /** R6: the municipality's template for communication planning, if the setting names one. */
  readonly planningTemplateUrl?: string;
}

/** A person's name as the cards show it; an id not in the directory (a plan kept names before the people pickers) as it is. */
export const nameIn = (view: PlanView, id: string): string => view.people.get(id)?.name ?? id;

export interface Shown {
  readonly notice?: string;
  readonly noticeStyle?: NoticeStyle;
}

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

/** The department a plan is for, as its draft says (an active account's draft is the plan it was approved with). */
export const departmentOf = (a: Pick<Assignment, 'draft'>): unknown => (a.draft.who as { departmentId?: unknown } | undefined)?.departmentId;


/** How a plan is named in lists and messages: its account, or what kind of plan it is. */
export function planTitle(locale: Locale, assignment: Assignment): string {
  const t = texts(locale).plan.mine;
  if (assignment.draft.kind === 'monitoring') return t.monitoring;
  const channel = assignment.draft.channel as { accountName?: string; platform?: string } | undefined;
  return channel?.accountName ? `${channel.accountName} (${channel.platform})` : t.untitled;
}
