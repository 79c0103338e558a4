import { z } from 'zod';
import { dutyCard, dutyEvaluationCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import type { EvaluationReport } from '../../domain/dutyCommands';
import { wholeNumber } from '../../domain/fields';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import { closeCard } from '../shared/closeCard';
import { approversFor } from '../shared/approvers';
import { echoLength, type CardHandler, type CardTurn } from '../turn';
import { localeOfPerson } from '../messenger';
import type { Made } from '../commands/press';
import { dutyVerb, type DutyTaskDeps, type Task } from './dutyVerb';

const count = wholeNumber(100_000_000);
const reportData = z.object({
  followers: count,
  posts: count,
  answeredWithin48h: z.enum(['always', 'mostly', 'seldom']),
  incidents: count,
  change: z.string().max(2000).optional().default(''),
  decision: z.enum(['continue', 'close']),
});
const met = z.enum(['yes', 'partly', 'no']);

/** The evaluation as the communicator gets it. */
function evaluationSummary(locale: Locale, state: Assignment, report: EvaluationReport): AdaptiveCard {
  const t = texts(locale).duties;
  const e = t.evaluation;
  const account = accountName(state);
  return dutyCard({
    heading: t.heading,
    title: e.toCommunicatorTitle(state.applicant.name, account),
    paragraphs: [],
    facts: [
      ...report.goals.map((g) => ({ title: e.goal(g.goal), value: e.met[g.met] })),
      { title: e.facts.followers, value: String(report.followers) },
      { title: e.facts.posts, value: String(report.posts) },
      { title: e.facts.answered, value: e.t[report.answeredWithin48h] },
      { title: e.facts.incidents, value: String(report.incidents) },
      ...(report.change ? [{ title: e.facts.change, value: report.change }] : []),
      { title: e.facts.decision, value: report.decision === 'close' ? e.t.close : e.t.continue },
    ],
    itemsTitle: '',
    items: [],
    actions: [{ title: t.approval.show, verb: 'approval.refresh', data: { assignmentId: state.id } }],
  });
}

/** The evaluation form (R6), with what was typed and a note of what to fix. */
function evaluationForm(turn: CardTurn, task: Task, values: Record<string, unknown> = {}, notice?: string): AdaptiveCard {
  const t = texts(turn.locale).duties;
  const plan = task.state.plan;
  const goals = plan?.kind === 'account' ? plan.purpose.goals : [];
  const value = (key: string) => (typeof values[key] === 'string' || typeof values[key] === 'number' ? String(values[key]).slice(0, echoLength) : '');
  return dutyEvaluationCard({
    heading: t.heading,
    title: t.evaluation.title(accountName(task.state)),
    intro: t.evaluation.intro,
    notice,
    goals: goals.map((goal, i) => ({ id: `goal${i}`, label: t.evaluation.goal(goal), value: value(`goal${i}`) })),
    t: t.evaluation.t,
    v: { followers: value('followers'), posts: value('posts'), answeredWithin48h: value('answeredWithin48h'), incidents: value('incidents'), change: value('change'), decision: value('decision') },
    hints: t.evaluation.hints,
    task: task.key,
  });
}

/** The evaluation report (R6) as a form from its nudge: per goal, figures, 48 hours, continue or close; shared with the communicator. */
export function evaluationHandlers(deps: DutyTaskDeps): Record<'evaluation' | 'evaluationSend', CardHandler> {
  return {
    // Opens the form, unless this evaluation is done already.
    evaluation: dutyVerb(deps, {
      duties: ['evaluation'],
      answer: async ({ turn, context: task }, answered, standard) => {
        if (!answered.ok) return standard();
        return task.state.status === 'active' && task.state.dutyLog?.done?.[`evaluation|${task.nudge.period}`]
          ? task.card({ notice: texts(turn.locale).duties.tasks.alreadyDone, done: true })
          : evaluationForm(turn, task);
      },
    }),

    evaluationSend: dutyVerb(deps, {
      duties: ['evaluation'],
      command: ({ turn, context: task, meta }): Made => {
        const t = texts(turn.locale).duties;
        const { state, nudge, fields } = task;
        if (state.plan?.kind !== 'account') return { refuse: { reason: 'notActive' } };
        const goals = state.plan.purpose.goals.map((goal, i) => ({ goal, met: met.safeParse(fields[`goal${i}`]) }));
        const parsed = reportData.safeParse(fields);
        if (!parsed.success || goals.some((g) => !g.met.success)) return { show: evaluationForm(turn, task, fields, t.evaluation.fix) };
        const report: EvaluationReport = { goals: goals.map((g) => ({ goal: g.goal, met: g.met.data ?? 'no' })), ...parsed.data, change: parsed.data.change.trim() };
        return { type: 'CompleteDuty', meta, duty: 'evaluation', period: nudge.period, evidence: { kind: 'evaluation', report } };
      },
      done: ({ turn }) => texts(turn.locale).duties.evaluation.done,
      answer: async (press, answered, standard) => {
        const { turn, context: task } = press;
        // A refusal that leaves something to do (a change made meanwhile): the form again, with what was typed.
        if (!answered.ok && !answered.refusal.done) return evaluationForm(turn, task, task.fields, answered.refusal.text);
        if (!answered.ok) return standard();
        const evidence = answered.state.status === 'active' ? answered.state.dutyLog?.evidence?.[`evaluation|${task.nudge.period}`] : undefined;
        const report = evidence?.kind === 'evaluation' ? evidence.report : undefined;
        // R6: the report is shared with the department communicator.
        const { communicator } = await approversFor(deps.directory, task.state);
        if (communicator && report) {
          const locale = await localeOfPerson(deps, turn.reach.tenantId, communicator);
          await deps.messenger.sendCard(turn.reach, communicator, evaluationSummary(locale, task.state, report));
        }
        // The owner decided to close: the closing checklist, to finish on the platform and here (R11, R15).
        if (report?.decision === 'close') return closeCard(turn, answered.state, deps.clock().toISOString());
        return standard();
      },
    }),
  };
}
