import type { DutyCardData } from '../../../cards';
import { evaluationDone, evaluationPeriodOf } from '../../domain/evaluation';
import type { Assignment } from '../../domain/assignment';
import { longDate } from '../../domain/calendar';
import type { Nudge, OverdueDuty } from '../../domain/duties';
import type { Locale } from '../../domain/locale';
import type { Texts } from '../../i18n';
import { periodLabel } from './periodLabel';

/** What a refused task keeps on its inputs: what was typed, and what to fix. */
export interface TaskShown {
  readonly fieldValue?: string;
  readonly fieldError?: string;
  readonly dateError?: string;
  /** R11: the day of the latest post, as picked, and what is wrong with it. */
  readonly lastPostValue?: string;
  readonly lastPostError?: string;
}

/**
 * R6: where an evaluation leads besides going on or closing: the plan's change, opened at the goals
 * (`purpose`) or at the end date (`channel`, to extend a time-limited activity). The owner's chief approves it.
 */
export const planChange = (t: Texts, state: Assignment, step: 'purpose' | 'channel') =>
  ({ title: step === 'purpose' ? t.duties.tasks.changeGoals : t.duties.tasks.extend, verb: 'plan.change', data: { assignmentId: state.id, step } }) as const;

/**
 * The buttons that do one of the owner's duties, and the input each needs (the archive's reference, the
 * day of the latest post or a date to pause until): the same on the duty's nudge card and under the account in "mina konton".
 * `section` numbers the inputs (a card may hold several forms); `also` is sent by every task button
 * besides which nudge it is (where the press came from).
 */
export function ownerTasks(t: Texts, state: Assignment, nudge: Nudge, section: number, shown: TaskShown = {}, also: Readonly<Record<string, string>> = {}): Pick<DutyCardData, 'field' | 'dates' | 'actions'> {
  const task = { assignmentId: state.id, duty: nudge.duty, period: nudge.period, level: String(nudge.level), due: nudge.due, at: nudge.at, section: String(section), ...also };
  const snooze = { title: t.duties.tasks.snooze, verb: 'duty.snooze', data: task } as const;
  const close = { title: t.duties.tasks.close, verb: 'account.close', data: { assignmentId: state.id } } as const;
  switch (nudge.duty) {
    case 'archive':
      return {
        field: { id: `reference_${section}`, label: t.duties.tasks.referenceLabel, value: shown.fieldValue ?? '', ...(shown.fieldError ? { error: shown.fieldError } : {}) },
        actions: [{ title: t.duties.tasks.archived, verb: 'duty.archived', data: task }, snooze],
      };
    case 'evaluation':
      return { actions: [{ title: t.duties.evaluation.open, verb: 'duty.evaluation', data: task }, snooze] };
    case 'activity':
      // R11, "uppdateras regelbundet": the day of the latest post, or a pause until updates start again.
      return {
        dates: [
          { id: `lastPost_${section}`, label: t.duties.tasks.lastPostLabel, value: shown.lastPostValue ?? '', ...(shown.lastPostError ? { error: shown.lastPostError } : {}) },
          { id: `until_${section}`, label: t.duties.tasks.pauseLabel, value: '', ...(shown.dateError ? { error: shown.dateError } : {}) },
        ],
        actions: [{ title: t.duties.tasks.active, verb: 'duty.active', data: task }, { title: t.duties.tasks.pause, verb: 'duty.pause', data: task }, close],
      };
    case 'admins':
      return { actions: [{ title: t.duties.actions.admins, verb: 'account.admins', data: { assignmentId: state.id } }, snooze] };
    case 'login':
      return { actions: [{ title: t.duties.tasks.loginShared, verb: 'duty.loginShared', data: task }, snooze] };
    case 'ended': {
      // R6: one card once the activity has ended: its evaluation first, then the account closed or the activity extended.
      const evaluated = evaluationDone(state, evaluationPeriodOf('ended', nudge.period));
      return { actions: [...(evaluated ? [] : [{ title: t.duties.evaluation.open, verb: 'duty.evaluation', data: task } as const]), close, planChange(t, state, 'channel')] };
    }
    case 'substitute':
    case 'approval':
    case 'ownerLeft':
      // Not the owner's to do: they end when their cause goes away.
      return { actions: [] };
    default: {
      const exhaustive: never = nudge.duty;
      return exhaustive;
    }
  }
}

/** One line about a duty that is due: what an escalation lists, and what "mina konton" shows. */
export function dutyLine(t: Texts, item: OverdueDuty, locale: Locale): string {
  const due = longDate(item.due, locale);
  switch (item.duty) {
    case 'archive':
      return t.duties.items.archive(periodLabel(t, item.period), due);
    case 'evaluation':
      return t.duties.items.evaluation(due);
    case 'activity':
      return t.duties.items.activity(due);
    case 'admins':
      return t.duties.items.admins;
    case 'substitute':
      return t.duties.items.substitute(due);
    case 'ownerLeft':
      return t.duties.items.ownerLeft(due);
    case 'login':
      return t.duties.items.login(due);
    case 'ended':
      return t.duties.items.ended(due);
    case 'approval':
      return t.duties.items.approval(due);
    default: {
      const exhaustive: never = item.duty;
      return exhaustive;
    }
  }
}
