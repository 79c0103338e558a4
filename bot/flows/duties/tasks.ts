import { DateTime } from 'luxon';
import type { Command } from '../../domain/assignment';
import { localDate } from '../../domain/calendar';
import { nudgesBetween } from '../../domain/duties';
import { longestPauseDays } from '../../domain/dutyCommands';
import { texts } from '../../i18n';
import { commandMeta, type CardHandler } from '../turn';
import { factsFor } from './schedule';
import { doTask, loadTask, type DutyTaskDeps } from './task';
import { periodLabel } from './view';

/** The longest reference of the municipal archive kept (its diary numbers are far shorter). */
const referenceLength = 200;

/**
 * The owner's tasks on a nudge card (R10, R11, R15): the archive snapshot sent to the municipal
 * archive, the account confirmed in use, the activity question paused, the communicator's login
 * confirmed, or the nudge put off for a week but never past its escalation. Each ends or moves the
 * duty through the command path, once.
 */
export function taskHandlers(deps: DutyTaskDeps): Record<'archived' | 'active' | 'pause' | 'loginShared' | 'snooze', CardHandler> {
  return {
    archived: async (turn) => {
      const task = await loadTask(deps, turn, ['archive']);
      if ('refused' in task) return task.refused;
      const t = texts(turn.locale).duties.tasks;
      const reference = task.input('reference');
      if (!reference) return task.card({ fieldError: t.referenceRequired, style: 'attention' });
      if (reference.length > referenceLength) {
        return task.card({ fieldError: texts(turn.locale).fieldErrors.tooLong, fieldValue: reference.slice(0, referenceLength), style: 'attention' });
      }
      const command: Command = { type: 'CompleteDuty', meta: commandMeta(deps.clock, turn), duty: 'archive', period: task.nudge.period, evidence: { kind: 'sentToArchive', reference } };
      return doTask(deps, turn, task, command, t.archivedDone(periodLabel(texts(turn.locale), task.nudge.period)), { fieldValue: reference });
    },

    active: async (turn) => {
      const task = await loadTask(deps, turn, ['activity']);
      if ('refused' in task) return task.refused;
      const t = texts(turn.locale).duties.tasks;
      const command: Command = { type: 'CompleteDuty', meta: commandMeta(deps.clock, turn), duty: 'activity', period: task.nudge.period, evidence: { kind: 'confirmed' } };
      return doTask(deps, turn, task, command, t.activeDone(deps.dutySettings.inactiveDays), {});
    },

    loginShared: async (turn) => {
      const task = await loadTask(deps, turn, ['login']);
      if ('refused' in task) return task.refused;
      const t = texts(turn.locale).duties.tasks;
      const command: Command = { type: 'CompleteDuty', meta: commandMeta(deps.clock, turn), duty: 'login', period: task.nudge.period, evidence: { kind: 'confirmed' } };
      return doTask(deps, turn, task, command, t.loginDone, {});
    },

    pause: async (turn) => {
      const task = await loadTask(deps, turn, ['activity']);
      if ('refused' in task) return task.refused;
      const t = texts(turn.locale).duties.tasks;
      const until = task.input('until');
      const command: Command = { type: 'PauseActivity', meta: commandMeta(deps.clock, turn), until };
      return doTask(deps, turn, task, command, t.pausedDone(until), { dateError: t.badPause(longestPauseDays) });
    },

    snooze: async (turn) => {
      const task = await loadTask(deps, turn, ['archive', 'evaluation', 'activity', 'admins', 'login']);
      if ('refused' in task) return task.refused;
      const t = texts(turn.locale).duties.tasks;
      const { nudge, state } = task;
      const now = DateTime.fromJSDate(deps.clock());
      // Never past the escalation of this period: the chief and the communicator still hear on time.
      const escalation = nudgesBetween(state, now, now.plus({ years: 1 }), deps.dutySettings, await factsFor(deps.directory, state)).find(
        (n) => n.duty === nudge.duty && n.period === nudge.period && n.audience === 'escalation',
      );
      const week = now.plus({ days: 7 });
      const latest = escalation ? DateTime.fromISO(escalation.at).minus({ hours: 1 }) : week;
      const until = week < latest ? week : latest;
      if (until <= now) return task.card({ notice: t.cannotSnooze, style: 'attention' });
      const command: Command = { type: 'SnoozeDuty', meta: commandMeta(deps.clock, turn), duty: nudge.duty, period: nudge.period, until: until.toUTC().toISO() ?? '', latest: latest.toUTC().toISO() ?? '' };
      return doTask(deps, turn, task, command, t.snoozedDone(localDate(until.toISO() ?? '')), { notice: t.cannotSnooze });
    },
  };
}
