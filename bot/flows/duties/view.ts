// Longer than most files: one nudge card serves every duty, role and level, so their wording stays side by side.
import type { DutyCardData } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { longDate } from '../../domain/calendar';
import { nextActivityCheck, type DutySettings, type Nudge, type OverdueDuty } from '../../domain/duties';
import { evaluationDone, evaluationPeriodOf } from '../../domain/evaluation';
import type { NudgeRole } from '../../domain/nudgeRecipients';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import { periodLabel } from '../shared/periodLabel';
import { dutyLine, ownerTasks } from '../shared/ownerTasks';

/** The people a nudge card names, looked up before it is drawn. */
export interface NudgeNames {
  readonly owner: string;
  readonly approver?: string;
  readonly nextLevel?: string;
  /** Set on the card to the chief and communicator when the person the nudge was for cannot be reached. */
  readonly unreachable?: string;
  /** The account's admins, on the admin coverage card (R10). */
  readonly admins?: string;
  /** The department communicator, on the login card (R10). */
  readonly communicator?: string;
}

/** What a nudge card is drawn from. `role` says which side of the nudge the recipient is on. */
export interface NudgeView {
  readonly nudge: Nudge;
  readonly state: Assignment;
  readonly role: NudgeRole;
  readonly names: NudgeNames;
  readonly overdue: readonly OverdueDuty[];
  readonly locale: Locale;
  /** The intervals the texts state (what will really happen). */
  readonly settings: DutySettings;
  /** Where the nudge is on its card (its inputs' ids end in it: a card may hold several forms). */
  readonly section: number;
  /** When the duty escalates to the chief and the communicator, if it still will (duties.ts `escalationAfter`). */
  readonly escalatesAt?: string;
  /** After a task on the card: what happened, or what to fix (with the typed value kept). */
  readonly shown?: {
    readonly notice?: string;
    readonly style?: 'good' | 'attention';
    readonly done?: boolean;
    readonly fieldValue?: string;
    readonly fieldError?: string;
    /** The pause's date. */
    readonly dateError?: string;
    /** R11: the day of the latest post, as picked, and what is wrong with it. */
    readonly lastPostValue?: string;
    readonly lastPostError?: string;
  };
}

const day = longDate;

/** A section of a nudge card without the card's heading. */
export type NudgeSection = Omit<DutyCardData, 'heading'>;

