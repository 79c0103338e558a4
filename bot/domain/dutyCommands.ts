import type { Assignment, CommandMeta, DutyEvidence, DutyLog, PersonRef } from './assignmentTypes';

export type { DutyEvidence, EvaluationReport } from './assignmentTypes';
import { isPeriodOf, ownerDuties, periodBegun, type DutyKind, type OwnerDuty } from './duties';
import { DateTime } from 'luxon';
import { localDate, zone } from './calendar';
import { isCalendarDate } from './fields';

/**
 * What an owner does about the duties of an active account (R5, R6, R11, R14, R15): completes a
 * period with its evidence, pauses the activity check, snoozes a nudge, or says they will be away.
 */

export type DutyCommand =
  | { readonly type: 'CompleteDuty'; readonly meta: CommandMeta; readonly duty: OwnerDuty; readonly period: string; readonly evidence?: DutyEvidence }
  | { readonly type: 'PauseActivity'; readonly meta: CommandMeta; readonly until: string }
  | { readonly type: 'SnoozeDuty'; readonly meta: CommandMeta; readonly duty: OwnerDuty | 'admins'; readonly period: string; readonly until: string; readonly latest: string }
  | { readonly type: 'RegisterAbsence'; readonly meta: CommandMeta; readonly from: string; readonly to: string; readonly substitute?: PersonRef }
  /** GDPR: Kanalkoll forgets absences that ended before `before` (a date): who was away, and who stood in. */
  | { readonly type: 'ForgetAbsences'; readonly meta: CommandMeta; readonly before: string }
  /**
   * "Påminn nu": someone who oversees the account's department (the directory says in which role, or
   * none) has the owner sent an overdue duty's card again, at most once a Stockholm day per duty.
   */
  | { readonly type: 'RemindOwner'; readonly meta: CommandMeta & { readonly overseer?: Overseer }; readonly duty: DutyKind; readonly period: string };

export type DutyEvent =
  | { readonly type: 'DutyCompleted'; readonly by: PersonRef; readonly at: string; readonly duty: OwnerDuty; readonly period: string; readonly evidence?: DutyEvidence }
  | { readonly type: 'ActivityPaused'; readonly by: PersonRef; readonly at: string; readonly until: string }
  | { readonly type: 'DutySnoozed'; readonly by: PersonRef; readonly at: string; readonly duty: OwnerDuty | 'admins'; readonly period: string; readonly until: string }
  | { readonly type: 'AbsenceRegistered'; readonly by: PersonRef; readonly at: string; readonly from: string; readonly to: string; readonly substitute?: PersonRef }
  | { readonly type: 'AbsencesForgotten'; readonly by: PersonRef; readonly at: string; readonly before: string }
  | { readonly type: 'OwnerReminded'; readonly by: PersonRef; readonly at: string; readonly as: Overseer; readonly duty: DutyKind; readonly period: string };

/** Who oversees a department's accounts: the communications chief (all), its communicator, its chief (R16). */
export type Overseer = 'commschief' | 'communicator' | 'chief';

export type DutyRefusal =
  | { readonly reason: 'notActive' }
  | { readonly reason: 'notAllowed' }
  | { readonly reason: 'alreadyDone' }
  | { readonly reason: 'badDates' }
  /** A period that has not begun (a card for next year's evaluation, a later half-year): nothing to do yet. */
  | { readonly reason: 'notBegun' }
  /** "Påminn nu" was pressed for this duty today already: the owner got its card. */
  | { readonly reason: 'remindedToday' };

export type DutyDecision = { readonly ok: true; readonly events: readonly DutyEvent[] } | ({ readonly ok: false } & DutyRefusal);

/** The longest pause of the activity check (a summer break), in days. */
export const longestPauseDays = 120;

const dayMs = 86_400_000;

/** R14: an absence has real dates, ends on or after its first day, and is not over at `now` (ISO). */
export const isAbsencePeriod = (from: string, to: string, now: string): boolean =>
  isCalendarDate(from) && isCalendarDate(to) && to >= from && to >= now.slice(0, 10);

