import { z } from 'zod';
import { planListCard, type AdaptiveCard } from '../../../cards';
import { editable } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import { cardVerb } from '../commands/press';
import type { CardHandler, CardTurn } from '../turn';
import { loadView, type PlanDeps } from '../shared/planView';
import { messageCard } from '../shared/messageCard';
import { currentCard } from './view';
import { planTitle, type PlanView, type Shown } from '../shared/planView';

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
export function listHandlers(deps: Pick<PlanDeps, 'assignments' | 'directory' | 'platforms' | 'run' | 'clock'>): Record<'mine' | 'resume', CardHandler> {
  return {
    mine: (turn) => planList(deps, turn),
    // Going on with a plan from the list: a reading verb of the pipeline, for its applicant only.
    resume: cardVerb<z.infer<typeof resumeData>, PlanView>(deps, {
      surface: 'plan',
      input: resumeData,
      assignmentId: (input) => input.draftId,
      load: ({ turn, stored }) => loadView(deps, turn.locale, { assignments: [stored.value] }),
      authorise: ({ stored, turn }) => (stored.value.applicant.aadObjectId !== turn.user.aadObjectId ? { reason: 'notYours' } : undefined),
      answer: ({ context: view }, answered) => (answered.ok ? currentCard(view, answered.state) : messageCard(view, answered.refusal.text)),
      fallback: async (turn, refusal) =>
        refusal.reason === 'unreadable' ? planList(deps, turn, { notice: refusal.text, noticeStyle: 'attention' }) : messageCard(await loadView(deps, turn.locale), refusal.text),
    }),
  };
}
