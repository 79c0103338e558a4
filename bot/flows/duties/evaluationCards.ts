import { dutyCard, dutyEvaluationCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment, EvaluationReport } from '../../domain/assignmentTypes';
import { evaluatedPeriod, evaluationDecisions, evaluationPeriodOf, namesFigure, timeLimited } from '../../domain/evaluation';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import { coveredLabel, evaluationFacts } from '../shared/evaluationFacts';
import { planChange } from '../shared/ownerTasks';
import { echoLength, type CardTurn } from '../turn';
import type { Task } from './dutyVerb';

/** The evaluation a task on a nudge card is about: its own, or, on the card of an ended activity, that activity's. */
export const evaluationOf = (task: Task<'evaluation' | 'ended'>): string => evaluationPeriodOf(task.nudge.duty, task.nudge.period);

/**
 * The evaluation form (R6), with what was typed and a note of what to fix: it speaks of the period it
 * covers (a time-limited activity its own, an ongoing account the last year), asks per goal of the
 * approved plan whether it was met and the figure reached, and offers the decisions the period allows.
 */
export function evaluationForm(turn: CardTurn, task: Task<'evaluation' | 'ended'>, values: Readonly<Record<string, unknown>> = {}, notice?: string): AdaptiveCard {
  const t = texts(turn.locale);
  const e = t.duties.evaluation;
  const { state } = task;
  const period = evaluationOf(task);
  const covers = evaluatedPeriod(state, period);
  const goals = state.plan?.kind === 'account' ? state.plan.purpose.goals : [];
  const value = (key: string) => (typeof values[key] === 'string' || typeof values[key] === 'number' ? String(values[key]).slice(0, echoLength) : '');
  return dutyEvaluationCard({
    heading: t.duties.heading,
    title: e.title(accountName(state)),
    intro: e.intro(coveredLabel(t, turn.locale, covers)),
    notice,
    goals: goals.map((goal, i) => ({
      id: `goal${i}`,
      label: e.goal(goal),
      value: value(`goal${i}`),
      figureId: `figure${i}`,
      figureLabel: namesFigure(goal) ? e.figure : e.figureOptional,
      figure: value(`figure${i}`),
      figureRequired: namesFigure(goal),
    })),
    decisions: evaluationDecisions(state, period).map((d) => ({ title: e.decisions[d], value: d })),
    t: { ...e.t, posts: e.posts[covers.kind] },
    v: { followers: value('followers'), posts: value('posts'), answeredWithin48h: value('answeredWithin48h'), incidents: value('incidents'), change: value('change'), decision: value('decision') },
    hints: e.hints,
    task: task.key,
  });
}

/** The evaluation as the communicator gets it (R6). */
export function evaluationSummary(locale: Locale, state: Assignment, report: EvaluationReport): AdaptiveCard {
  const t = texts(locale);
  return dutyCard({
    heading: t.duties.heading,
    title: t.duties.evaluation.toCommunicatorTitle(state.applicant.name, accountName(state)),
    paragraphs: [],
    facts: evaluationFacts(t, locale, report),
    itemsTitle: '',
    items: [],
    actions: [{ title: t.duties.approval.show, verb: 'approval.refresh', data: { assignmentId: state.id } }],
  });
}

/**
 * What the owner sees once the evaluation is sent (and the account goes on): where it can lead, the
 * goals changed and, for a time-limited activity, the activity extended (what they decided first), or back to "mina konton".
 */
export function evaluationResult(turn: CardTurn, state: Assignment, decision: Exclude<EvaluationReport['decision'], 'close'>): AdaptiveCard {
  const t = texts(turn.locale);
  const changes = [planChange(t, state, 'purpose'), ...(timeLimited(state) ? [planChange(t, state, 'channel')] : [])];
  return dutyCard({
    heading: t.duties.heading,
    title: t.duties.finished.title(accountName(state)),
    notice: t.duties.evaluation.done,
    noticeStyle: 'good',
    paragraphs: [{ text: t.duties.evaluation.next[decision] }],
    facts: [],
    itemsTitle: '',
    items: [],
    // Then back to the accounts, where the form may have been opened.
    actions: [...(decision === 'extend' ? changes.reverse() : changes), { title: t.welcome.actions.myAccounts, verb: 'account.mine', data: {} }],
  });
}
