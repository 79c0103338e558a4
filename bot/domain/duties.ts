// Longer than most files: the policy's timing rules (R1, R6, R10, R11, R14, R15) share one calendar and one nudge key, and change together.
import { DateTime } from 'luxon';
import { enoughAdmins } from './administration';
import { waitingStep } from './approval';
import type { Assignment } from './assignmentTypes';
import { addWorkingDays, nextOfficeMoment, zone } from './calendar';

/**
 * The dated obligations of an assignment (DESIGN.md, "Duties and nudges"), derived from its state
 * alone: the half-year archive snapshot (R15), the yearly evaluation (R6), the activity check
 * (R11), admin coverage (R10), the communicator's login confirmed (R10), evaluating and then closing
 * or extending once a time-limited activity has ended (R6), a substitute while away (R14) and approvals that wait (R1).
 * Each duty has periods, and each period nudges at levels: the first notice, reminders, and an
 * escalation. Every nudge falls in office hours on a Swedish working day. Pure: the window of
 * time asked about comes in as a parameter.
 */
export const dutyKinds = ['archive', 'evaluation', 'activity', 'admins', 'login', 'ended', 'substitute', 'approval', 'ownerLeft'] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** The duties an owner completes with a card; the others end when their cause goes away. */
export const ownerDuties = ['archive', 'evaluation', 'activity', 'login'] as const satisfies readonly DutyKind[];
export type OwnerDuty = (typeof ownerDuties)[number];

/**
 * Who a nudge is for: the owner; the approver a plan waits on; the owner's chief and department
 * communicator (escalation); the applicant and the next approval level (a plan waiting long); or
 * the substitute named for an absence (R14); the communications chief (an account nobody owns).
 */
export const audiences = ['owner', 'approver', 'escalation', 'applicantAndNextLevel', 'substitute', 'commsChief'] as const;
export type Audience = (typeof audiences)[number];

export interface Nudge {
  readonly assignmentId: string;
  readonly duty: DutyKind;
  /** Which occurrence of the duty: "2026-H2", the due date, the approval step and since when… */
  readonly period: string;
  /** 0 the first notice, then reminders; the last level of a duty escalates. */
  readonly level: number;
  /** When it goes out (ISO, UTC): always in office hours on a working day in Stockholm. */
  readonly at: string;
  /** The local date the duty is due. */
  readonly due: string;
  readonly audience: Audience;
}

/** The idempotency key of a nudge: it is sent at most once per person. */
export const nudgeKey = (n: Pick<Nudge, 'assignmentId' | 'duty' | 'period' | 'level'>): string =>
  `${n.assignmentId}|${n.duty}|${n.period}|${n.level}`;

/** Intervals of the DESIGN.md table; configuration, with these defaults. */
export interface DutySettings {
  readonly archiveReminderDays: number;
  readonly archiveEscalationDays: number;
  readonly evaluationNoticeDays: number;
  readonly evaluationEscalationDays: number;
  readonly inactiveDays: number;
  readonly activityEscalationDays: number;
  readonly adminReminderDays: number;
  readonly approvalReminderWorkingDays: number;
  readonly approvalEscalationWorkingDays: number;
  /** Days to name a new owner after the owner left, before the communications chief hears of it. */
  readonly ownerLeftDays: number;
  /** R11: days a passive account may stay after its activity check escalated, before the communications chief is asked to close it. */
  readonly passiveCloseDays: number;
  /** R10: days until the owner is reminded, and until the chief and the communicator hear, that the communicator's login is not confirmed. */
  readonly loginReminderDays: number;
  readonly loginEscalationDays: number;
  /** R6: days after a time-limited activity's end date until the owner is reminded, and until the account should be closed (then it escalates). */
  readonly endedReminderDays: number;
  readonly endedCloseDays: number;
}

export const defaultDutySettings: DutySettings = {
  archiveReminderDays: 14,
  archiveEscalationDays: 30,
  evaluationNoticeDays: 14,
  evaluationEscalationDays: 30,
  inactiveDays: 60,
  activityEscalationDays: 14,
  adminReminderDays: 7,
  approvalReminderWorkingDays: 2,
  approvalEscalationWorkingDays: 5,
  ownerLeftDays: 14,
  passiveCloseDays: 30,
  loginReminderDays: 7,
  loginEscalationDays: 14,
  endedReminderDays: 14,
  endedCloseDays: 30,
};

