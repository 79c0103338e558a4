import { z } from 'zod';
import type { EvaluationReport } from '../../domain/dutyCommands';
import { evaluatedPeriod, evaluationDecisions, evaluationDone, namesFigure } from '../../domain/evaluation';
import { wholeNumber } from '../../domain/fields';
import { texts } from '../../i18n';
import { closeCard } from '../shared/closeCard';
import { approversFor } from '../shared/approvers';
import type { CardHandler } from '../turn';
import { localeOfPerson } from '../messenger';
import type { Made } from '../commands/press';
import { dutyVerb, type DutyTaskDeps, type Task } from './dutyVerb';
import { evaluationForm, evaluationOf, evaluationResult, evaluationSummary } from './evaluationCards';

const count = wholeNumber(100_000_000);
const reportData = z.object({
  followers: count,
  posts: count,
  answeredWithin48h: z.enum(['always', 'mostly', 'seldom']),
  incidents: count,
  change: z.string().max(2000).optional().default(''),
  decision: z.enum(['continue', 'change', 'extend', 'close']),
});
const met = z.enum(['yes', 'partly', 'no']);
/** A figure a goal named (followers, a share in per cent): 0 or more, at most two decimals, as a number or as typed. */
const figure = z
  .union([z.number(), z.string().trim().regex(/^\d{1,12}([.,]\d{1,2})?$/).transform((v) => Number(v.replace(',', '.')))])
  .pipe(z.number().min(0).max(1e12));
const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

/** The report as the form sent it, checked against the approved plan and the period; undefined if anything is missing or wrong. */
function reportOf(task: Task<'evaluation' | 'ended'>, goals: readonly string[]): EvaluationReport | undefined {
  const { state, fields } = task;
  const period = evaluationOf(task);
  const parsed = reportData.safeParse(fields);
  if (!parsed.success || !evaluationDecisions(state, period).includes(parsed.data.decision)) return undefined;
  const outcomes = goals.map((goal, i) => {
    const given = fields[`figure${i}`];
    // R6: the figure reached, where the goal names one; optional where it does not.
    const reached = blank(given) ? (namesFigure(goal) ? undefined : { success: true as const, data: undefined }) : figure.safeParse(given);
    return { goal, met: met.safeParse(fields[`goal${i}`]), reached };
  });
  if (outcomes.some((o) => !o.met.success || !o.reached?.success)) return undefined;
  return {
    goals: outcomes.map((o) => ({ goal: o.goal, met: o.met.data ?? 'no', ...(o.reached?.data === undefined ? {} : { figure: o.reached.data }) })),
    covers: evaluatedPeriod(state, period),
    ...parsed.data,
    change: parsed.data.change.trim(),
  };
}

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
        const report = reportOf(task, state.plan.purpose.goals);
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
