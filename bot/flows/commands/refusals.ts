import type { Command, Refusal } from '../../domain/assignment';
import { longestPauseDays } from '../../domain/dutyCommands';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';

/**
 * Why a press changed nothing: a refusal of the rules, a card that could not be read, a person picked
 * who is not in the directory (or has left), or a change made meanwhile.
 */
export type PressRefusal = Refusal | { readonly reason: 'unreadable' } | { readonly reason: 'unknownPerson' } | { readonly reason: 'conflict' };

/**
 * Where the refusal is shown, which decides its words: the plan's cards, an approval card (and its
 * two pickers, naming who decides and a new owner), the owner's accounts, a nudge card's task (and a
 * snapshot sent in the chat), "jag är borta", a removed post recorded, an assignment's records (akt, snapshots) and the hold on their clean-up, a report (R13, R21, R22) and its diary number.
 */
export type Surface = 'plan' | 'approval' | 'assign' | 'appoint' | 'account' | 'duty' | 'absence' | 'removal' | 'records' | 'hold' | 'report' | 'diary' | 'organisation' | 'overview';

/** The field of the card a refusal is shown under, when it concerns one. */
export type RefusalField = 'comment' | 'person' | 'date' | 'lastPost';

/** A refusal as the person reads it. `done`: nothing is left to do on that card (it says so, without buttons). */
export interface RefusalShown {
  readonly reason: PressRefusal['reason'];
  readonly text: string;
  readonly style: 'attention' | 'warning' | 'good';
  readonly field?: RefusalField;
  readonly done?: boolean;
}

/**
 * Every refusal's text, in one place: one switch over every reason there is, ending in `never`, so a
 * new refusal of the domain does not compile until someone says what the person reads. `tried` is
 * the command refused, where the words depend on it.
 */