/** What the rules need besides the assignment: who the department communicator is (R10). */
export interface DutyFacts {
  readonly communicatorAadObjectId?: string;
}

const date = /\d{4}-\d{2}-\d{2}/.source;
const periodPatterns: Record<DutyKind, RegExp> = {
  archive: /^\d{4}-H[12]$/,
  evaluation: new RegExp(`^(end-)?${date}$`),
  activity: new RegExp(`^${date}$`),
  admins: new RegExp(`^${date}$`),
  login: new RegExp(`^${date}$`),
  ended: new RegExp(`^${date}$`),
  ownerLeft: new RegExp(`^${date}$`),
  substitute: new RegExp(`^${date}$`),
  approval: /^(chief|communicator|commschief)-\d{8}T\d{6}$/,
};

export const isPeriodOf = (duty: DutyKind, period: string): boolean => periodPatterns[duty].test(period);

/**
 * When a period of a duty begins: when what it names has begun. An archive period names a half-year
 * (R15: its snapshot may be sent within it, as an account closing sends its last one); a yearly
 * evaluation the year up to its anniversary; the end of a time-limited activity, and its evaluation,
 * the day after its last day (R6: "efter avslutad"; only the plan's end date as it stands); an approval's wait the moment it began; every other period the
 * day its duty falls due. Every nudge of a period goes out at or after its start, so a period whose
 * nudge was issued has begun. Undefined for what is no period of the duty.
 */
function periodStart(state: Assignment, duty: DutyKind, period: string): DateTime | undefined {
  if (!isPeriodOf(duty, period)) return undefined;
  // Only the activity's end date as it stands ends it (an extension moves it).
  const ended = (endDate: string) => (state.plan?.kind === 'account' && state.plan.channel.endDate === endDate ? afterEnd(endDate) : undefined);
  switch (duty) {
    case 'archive':
      return DateTime.fromObject({ year: Number(period.slice(0, 4)), month: period.endsWith('H1') ? 1 : 7, day: 1 }, { zone });
    case 'evaluation':
      // R6, "efter avslutad tidsbegränsad aktivitet": the evaluation of the activity once it has ended.
      return period.startsWith('end-') ? ended(period.slice('end-'.length)) : local(period).minus({ years: 1 });
    case 'ended':
      return ended(period);
    case 'approval':
      return DateTime.fromFormat(period.slice(period.indexOf('-') + 1), "yyyyMMdd'T'HHmmss", { zone: 'utc' });
    case 'activity':
    case 'admins':
    case 'login':
    case 'ownerLeft':
    case 'substitute':
      return local(period);
    default: {
      const exhaustive: never = duty;
      return exhaustive;
    }
  }
}

/** Whether this period of the duty has begun at `now` (ISO): only then can it be done or put off (R6, R15). */
export function periodBegun(state: Assignment, duty: DutyKind, period: string, now: string): boolean {
  const start = periodStart(state, duty, period);
  return start !== undefined && start.isValid && start <= DateTime.fromISO(now);
}

/** Levels from here on are the reminders after a snooze (10 after the first, 11 after the second…). */
export const snoozeLevel = 9;

interface Level {
  readonly at: DateTime;
  readonly audience: Audience;
}

interface Occurrence {
  readonly duty: DutyKind;
  readonly period: string;
  readonly due: DateTime;
  readonly levels: readonly Level[];
}

const local = (iso: string) => DateTime.fromISO(iso, { zone });
/** Weekends and holidays can push a level several days past its date (Christmas to Epiphany): look this far around a window. */
const slack = { days: 14 };
const office = (instant: DateTime) => nextOfficeMoment(instant);
const dayStart = (d: DateTime) => d.setZone(zone).startOf('day');
/** R6: a time-limited activity has ended the day after its end date, its last day. */
const afterEnd = (endDate: string) => dayStart(local(endDate)).plus({ days: 1 });