/** The section about one nudge on a recipient's card, in their language. */
export function nudgeSection(view: NudgeView): NudgeSection {
  const { nudge, state, names, locale } = view;
  const t = texts(locale);
  const account = accountName(state);
  const show = { title: t.duties.approval.show, verb: 'approval.refresh', data: { assignmentId: state.id } } as const;
  const base: NudgeSection = {
    title: '',
    paragraphs: [],
    facts: [{ title: t.duties.facts.account, value: account }],
    itemsTitle: t.duties.escalation.itemsTitle,
    items: [],
    actions: [],
  };
  const shown = view.shown ?? {};
  const notice = shown.notice ? { notice: shown.notice, noticeStyle: shown.style ?? 'good' } : {};
  // Once the task is done the card says so and offers nothing more to press.
  const finished = shown.done ? { actions: [], field: undefined, dates: [] } : {};
  const card = (data: Partial<NudgeSection>): NudgeSection => ({ ...base, ...notice, ...data, ...finished });

  if (view.role === 'escalation') {
    const items = view.overdue.map((item) => ({ text: dutyLine(t, item, locale) }));
    const facts = [...base.facts, { title: t.duties.facts.owner, value: names.owner }];
    if (names.unreachable) {
      return card({ title: t.duties.escalation.unreachableTitle(names.unreachable), paragraphs: [{ text: t.duties.escalation.unreachable(names.unreachable) }], facts, items, actions: [show] });
    }
    if (nudge.duty === 'ownerLeft') {
      const copy = nudge.level === 0 ? t.duties.escalation.ownerLeft : t.duties.escalation.ownerLeftLate;
      return card({ title: t.duties.escalation.ownerLeftTitle(names.owner, account), paragraphs: [{ text: copy(day(nudge.due, locale)) }], facts, items: [], actions: [show] });
    }
    if (nudge.duty === 'substitute') {
      return card({ title: t.duties.escalation.substituteTitle(names.owner), paragraphs: [{ text: t.duties.escalation.substitute(account, day(nudge.due, locale)) }], facts, items: [], actions: [show] });
    }
    // R11, R6: an account nobody confirms is in use, or whose time-limited activity has ended, may be closed by those who hear of it.
    const close = { title: t.duties.tasks.close, verb: 'account.close', data: { assignmentId: state.id } } as const;
    const closing = (duty: string) => duty === 'activity' || duty === 'ended';
    // The communications chief's card offers it only when they are asked to close (below).
    const inactive = nudge.audience !== 'commsChief' && (closing(nudge.duty) || view.overdue.some((o) => closing(o.duty)));
    if (nudge.duty === 'activity' && nudge.audience === 'commsChief') {
      return card({ title: t.duties.escalation.passiveTitle(account), paragraphs: [{ text: t.duties.escalation.passive(names.owner) }], facts, items, actions: [show, close] });
    }
    if (nudge.duty === 'ended' && nudge.audience === 'commsChief') {
      return card({ title: t.duties.escalation.endedTitle(account), paragraphs: [{ text: t.duties.escalation.ended(names.owner, day(nudge.period, locale)) }], facts, items, actions: [show, close] });
    }
    return card({ title: t.duties.escalation.title(names.owner, account), paragraphs: [{ text: t.duties.escalation.text }], facts, items, actions: inactive ? [show, close] : [show] });
  }

  if (view.role === 'substitute') {
    const absence = state.status === 'active' ? state.dutyLog?.absences?.find((a) => a.from === nudge.period) : undefined;
    return card({
      title: t.duties.substitute.title(names.owner),
      paragraphs: [{ text: t.duties.substitute.text(names.owner, day(absence?.to ?? nudge.due, locale)) }],
      facts: [...base.facts, { title: t.duties.facts.owner, value: names.owner }],
    });
  }

  if (nudge.duty === 'approval') {
    const since = { title: t.duties.facts.since, value: day(nudge.due, locale) };
    switch (view.role) {
      case 'approver':
        return card({ title: t.duties.approval.waitingTitle, paragraphs: [{ text: t.duties.approval.waiting(names.owner, account, view.settings.approvalReminderWorkingDays) }], actions: [show] });
      case 'applicant':
        return card({ title: t.duties.approval.stillWaitingTitle, paragraphs: [{ text: t.duties.approval.stillWaiting(names.approver ?? '', names.nextLevel, view.settings.approvalEscalationWorkingDays) }], actions: [show] });
      default:
        return card({ title: t.duties.approval.longWaitTitle, paragraphs: [{ text: t.duties.approval.longWait(names.owner, names.approver ?? '', view.settings.approvalEscalationWorkingDays) }], facts: [...base.facts, since], actions: [show] });
    }
  }

  const due = { title: t.duties.facts.due, value: day(nudge.due, locale) };
  // The buttons (and inputs) that do the duty: the same as under the account in "mina konton".
  const tasks = ownerTasks(t, state, nudge, view.section, shown);
  switch (nudge.duty) {
    case 'archive': {
      const copy = nudge.level === 0 ? t.duties.owner.archive : t.duties.owner.archiveReminder;
      const escalation = nudge.level > 0 && view.escalatesAt ? [{ text: t.duties.owner.escalatesOn(day(view.escalatesAt, locale)) }] : [];
      return card({
        title: copy.title(account),
        paragraphs: [{ text: copy.text }, ...escalation],
        facts: [...base.facts, { title: t.duties.facts.period, value: periodLabel(t, nudge.period) }],
        ...tasks,
      });
    }
    case 'evaluation': {
      const copy = nudge.level === 0 ? t.duties.owner.evaluation : t.duties.owner.evaluationToday;
      const escalation = nudge.level > 0 && view.escalatesAt ? [{ text: t.duties.owner.escalatesOn(day(view.escalatesAt, locale)) }] : [];
      return card({ title: copy.title(account), paragraphs: [{ text: copy.text }, ...escalation], facts: [...base.facts, due], ...tasks });
    }
    case 'activity':
      return card({ title: t.duties.owner.activity.title(account), paragraphs: [{ text: t.duties.owner.activity.text(view.settings.inactiveDays) }], ...tasks });
    case 'admins':
      return card({
        title: t.duties.owner.admins.title(account),
        paragraphs: [{ text: t.duties.owner.admins.text }],
        facts: [...base.facts, ...(names.admins ? [{ title: t.account.facts.admins, value: names.admins }] : [])],
        ...tasks,
      });
    case 'login':
      return card({ title: t.duties.owner.login.title(account), paragraphs: [{ text: t.duties.owner.login.text(names.communicator ?? '') }], ...tasks });
    case 'ended': {
      const escalation = nudge.level > 0 && view.escalatesAt ? [{ text: t.duties.owner.escalatesOn(day(view.escalatesAt, locale)) }] : [];
      // R6: evaluate the activity first, then close the account or extend the activity; once evaluated, the rest.
      const copy = evaluationDone(state, evaluationPeriodOf('ended', nudge.period)) ? t.duties.owner.ended.evaluated : t.duties.owner.ended.text;
      return card({
        title: t.duties.owner.ended.title(account),
        paragraphs: [{ text: copy(day(nudge.period, locale), day(nudge.due, locale)) }, ...escalation],
        facts: [...base.facts, due],
        ...tasks,
      });
    }
    default:
      // A substitute nudge only ever escalates; drawn like one if it reaches the owner anyway.
      return card({ title: t.duties.escalation.substituteTitle(names.owner), paragraphs: [{ text: t.duties.escalation.substitute(account, day(nudge.due, locale)) }] });
  }
}

