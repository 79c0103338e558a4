import { planStatusCard, type AdaptiveCard } from '../../../cards';
import type { Assignment } from '../../domain/assignment';
import { changeWaiting } from '../../domain/planChange';
import { texts } from '../../i18n';
import type { PlanView, Shown } from '../shared/planView';

/** Where a plan stands once there is nothing left to fill in. */
export function statusCard(view: PlanView, assignment: Assignment, shown: Shown = {}): AdaptiveCard {
  const t = texts(view.locale).plan;
  const chiefId = (assignment.draft.who as { chiefAadObjectId?: string } | undefined)?.chiefAadObjectId;
  const chief = chiefId && view.people.get(chiefId)?.name;
  const waitingOnChief = assignment.status === 'awaiting_chief';
  const change = changeWaiting(assignment);
  // R1: without a manager in the directory, the department communicator names who decides.
  const paragraphs = waitingOnChief
    ? [chief ? t.submitted.body(chief, assignment.planVersion) : texts(view.locale).approval.toApplicant.toCommunicator, assignment.draft.kind === 'account' ? t.submitted.next : t.submitted.nextMonitoring]
    : assignment.status === 'cancelled'
      ? [t.cancelled]
      : change
        ? [texts(view.locale).planChange.status(change.version, assignment.planVersion)]
        : [];
  return planStatusCard({
    heading: t.heading,
    title: waitingOnChief ? t.submitted.title : t.mine.status[assignment.status],
    notice: shown.notice,
    noticeStyle: shown.noticeStyle ?? 'warning',
    paragraphs: paragraphs.map((text) => ({ text })),
    facts: [],
    actions: [
      ...(assignment.plan ? [{ title: t.actions.show, verb: 'plan.history', data: { assignmentId: assignment.id } } as const] : []),
      { title: t.actions.mine, verb: 'plan.mine', data: {} },
      { title: t.actions.newPlan, verb: 'plan.start', data: {} },
    ],
  });
}
