import type { PersonRef } from '../../domain/assignment';
import type { Locale } from '../../domain/locale';
import type { DirectoryStore } from '../../store/directory';
import type { LifecycleDeps } from '../lifecycle';
import type { PlanView } from './view';

/** What the plan flow needs, handed in at the composition root. */
export interface PlanDeps extends LifecycleDeps {
  readonly directory: DirectoryStore;
  readonly platforms: readonly string[];
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** The lists plan cards choose from, in `locale`. */
export async function loadView(deps: Pick<PlanDeps, 'directory' | 'platforms'>, locale: Locale): Promise<PlanView> {
  const [departments, people] = await Promise.all([deps.directory.allDepartments(), deps.directory.everyone()]);
  return { locale, departments, people, platforms: deps.platforms };
}

export const metaOf = (deps: PlanDeps, actor: PersonRef) => ({ actor, now: deps.clock().toISOString() });