/** The half-year turns (1 January, 1 July, 00:00 in Stockholm) after `after`, up to `until`. */
function halfYearTurns(after: DateTime, until: DateTime): DateTime[] {
  const start = after.setZone(zone);
  let turn = DateTime.fromObject({ year: start.year, month: start.month <= 6 ? 1 : 7, day: 1 }, { zone });
  const turns: DateTime[] = [];
  for (; turn <= until; turn = turn.plus({ months: 6 })) if (turn > start) turns.push(turn);
  return turns;
}

const halfYearBefore = (turn: DateTime) => (turn.month === 1 ? `${turn.year - 1}-H2` : `${turn.year}-H1`);

/**
 * R11: the day the activity check of an active account falls due: 60 days (the setting) after it was
 * last known to be updated (the day of its latest post, as its owner gave it), or after it was
 * approved. A pause (a summer break) counts as activity until it ends.
 */
function activityCheckDay(state: Extract<Assignment, { status: 'active' }>, s: DutySettings): DateTime {
  const log = state.dutyLog ?? {};
  const lastActive = [state.activatedAt, log.lastActivityAt, log.pausedUntil].filter((t): t is string => !!t).map(local).reduce((a, b) => (b > a ? b : a));
  return dayStart(lastActive.plus({ days: s.inactiveDays }));
}

/** R11: the day (ISO date) the activity check of the account next falls due, as it stands; undefined if it has none. */
export function nextActivityCheck(state: Assignment, settings = defaultDutySettings): string | undefined {
  if (state.status !== 'active' || state.plan.kind !== 'account') return undefined;
  return activityCheckDay(state, settings).toISODate() ?? undefined;
}

/**
 * R11, "uppdateras regelbundet": whether an account whose latest post was on `lastPost` (a date) is
 * updated regularly at `now`: the activity check counted from that post is not due yet. A post older
 * than that counts as passive: it does not answer the check.
 */
export const updatedRegularly = (lastPost: string, now: DateTime, settings = defaultDutySettings): boolean =>
  dayStart(local(lastPost).plus({ days: settings.inactiveDays })) > now;