export function refusalShown(locale: Locale, surface: Surface, refusal: PressRefusal, tried?: Command['type']): RefusalShown {
  const t = texts(locale);
  const { reason } = refusal;
  const on = (text: string, style: RefusalShown['style'] = 'attention', extra: Pick<RefusalShown, 'field' | 'done'> = {}): RefusalShown => ({ reason, text, style, ...extra });
  const plan = surface === 'plan';
  const account = surface === 'account' || surface === 'removal';
  const duty = surface === 'duty' || surface === 'absence';
  // Records are only read: a card that names none, or none this person may read.
  // A report: a card of a kind there is not (the menu says so); its diary number: a report not there, or not the registrar's to number.
  if (surface === 'report') return on(t.report.unknownKind);
  if (surface === 'diary') return on(reason === 'notAllowed' ? t.report.diary.notRegistrar : t.report.diary.notFound);
  if (surface === 'hold') return on(reason === 'notAllowed' ? t.privacy.onlyCommsChief : t.records.notFound);
  // The departments' communicators: a card that is not the "förvaltningar" card (who may save is decided by the directory).
  if (surface === 'organisation') return on(reason === 'notAllowed' ? t.organisation.onlyChief : t.organisation.unreadable);
  // The overview (R16): someone who oversees no department of it, or a card that cannot be read; the rest as a duty's words.
  if (surface === 'overview' && (reason === 'notAllowed' || reason === 'notYours')) return on(t.overview.notAllowed);
  if (surface === 'overview' && (reason === 'unreadable' || reason === 'notFound')) return on(t.overview.unreadable);
  if (surface === 'records') return on(reason === 'notAllowed' || reason === 'notYours' ? t.records.notAllowed : t.records.notFound);
  switch (reason) {
    case 'unreadable':
      // A form that is filled in again (a removal, an absence) says so; elsewhere the card shown instead is named.
      if (surface === 'removal' || surface === 'absence') return on(t.removal.unreadable);
      return on(plan ? t.plan.notices.unreadable : account || duty ? t.account.unreadable : t.approval.refused.unreadable);
    case 'notFound':
      return on(plan ? t.plan.notices.notFound : account ? t.account.notFound : duty ? t.account.unreadable : t.approval.refused.notFound);
    case 'unknownPerson':
      return on(t.approval.assign.unknown, 'attention', { field: 'person' });
    case 'conflict':
      return plan ? on(t.plan.notices.stale, 'warning') : account ? on(t.account.lostRace, 'warning') : duty ? on(t.duties.tasks.lostRace) : on(t.approval.refused.lostRace);
    case 'notYours':
      return account ? on(t.account.notOwner, 'warning') : duty ? on(t.duties.tasks.notYours, 'attention', { done: true }) : on(t.plan.notices.notYours);
    case 'stale':
    case 'notDraft':
      return on(t.plan.notices.stale, 'warning');
    case 'incomplete':
      return on(t.plan.notices.incomplete);
    case 'notWaiting':
      return on(surface === 'appoint' ? t.approval.appoint.notNeeded : t.approval.refused.notWaiting);
    case 'oldVersion':
      return on(t.approval.refused.oldVersion);
    case 'ownPlan':
      return surface === 'assign' ? on(t.approval.assign.applicant, 'attention', { field: 'person' }) : surface === 'appoint' ? on(t.approval.assign.unknown, 'attention', { field: 'person' }) : on(t.approval.refused.ownPlan);
    case 'notApprover':
      return on(t.approval.refused.notApprover);
    case 'commentRequired':
      return on(t.approval.refused.commentRequired, 'attention', { field: 'comment' });
    case 'notActive':
      return account ? on(t.account.notActive, 'warning') : on(t.duties.tasks.notActive, 'attention', { done: true });
    case 'notAllowed':
      // "Jag är borta": the one thing the owner can be refused is naming themselves; a removal: an account they do not look after.
      if (surface === 'absence') return on(t.duties.absence.notYourself);
      if (surface === 'removal') return on(t.removal.notAllowed);
      return account
        ? on(t.account.notAllowed, 'warning')
        : duty
          ? on(t.duties.tasks.notYours, 'attention', { done: true })
          : surface === 'assign'
            ? on(t.approval.assign.notAllowed)
            : on(t.approval.refused.notApprover);
    case 'noChief':
      return on(t.plan.together.noChief);
    case 'nothingCorrected':
      return on(t.plan.together.nothingCorrected, 'warning');
    case 'decidesLater':
      return on(t.approval.assign.decidesLater, 'attention', { field: 'person' });
    case 'notChief':
      return on(t.approval.assign.notChief, 'attention', { field: 'person' });
    case 'otherDepartment':
      return on(t.approval.assign.otherDepartment, 'attention', { field: 'person' });
    case 'alreadyDone':
      return surface === 'removal' ? on(t.removal.already, 'good', { done: true }) : on(t.duties.tasks.alreadyDone, 'good', { done: true });
    case 'remindedToday':
      // "Påminn nu" pressed twice the same day: the owner has the card already.
      return on(t.overview.remindedToday, 'good');
    case 'notBegun':
      // A card for a period to come (next year's evaluation, a later half-year's snapshot): nothing to do yet.
      return on(t.duties.tasks.notBegun);
    case 'badDates':
      // A snooze past the escalation has no date to fix: it cannot be put off.
      if (surface === 'absence') return on(t.duties.absence.badDates, 'attention', { field: 'date' });
      // R11: the day of the latest post, under its own field.
      if (tried === 'CompleteDuty') return on(t.duties.tasks.badLastPost, 'attention', { field: 'lastPost' });
      return tried === 'SnoozeDuty' ? on(t.duties.tasks.cannotSnooze) : on(t.duties.tasks.badPause(longestPauseDays), 'attention', { field: 'date' });
    case 'unchanged':
      return on(t.planChange.unchanged, 'warning');
    case 'changeWaiting':
      return on(t.planChange.waiting, 'warning');
    default: {
      const unplaced: never = reason;
      throw new Error(`No text for the refusal ${String(unplaced)}`);
    }
  }
}
