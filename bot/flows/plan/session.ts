import type { PersonRef } from '../../domain/assignment';
import type { Locale } from '../../domain/locale';
import type { FlowDeps } from '../deps';
import type { PlanView } from './view';

/** What the plan flow reads. */
export type PlanDeps = Pick<FlowDeps, 'assignments' | 'directory' | 'platforms' | 'clock' | 'newId' | 'run'>;

/** The lists plan cards choose from, in `locale`. */
export async function loadView(deps: Pick<PlanDeps, 'directory' | 'platforms'>, locale: Locale): Promise<PlanView> {
  const [departments, people] = await Promise.all([deps.directory.allDepartments(), deps.directory.everyone()]);
  return { locale, departments, people, platforms: deps.platforms };
}

export const metaOf = (deps: Pick<FlowDeps, 'clock'>, actor: PersonRef) => ({ actor, now: deps.clock().toISOString() });
