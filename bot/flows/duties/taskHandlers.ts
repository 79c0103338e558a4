import { DateTime } from 'luxon';
import { localDate, longDate } from '../../domain/calendar';
import { nextActivityCheck, nudgesBetween, updatedRegularly } from '../../domain/duties';
import { isCalendarDate } from '../../domain/fields';
import { texts } from '../../i18n';
import { shownAgain, type CardHandler } from '../turn';
import { factsFor } from './schedule';
import { dutyVerb, type DutyTaskDeps } from './dutyVerb';

/** The longest reference of the municipal archive kept (its diary numbers are far shorter). */
const referenceLength = 200;

/**
 * The owner's tasks on a nudge card (R10, R11, R15): the archive snapshot sent to the municipal
 * archive, the account confirmed in use, the activity question paused, the communicator's login
 * confirmed, or the nudge put off for a week but never past its escalation. Each ends or moves the
 * duty through the card-command pipeline, once.
 */
export function taskHandlers(deps: DutyTaskDeps): Record<'archived' | 'active' | 'pause' | 'loginShared' | 'snooze', CardHandler> {
  return {
    archived: dutyVerb(deps, {
      duties: ['archive'],
      command: ({ turn, context: task, meta }) => {
        const t = texts(turn.locale);
        const reference = task.input('reference');
        if (!reference) return { show: task.card({ fieldError: t.duties.tasks.referenceRequired, style: 'attention' }) };
        if (reference.length > referenceLength) return { show: task.card({ fieldError: t.fieldErrors.tooLong, fieldValue: reference.slice(0, referenceLength), style: 'attention' }) };
        return { type: 'CompleteDuty', meta, duty: 'archive', period: task.nudge.period, evidence: { kind: 'sentToArchive', reference } };
      },
      done: ({ turn, context }) => texts(turn.locale).duties.tasks.archivedDone(context.input('reference')),
      // What was typed, shown again cut to what the field takes (a refusal before the length is checked: a period not begun, a lost race).
      keep: ({ context }) => ({ fieldValue: shownAgain(context.input('reference'), referenceLength) }),
    }),

    // R11, "uppdateras regelbundet": the day of the latest post. One older than the check's window does
    // not answer it: the account counts as passive, and goes on as one whose owner does not answer.
    active: dutyVerb(deps, {
      duties: ['activity'],
      command: ({ turn, context: task, meta }) => {
        const date = task.input('lastPost');
        const picked = isCalendarDate(date) && date <= localDate(meta.now);
        if (picked && !updatedRegularly(date, DateTime.fromISO(meta.now), deps.dutySettings)) {
          const t = texts(turn.locale);
          return { show: task.card({ notice: t.duties.tasks.notUpdated(deps.dutySettings.inactiveDays), style: 'attention', lastPostValue: date }) };
        }
        // A day that is not one, or still to come, is refused by the rules, under its field.
        return { type: 'CompleteDuty', meta, duty: 'activity', period: task.nudge.period, evidence: { kind: 'lastPost', date } };
      },
      done: ({ turn }, after) => texts(turn.locale).duties.tasks.activeDone(longDate(nextActivityCheck(after, deps.dutySettings) ?? '', turn.locale)),
      keep: ({ context }) => ({ lastPostValue: isCalendarDate(context.input('lastPost')) ? context.input('lastPost') : '' }),
    }),

    loginShared: dutyVerb(deps, {
      duties: ['login'],
      command: ({ context: task, meta }) => ({ type: 'CompleteDuty', meta, duty: 'login', period: task.nudge.period, evidence: { kind: 'confirmed' } }),
      done: ({ turn }) => texts(turn.locale).duties.tasks.loginDone,
    }),

    pause: dutyVerb(deps, {
      duties: ['activity'],
      command: ({ context: task, meta }) => ({ type: 'PauseActivity', meta, until: task.input('until') }),
      done: ({ turn, context }) => texts(turn.locale).duties.tasks.pausedDone(context.input('until')),
    }),

    snooze: dutyVerb(deps, {
      duties: ['archive', 'evaluation', 'activity', 'admins', 'login'],
      command: async ({ turn, context: { nudge, state, card }, meta }) => {
        const now = DateTime.fromJSDate(deps.clock());
        // Never past the escalation of this period: the chief and the communicator still hear on time.
        const escalation = nudgesBetween(state, now, now.plus({ years: 1 }), deps.dutySettings, await factsFor(deps.directory, state)).find(
          (n) => n.duty === nudge.duty && n.period === nudge.period && n.audience === 'escalation',
        );
        const week = now.plus({ days: 7 });
        const latest = escalation ? DateTime.fromISO(escalation.at).minus({ hours: 1 }) : week;
        const until = week < latest ? week : latest;
        if (until <= now) return { show: card({ notice: texts(turn.locale).duties.tasks.cannotSnooze, style: 'attention' }) };
        return { type: 'SnoozeDuty', meta, duty: nudge.duty, period: nudge.period, until: until.toUTC().toISO() ?? '', latest: latest.toUTC().toISO() ?? '' };
      },
      done: ({ turn, context: { nudge } }, after) => {
        const until = after.status === 'active' ? after.dutyLog?.snoozes?.[`${nudge.duty}|${nudge.period}`]?.until : undefined;
        return texts(turn.locale).duties.tasks.snoozedDone(localDate(until ?? ''));
      },
    }),
  };
}