/** Every occurrence of every duty whose levels may fall in (from, to]. */
function occurrences(state: Assignment, from: DateTime, to: DateTime, s: DutySettings, facts: DutyFacts): Occurrence[] {
  const found: Occurrence[] = [];
  const step = waitingStep(state);
  if (step) {
    const since = local(state.status === 'active' && state.pendingOwner ? state.pendingOwner.proposedAt : ('waitingSince' in state && state.waitingSince) || ('submittedAt' in state ? state.submittedAt : state.createdAt));
    const reminder = addWorkingDays(since, s.approvalReminderWorkingDays);
    found.push({
      duty: 'approval',
      period: `${step}-${since.toUTC().toFormat("yyyyMMdd'T'HHmmss")}`,
      due: reminder,
      levels: [
        { at: office(reminder), audience: 'approver' },
        { at: office(addWorkingDays(since, s.approvalEscalationWorkingDays)), audience: 'applicantAndNextLevel' },
      ],
    });
  }
  if (state.status !== 'active' || state.plan.kind !== 'account') return found;
  const activated = local(state.activatedAt);
  const log = state.dutyLog ?? {};

  // R15: at every half-year turn; a reminder after 14 days; to chief and communicator after 30.
  for (const turn of halfYearTurns(activated, to).filter((t) => t.plus({ days: s.archiveEscalationDays }).plus(slack) > from)) {
    found.push({
      duty: 'archive',
      period: halfYearBefore(turn),
      due: turn,
      levels: [
        { at: office(turn), audience: 'owner' },
        { at: office(turn.plus({ days: s.archiveReminderDays })), audience: 'owner' },
        { at: office(turn.plus({ days: s.archiveEscalationDays })), audience: 'escalation' },
      ],
    });
  }

  // R6: every year from activation (14 days before the anniversary, on the day, 30 days late), up to
  // the end of a time-limited activity: once it has ended, its own evaluation covers it (below).
  const end = state.plan.channel.endDate;
  for (let year = 1; ; year++) {
    const due = dayStart(activated.plus({ years: year }));
    if (due.minus({ days: s.evaluationNoticeDays }).minus(slack) > to || (end && due >= afterEnd(end))) break;
    if (due.plus({ days: s.evaluationEscalationDays }).plus(slack) > from) {
      found.push({
        duty: 'evaluation',
        period: due.toISODate() ?? '',
        due,
        levels: [
          { at: office(due.minus({ days: s.evaluationNoticeDays })), audience: 'owner' },
          { at: office(due), audience: 'owner' },
          { at: office(due.plus({ days: s.evaluationEscalationDays })), audience: 'escalation' },
        ],
      });
    }
  }
  if (end) {
    // R6: a time-limited activity that has ended is evaluated ("efter avslutad tidsbegränsad aktivitet",
    // the evaluation `end-<date>` of its own period) and then closed within 30 days, or extended: one
    // duty, one card. Then the chief and the communicator hear, and later the communications chief is
    // asked to close it. The end date is the activity's last day: the owner is asked the day after.
    const ended = local(end);
    const closeBy = ended.plus({ days: s.endedCloseDays });
    found.push({
      duty: 'ended',
      period: end,
      due: closeBy,
      levels: [
        { at: office(afterEnd(end)), audience: 'owner' },
        { at: office(ended.plus({ days: s.endedReminderDays })), audience: 'owner' },
        { at: office(closeBy), audience: 'escalation' },
        { at: office(closeBy.plus({ days: s.passiveCloseDays })), audience: 'commsChief' },
      ],
    });
  }

  // R10: the owner confirms that the department communicator has been given the login: asked the
  // day after approval (not on top of the news of it), reminded after a week, and the chief and the
  // communicator hear after two. Only for a plan that promised it: one sent before the promise
  // existed (stored without it) is not asked after the fact.
  if (state.plan.commitments.communicatorHasLogin === true) found.push({
    duty: 'login',
    period: activated.toISODate() ?? '',
    due: activated,
    levels: [
      { at: office(activated.plus({ days: 1 })), audience: 'owner' },
      { at: office(activated.plus({ days: s.loginReminderDays })), audience: 'owner' },
      { at: office(activated.plus({ days: s.loginEscalationDays })), audience: 'escalation' },
    ],
  });

  // R11: no post known for 60 days: ask for the latest; 14 days of silence: escalate.
  const inactiveFrom = activityCheckDay(state, s);
  found.push({
    duty: 'activity',
    period: inactiveFrom.toISODate() ?? '',
    due: inactiveFrom,
    levels: [
      { at: office(inactiveFrom), audience: 'owner' },
      { at: office(inactiveFrom.plus({ days: s.activityEscalationDays })), audience: 'escalation' },
      // Still no answer: the account is passive, and the communications chief is asked to close it.
      { at: office(inactiveFrom.plus({ days: s.activityEscalationDays + s.passiveCloseDays })), audience: 'commsChief' },
    ],
  });

  // R10: two admins besides the department communicator (the rule the plan is checked by); at once, then weekly until fixed.
  if (!enoughAdmins(state.plan.administration.admins, facts.communicatorAadObjectId)) {
    const since = local(log.adminsChangedAt ?? state.activatedAt);
    const first = Math.max(0, Math.floor(from.diff(since, 'days').days / s.adminReminderDays) - 1);
    const levels: Level[] = [];
    for (let k = first; ; k++) {
      const at = office(since.plus({ days: k * s.adminReminderDays }));
      if (at > to) break;
      levels[k] = { at, audience: 'owner' };
    }
    found.push({ duty: 'admins', period: since.toISODate() ?? '', due: since, levels });
  }

  // The owner left (Entra ID): their chief and the communicator name a new owner; after the days
  // allowed, the communications chief hears that nobody has.
  if (log.ownerLeftAt) {
    const left = local(log.ownerLeftAt);
    found.push({
      duty: 'ownerLeft',
      period: left.toISODate() ?? '',
      due: left.plus({ days: s.ownerLeftDays }),
      levels: [
        { at: office(left), audience: 'escalation' },
        { at: office(left.plus({ days: s.ownerLeftDays })), audience: 'commsChief' },
      ],
    });
  }

  // R14: when an absence starts, the substitute hears which accounts they watch; without one, the
  // chief and the communicator hear that nobody does.
  for (const absence of log.absences ?? []) {
    // A substitute known only by name (not in Teams) is named, but cannot be told.
    if (absence.substitute?.trim() && !absence.substituteAadObjectId) continue;
    const start = dayStart(local(absence.from));
    const audience: Audience = absence.substituteAadObjectId ? 'substitute' : 'escalation';
    found.push({ duty: 'substitute', period: start.toISODate() ?? '', due: start, levels: [{ at: office(start), audience }] });
  }
  return found.map((o) => snoozed(o, log));
}