/**
 * The section about a nudge whose duty is done, or no longer needed: nothing more to press. The same
 * whether it is the answer to the press that did it or an update to every card sent about it, so the
 * card reads the same whichever reaches Teams last.
 */
export function finishedSection(state: Assignment, nudge: Nudge, locale: Locale, settings: DutySettings): NudgeSection {
  const t = texts(locale);
  const log = state.status === 'active' ? state.dutyLog : undefined;
  const done = log?.done?.[`${nudge.duty}|${nudge.period}`];
  const duty = nudge.duty;
  // R15: where the snapshot is: the archive's own reference, or the PDF kept in Kanalkoll.
  const evidence = duty === 'archive' ? log?.evidence?.[`${duty}|${nudge.period}`] : undefined;
  const where = evidence?.kind === 'sentToArchive' ? [t.duties.tasks.archivedDone(evidence.reference)] : evidence?.kind === 'snapshot' ? [t.duties.tasks.snapshotKept] : [];
  const text =
    done && (duty === 'archive' || duty === 'evaluation' || duty === 'activity' || duty === 'login')
      ? [t.duties.finished.text(t.duties.finished.duties[duty], periodLabel(t, nudge.period), day(done, locale)), ...(duty === 'activity' ? [t.duties.tasks.activeDone(day(nextActivityCheck(state, settings) ?? '', locale))] : duty === 'evaluation' ? [t.duties.evaluation.done] : where)].join(' ')
      : duty === 'activity' && log?.pausedUntil
        ? t.duties.tasks.pausedDone(log.pausedUntil)
        : duty === 'admins' || duty === 'approval' || duty === 'ownerLeft' || (duty === 'ended' && state.status === 'closed')
          ? t.duties.finished.ended[duty]
          : t.duties.finished.ended.other;
  return { title: t.duties.finished.title(accountName(state)), notice: text, noticeStyle: 'good', paragraphs: [], facts: [], itemsTitle: '', items: [], actions: [] };
}
