import { texts } from '../../bot/i18n';
import type { Locale } from '../../bot/domain/locale';
import { defaultDutySettings } from '../../bot/domain/duties';
import { longestPauseDays } from '../../bot/domain/dutyCommands';

/**
 * Every text with which the bot refuses what a card sent, or asks for something to be fixed, in
 * `locale`: the notices of refusals and the messages shown next to a field. Confirmations ("Sparat",
 * "Tack!") are not here, nor are texts that only describe.
 */
export function refusalTexts(locale: Locale): ReadonlySet<string> {
  const t = texts(locale);
  const { stale, fix, incomplete, notYours, notFound, unreadable } = t.plan.notices;
  const a = t.account;
  const d = t.duties;
  return new Set<string>([
    t.welcome.unknownAction,
    stale, fix, incomplete, notYours, notFound, unreadable, t.plan.together.noChief, t.plan.together.nothingCorrected,
    ...Object.values(t.approval.refused),
    t.approval.assign.unknown, t.approval.assign.applicant, t.approval.assign.notAllowed, t.approval.assign.decidesLater, t.approval.assign.notChief, t.approval.assign.otherDepartment, t.approval.appoint.notNeeded, t.organisation.onlyChief, t.organisation.unreadable,
    a.notFound, a.notAllowed, a.notOwner, a.notActive, a.unreadable, a.checklistMissing, a.snapshotMissing, a.ownerPending, a.lostRace,
    d.tasks.cannotSnooze, d.tasks.referenceRequired, d.tasks.badPause(longestPauseDays), d.tasks.notYours, d.tasks.unreadable, d.tasks.notActive, d.tasks.notBegun, d.tasks.lostRace,
    d.tasks.badLastPost, d.tasks.notUpdated(defaultDutySettings.inactiveDays),
    d.upload.gone, d.upload.notOffered,
    d.evaluation.fix,
    d.absence.badDates, d.absence.unknownSubstitute, d.absence.notYourself, d.absence.none,
    t.report.fix, t.report.unknownKind,
    t.removal.fix, t.removal.none, t.removal.notAllowed, t.removal.unreadable,
    t.help.notFound, t.help.unknownTopic,
    t.records.notAllowed, t.records.notFound, t.privacy.onlyCommsChief,
    t.report.diary.notFound, t.report.diary.notRegistrar, t.report.diary.fix,
    t.overview.notAllowed, t.overview.unreadable,
    ...Object.values(t.fieldErrors),
  ]);
}

const problemStyle = (value: unknown) => typeof value === 'string' && /^(attention|warning)$/i.test(value);

/**
 * The refusal an answered card shows, if it shows one: a known refusal text (`known`) in a TextBlock
 * that is marked as a problem, by its colour or by the style of a Container around it. Hidden
 * elements and whatever sits in the card's actions (a ShowCard's card is folded away) do not count.
 */
export function refusalOn(card: unknown, known: ReadonlySet<string>): string | undefined {
  const visit = (node: unknown, flagged: boolean): string | undefined => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = visit(item, flagged);
        if (found) return found;
      }
      return undefined;
    }
    if (typeof node !== 'object' || node === null) return undefined;
    const element = node as Record<string, unknown>;
    if (element.isVisible === false) return undefined;
    if (element.type === 'TextBlock' && typeof element.text === 'string' && known.has(element.text) && (flagged || problemStyle(element.color))) {
      return element.text;
    }
    const inside = flagged || (element.type === 'Container' && problemStyle(element.style));
    for (const [key, value] of Object.entries(element)) {
      if (key === 'actions' || key === 'selectAction') continue;
      const found = visit(value, inside);
      if (found) return found;
    }
    return undefined;
  };
  return visit(card, false);
}