/**
 * The local date a period of a duty falls due, as the duty's own occurrence has it: an archive's
 * half-year at the turn after it, an ended activity (and its evaluation, `end-<date>`) when it is to be
 * closed, the others on their day. Undefined for a period the plan as it stands has none of (an end
 * date since moved).
 */
export function periodDue(state: Assignment, duty: DutyKind, period: string, settings = defaultDutySettings, facts: DutyFacts = {}): string | undefined {
  const [own, ownPeriod] = duty === 'evaluation' && period.startsWith('end-') ? (['ended', period.slice('end-'.length)] as const) : ([duty, period] as const);
  const start = periodStart(state, own, ownPeriod);
  const occurrence = start && occurrences(state, start, start.plus({ years: 1 }), settings, facts).find((o) => o.duty === own && o.period === ownPeriod);
  return occurrence?.due.setZone(zone).toISODate() ?? undefined;
}

/** Levels of the first notice and reminders a snooze put off move to the snooze's end, as one more level. */
function snoozed(o: Occurrence, log: NonNullable<Extract<Assignment, { status: 'active' }>['dutyLog']>): Occurrence {
  const snooze = log.snoozes?.[`${o.duty}|${o.period}`];
  if (!snooze) return o;
  const until = local(snooze.until);
  const levels: Level[] = o.levels.map((l) => (l && l.audience === 'owner' && l.at < until ? undefined : l)) as Level[];
  levels[snoozeLevel + snooze.count] = { at: office(until), audience: 'owner' };
  return { ...o, levels };
}

/** Whether this period of the duty was completed before `at`. */
function doneBefore(state: Assignment, duty: DutyKind, period: string, at: DateTime): boolean {
  const done = state.status === 'active' ? state.dutyLog?.done?.[`${duty}|${period}`] : undefined;
  return done !== undefined && local(done) <= at;
}

/** Every nudge of the assignment that goes out in (from, to], in time order. */
export function nudgesBetween(state: Assignment, from: DateTime, to: DateTime, settings = defaultDutySettings, facts: DutyFacts = {}): Nudge[] {
  const nudges: Nudge[] = [];
  for (const o of occurrences(state, from, to, settings, facts)) {
    o.levels.forEach((level, index) => {
      if (!level || level.at <= from || level.at > to || doneBefore(state, o.duty, o.period, level.at)) return;
      const at = level.at.toUTC().toISO() ?? '';
      nudges.push({ assignmentId: state.id, duty: o.duty, period: o.period, level: index, at, due: o.due.setZone(zone).toISODate() ?? '', audience: level.audience });
    });
  }
  return nudges.sort((a, b) => a.at.localeCompare(b.at) || nudgeKey(a).localeCompare(nudgeKey(b)));
}

/** How far ahead the next nudge is looked for: every active account has one within a year. */
const horizon = { years: 2 };

/** The first nudge after `after`, if any within two years. */
export function nextNudgeAfter(state: Assignment, after: DateTime, settings = defaultDutySettings, facts: DutyFacts = {}): Nudge | undefined {
  return nudgesBetween(state, after, after.plus(horizon), settings, facts)[0];
}

/** Whether `nudge` still stands for the assignment as it is now (its duty may have ended since). */
export function stillDue(state: Assignment, nudge: Nudge, settings = defaultDutySettings, facts: DutyFacts = {}): boolean {
  const at = DateTime.fromISO(nudge.at);
  return nudgesBetween(state, at.minus({ milliseconds: 1 }), at, settings, facts).some((n) => nudgeKey(n) === nudgeKey(nudge));
}

/**
 * Whether what `nudge` asks for is still to be done: its period is not done and the assignment as
 * it is now still has that period of the duty, at whatever level (a snooze moves the levels, not the
 * duty). Admin coverage counts as one duty whatever its period: a change that still leaves too few
 * admins starts a new period, and the card still stands. Admins added, a pause, a decision or a
 * closed account end it. A card about a nudge that is no longer open is updated to say so
 * (bot/flows/duties/follow.ts).
 */
