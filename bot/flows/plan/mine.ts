import { z } from 'zod';
import { planListCard, type AdaptiveCard } from '../../../cards';
import { editable } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import type { CardHandler, CardTurn } from '../turn';
import { loadView, type PlanDeps } from './session';
import { messageCard } from './status';
import { currentCard, planTitle, type Shown } from './view';

const resumeData = z.object({ draftId: cardId });

/** "Mina ansökningar": the user's drafts and sent plans with their status, newest first. */
export async function planList(deps: Pick<PlanDeps, 'assignments' | 'directory' | 'platforms'>, turn: CardTurn, shown: Shown = {}): Promise<AdaptiveCard> {
  const t = texts(turn.locale).plan;
  const items = (await deps.assignments.listFor(turn.user.aadObjectId)).map((a) => ({
    title: planTitle(turn.locale, a),
    subtitle: `${t.mine.status[a.status]} · ${t.mine.started(localDate(a.createdAt))}`,
    draftId: a.id,
    revision: a.revision,
    openLabel: editable(a) ? t.actions.resume : t.actions.show,
    openVerb: editable(a) ? ('plan.resume' as const) : ('plan.history' as const),
    cancelLabel: a.status === 'draft' ? t.actions.cancel : undefined,
  }));
  return planListCard({ title: t.mine.title, empty: t.mine.empty, newPlan: t.actions.newPlan, items, ...shown });
}

/** The list, and going on with a plan from it where it was left. */
export function listHandlers(deps: Pick<PlanDeps, 'assignments' | 'directory' | 'platforms'>): Record<'mine' | 'resume', CardHandler> {
  return {
    mine: (turn) => planList(deps, turn),
    resume: async (turn) => {
      const data = resumeData.safeParse(turn.data);
      if (!data.success) return planList(deps, turn, { notice: texts(turn.locale).plan.notices.unreadable, noticeStyle: 'attention' });
      const stored = await deps.assignments.get(data.data.draftId);
      const view = await loadView(deps, turn.locale, { assignments: stored ? [stored.value] : [] });
      if (!stored) return messageCard(view, texts(turn.locale).plan.notices.notFound);
      if (stored.value.applicant.aadObjectId !== turn.user.aadObjectId) return messageCard(view, texts(turn.locale).plan.notices.notYours);
      return currentCard(view, stored.value);
    },
  };
}
