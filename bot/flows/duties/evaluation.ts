import { evaluationDone, evaluationReportOf } from '../../domain/evaluation';
import { texts } from '../../i18n';
import { closeCard } from '../shared/closeCard';
import { approversFor } from '../shared/approvers';
import type { CardHandler } from '../turn';
import { localeOfPerson } from '../messenger';
import type { Made } from '../commands/press';
import { dutyVerb, type DutyTaskDeps } from './dutyVerb';
import { evaluationForm, evaluationOf, evaluationResult, evaluationSummary } from './evaluationCards';

/**
 * The evaluation report (R6) as a form from its nudge, from the card of an ended activity, or from "mina
 * konton": per goal, figures, 48 hours, and what the owner decides; shared with the communicator, and
 * leading on to closing, changing the goals or extending the activity.
 */
export function evaluationHandlers(deps: DutyTaskDeps): Record<'evaluation' | 'evaluationSend', CardHandler> {
  return {
    // Opens the form, unless this evaluation is done already.
    evaluation: dutyVerb<'evaluation' | 'ended'>(deps, {
      duties: ['evaluation', 'ended'],
      answer: async ({ turn, context: task }, answered, standard) => {
        if (!answered.ok) return standard();
        // On the card of an ended activity, closing and extending are still to do.
        return evaluationDone(task.state, evaluationOf(task))
          ? task.card({ notice: texts(turn.locale).duties.tasks.alreadyDone, done: task.nudge.duty !== 'ended' })
          : evaluationForm(turn, task);
      },
    }),

    evaluationSend: dutyVerb<'evaluation' | 'ended'>(deps, {
      duties: ['evaluation', 'ended'],
      command: ({ turn, context: task, meta }): Made => {
        const { state } = task;
        if (state.plan?.kind !== 'account') return { refuse: { reason: 'notActive' } };
        const report = evaluationReportOf(state, evaluationOf(task), state.plan.purpose.goals, task.fields);
        if (!report) return { show: evaluationForm(turn, task, task.fields, texts(turn.locale).duties.evaluation.fix) };
        return { type: 'CompleteDuty', meta, duty: 'evaluation', period: evaluationOf(task), evidence: { kind: 'evaluation', report } };
      },
      answer: async (press, answered, standard) => {
        const { turn, context: task } = press;
        // A refusal that leaves something to do (a change made meanwhile): the form again, with what was typed.
        if (!answered.ok && !answered.refusal.done) return evaluationForm(turn, task, task.fields, answered.refusal.text);
        if (!answered.ok) return standard();
        const evidence = answered.state.status === 'active' ? answered.state.dutyLog?.evidence?.[`evaluation|${evaluationOf(task)}`] : undefined;
        const report = evidence?.kind === 'evaluation' ? evidence.report : undefined;
        // R6: the report is shared with the department communicator.
        const { communicator } = await approversFor(deps.directory, task.state);
        if (communicator && report) {
          const locale = await localeOfPerson(deps, turn.reach.tenantId, communicator);
          await deps.messenger.sendCard(turn.reach, communicator, evaluationSummary(locale, task.state, report));
        }
        // The owner decided to close: the closing checklist, to finish on the platform and here (R11, R15).
        if (report?.decision === 'close') return closeCard(turn, answered.state, deps.clock().toISOString());
        return evaluationResult(turn, answered.state, report?.decision ?? 'continue');
      },
    }),
  };
}