export function stillOpen(state: Assignment, nudge: Nudge, settings = defaultDutySettings, facts: DutyFacts = {}): boolean {
  const done = state.status === 'active' && state.dutyLog?.done?.[`${nudge.duty}|${nudge.period}`];
  if (done) return false;
  const at = DateTime.fromISO(nudge.at);
  return occurrences(state, at.minus({ milliseconds: 1 }), at, settings, facts).some((o) => o.duty === nudge.duty && (o.period === nudge.period || o.duty === 'admins'));
}

/**
 * When the duty of this nudge escalates to the chief and the communicator, if it still will: what a
 * reminder promises, computed from the settings. Undefined once the escalation has gone, or if none comes.
 */
export function escalationAfter(state: Assignment, nudge: Nudge, settings = defaultDutySettings, facts: DutyFacts = {}): string | undefined {
  const at = DateTime.fromISO(nudge.at);
  const later = nudgesBetween(state, at, at.plus({ days: 120 }), settings, facts);
  return later.find((n) => n.duty === nudge.duty && n.period === nudge.period && n.audience === 'escalation')?.at;
}

export interface OverdueDuty {
  readonly duty: DutyKind;
  readonly period: string;
  readonly due: string;
}

/** The duties of the assignment that are due by `now` and not done: what an escalation lists. */
export function overdue(state: Assignment, now: DateTime, settings = defaultDutySettings, facts: DutyFacts = {}): OverdueDuty[] {
  return overdueAmong(state, allNudges(state, now, settings, facts), now);
}

/** Every nudge of the assignment's life up to `now`. */
export const allNudges = (state: Assignment, now: DateTime, settings = defaultDutySettings, facts: DutyFacts = {}): Nudge[] =>
  nudgesBetween(state, local(state.createdAt).minus({ days: 1 }), now, settings, facts);

/** `overdue`, from the nudges of the assignment's life up to `now` (`allNudges`), for a caller that reads them for more. */
export function overdueAmong(state: Assignment, nudges: readonly Nudge[], now: DateTime): OverdueDuty[] {
  const open = new Map<string, OverdueDuty>();
  for (const n of nudges) {
    const key = `${n.duty}|${n.period}`;
    const done = state.status === 'active' && state.dutyLog?.done?.[key];
    if (!done && n.due <= (now.setZone(zone).toISODate() ?? '')) open.set(key, { duty: n.duty, period: n.period, due: n.due });
  }
  return [...open.values()].sort((a, b) => a.due.localeCompare(b.due));
}

/**
 * R11, R6: whether the communications chief has been asked to close the account (its activity check
 * went unanswered through the escalation and the days after, or its time-limited activity ended and it
 * was not closed): from then on they may close it.
 */
export function askedToClose(state: Assignment, now: DateTime, settings = defaultDutySettings): boolean {
  if (state.status !== 'active') return false;
  const asked = (duty: DutyKind) =>
    occurrences(state, now.minus({ days: settings.activityEscalationDays + settings.endedCloseDays + settings.passiveCloseDays + 30 }), now, settings, {})
      .filter((o) => o.duty === duty)
      .some((o) => !state.dutyLog?.done?.[`${o.duty}|${o.period}`] && o.levels.some((l) => l?.audience === 'commsChief' && l.at <= now));
  // R6: a time-limited activity ended long ago is closed the same way.
  return (passiveSince(state, now, settings) !== undefined && asked('activity')) || asked('ended');
}

/**
 * R11: an account is passive once the activity check has escalated without an answer: from then on
 * its communicator sees it marked so. The date is when activity was last expected.
 */
export function passiveSince(state: Assignment, now: DateTime, settings = defaultDutySettings): string | undefined {
  if (state.status !== 'active' || state.plan.kind !== 'account') return undefined;
  const check = occurrences(state, now.minus({ days: settings.activityEscalationDays + 30 }), now, settings, {}).find((o) => o.duty === 'activity');
  const escalation = check?.levels.find((l) => l?.audience === 'escalation');
  if (!check || !escalation || escalation.at > now || state.dutyLog?.done?.[`activity|${check.period}`]) return undefined;
  return check.period;
}
