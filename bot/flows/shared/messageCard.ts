import { planStatusCard, type AdaptiveCard } from '../../../cards';
import { texts } from '../../i18n';
import type { PlanView } from './planView';

/** A short message with the way on, for a plan that cannot be shown (not found, not yours). */
export function messageCard(view: PlanView, message: string): AdaptiveCard {
  const t = texts(view.locale).plan;
  return planStatusCard({
    heading: t.heading,
    title: t.mine.title,
    notice: message,
    noticeStyle: 'warning',
    paragraphs: [],
    facts: [],
    actions: [
      { title: t.actions.mine, verb: 'plan.mine', data: {} },
      { title: t.actions.newPlan, verb: 'plan.start', data: {} },
    ],
  });
}