export function decideDuty(command: DutyCommand, state: Assignment): DutyDecision {
  if (state.status !== 'active' || state.plan.kind !== 'account') return { ok: false, reason: 'notActive' };
  const { actor, now: at } = command.meta;
  const by = actor;
  // Retention (GDPR), by Kanalkoll itself: only what has ended, and only if there is any.
  if (command.type === 'ForgetAbsences') {
    if (!isCalendarDate(command.before) || !(state.dutyLog?.absences ?? []).some((a) => a.to < command.before)) return { ok: false, reason: 'alreadyDone' };
    return { ok: true, events: [{ type: 'AbsencesForgotten', by, at, before: command.before }] };
  }
  if (command.type === 'RemindOwner') return decideReminder(command, state);
  // The owner does the account's duties (R5); nobody else completes, pauses or snoozes them.
  if (actor.aadObjectId !== state.applicant.aadObjectId) return { ok: false, reason: 'notAllowed' };
  const refuse = (reason: DutyRefusal['reason']): DutyDecision => ({ ok: false, reason }) as DutyDecision;
  switch (command.type) {
    case 'CompleteDuty': {
      const { duty, period, evidence } = command;
      if (!ownerDuties.includes(duty) || !isPeriodOf(duty, period)) return refuse('notAllowed');
      // R6, R15: a duty is done for a period that has begun, never ahead for one to come.
      if (!periodBegun(state, duty, period, at)) return refuse('notBegun');
      if (state.dutyLog?.done?.[`${duty}|${period}`]) return refuse('alreadyDone');
      // R11: the day of the latest post is a real day, and not one still to come. (Whether it is recent
      // enough depends on the settings: the card's flow asks again when it is not.)
      if (evidence?.kind === 'lastPost' && (duty !== 'activity' || !isCalendarDate(evidence.date) || evidence.date > localDate(at))) return refuse('badDates');
      return { ok: true, events: [{ type: 'DutyCompleted', by, at, duty, period, ...(evidence ? { evidence } : {}) }] };
    }
    case 'PauseActivity': {
      const until = Date.parse(command.until);
      if (!isCalendarDate(command.until) || !(until > Date.parse(at)) || until - Date.parse(at) > longestPauseDays * dayMs) return refuse('badDates');
      return { ok: true, events: [{ type: 'ActivityPaused', by, at, until: command.until }] };
    }
    case 'SnoozeDuty': {
      const { duty, period, until, latest } = command;
      if (!isPeriodOf(duty, period)) return refuse('notAllowed');
      if (!periodBegun(state, duty, period, at)) return refuse('notBegun');
      if (state.dutyLog?.done?.[`${duty}|${period}`]) return refuse('alreadyDone');
      // A snooze never passes the escalation: the chief and the communicator still hear on time.
      if (!(Date.parse(until) > Date.parse(at)) || Date.parse(until) > Date.parse(latest)) return refuse('badDates');
      return { ok: true, events: [{ type: 'DutySnoozed', by, at, duty, period, until }] };
    }
    case 'RegisterAbsence': {
      const { from, to, substitute } = command;
      if (!isAbsencePeriod(from, to, at)) return refuse('badDates');
      if (substitute?.aadObjectId === actor.aadObjectId) return refuse('notAllowed');
      return { ok: true, events: [{ type: 'AbsenceRegistered', by, at, from, to, ...(substitute ? { substitute } : {}) }] };
    }
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/**
 * "Påminn nu" (R16 overview): only someone who oversees the account's department; only a duty of a
 * period that has begun and is not done; once a Stockholm day per duty (a second press is refused kindly).
 */
function decideReminder(command: Extract<DutyCommand, { type: 'RemindOwner' }>, state: Extract<Assignment, { status: 'active' }>): DutyDecision {
  const { duty, period, meta } = command;
  if (!meta.overseer) return { ok: false, reason: 'notAllowed' };
  if (!isPeriodOf(duty, period) || duty === 'approval' || !periodBegun(state, duty, period, meta.now)) return { ok: false, reason: 'notBegun' };
  const key = `${duty}|${period}`;
  if (state.dutyLog?.done?.[key]) return { ok: false, reason: 'alreadyDone' };
  if (state.dutyLog?.reminded?.[key] === localDate(meta.now)) return { ok: false, reason: 'remindedToday' };
  return { ok: true, events: [{ type: 'OwnerReminded', by: meta.actor, at: meta.now, as: meta.overseer, duty, period }] };
}

/** Who forgets personal data when its time is up (GDPR): Kanalkoll, not a person. */
export const retention: PersonRef = { aadObjectId: 'kanalkoll-retention', name: 'Kanalkoll' };

export function evolveDuty(state: Assignment, event: DutyEvent): Assignment {
  if (state.status !== 'active') throw new Error(`${event.type} on a ${state.status} assignment`);
  const log: DutyLog = state.dutyLog ?? {};
  switch (event.type) {
    case 'DutyCompleted': {
      const key = `${event.duty}|${event.period}`;
      const done = { ...log.done, [key]: event.at };
      const evidence = event.evidence ? { ...log.evidence, [key]: event.evidence } : log.evidence;
      // R11: the 60 days start again from the latest post (from the answer, for a confirmation made before
      // the day was asked for); never from earlier than the account was last known to be updated.
      const since = event.evidence?.kind === 'lastPost' ? event.evidence.date : event.at;
      const lastActivityAt = log.lastActivityAt && DateTime.fromISO(log.lastActivityAt, { zone }) > DateTime.fromISO(since, { zone }) ? log.lastActivityAt : since;
      return { ...state, dutyLog: { ...log, done, ...(evidence ? { evidence } : {}), ...(event.duty === 'activity' ? { lastActivityAt } : {}) } };
    }
    case 'ActivityPaused':
      return { ...state, dutyLog: { ...log, pausedUntil: event.until } };
    case 'DutySnoozed': {
      const key = `${event.duty}|${event.period}`;
      const count = (log.snoozes?.[key]?.count ?? 0) + 1;
      return { ...state, dutyLog: { ...log, snoozes: { ...log.snoozes, [key]: { until: event.until, count } } } };
    }
    case 'AbsenceRegistered': {
      const absence = { from: event.from, to: event.to, ...(event.substitute ? { substitute: event.substitute.name, substituteAadObjectId: event.substitute.aadObjectId } : {}) };
      return { ...state, dutyLog: { ...log, absences: [...(log.absences ?? []), absence] } };
    }
    case 'AbsencesForgotten':
      return { ...state, dutyLog: { ...log, absences: (log.absences ?? []).filter((a) => a.to >= event.before) } };
    case 'OwnerReminded': {
      // Only today's reminders matter (once a day): earlier days are dropped, so the state stays small.
      const day = localDate(event.at);
      const kept = Object.fromEntries(Object.entries(log.reminded ?? {}).filter(([, d]) => d === day));
      return { ...state, dutyLog: { ...log, reminded: { ...kept, [`${event.duty}|${event.period}`]: day } } };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
