import { z } from 'zod';
import { absenceCard, type AdaptiveCard } from '../../../cards';
import type { Assignment, Command } from '../../domain/assignment';
import { texts } from '../../i18n';
import { refusalShown } from '../commands/refusals';
import { cardFields, type CardHandler, type CardTurn } from '../turn';
import type { DutyTaskDeps } from './dutyVerb';
import { accountName, ownsActiveAccount } from '../../domain/account';
import { isAbsencePeriod } from '../../domain/dutyCommands';
import { isEnabled } from '../../domain/directory';
import { cardId } from '../../domain/fields';

// Checked one after the other, so the card says which of them to fix.
const datesData = z.object({ from: z.string().max(10), to: z.string().max(10) });
const substituteData = z.object({ substitute: z.union([z.literal(''), cardId]).optional().default('') });

/**
 * "Jag är borta" (R14): the owner gives the dates and a substitute once, for every active account
 * they own. The duty engine then tells the substitute when the absence starts, or, without one,
 * the chief and the communicator.
 */
export function absenceHandlers(deps: DutyTaskDeps): Record<'form' | 'save', CardHandler> {
  const owned = async (turn: CardTurn): Promise<Assignment[]> =>
    (await deps.assignments.listFor(turn.user.aadObjectId)).filter((a) => ownsActiveAccount(a, turn.user.aadObjectId));

  async function form(turn: CardTurn, values: { from: string; to: string; substitute: string } = { from: '', to: '', substitute: '' }, notice?: { text: string; style: 'good' | 'attention'; done?: boolean }): Promise<AdaptiveCard> {
    const t = texts(turn.locale).duties.absence;
    const accounts = await owned(turn);
    const open = accounts.length > 0 && !notice?.done;
    return absenceCard({
      title: t.title,
      ...(accounts.length > 0 ? { intro: t.intro } : notice ? {} : { intro: t.none }),
      ...(notice ? { notice: notice.text, noticeStyle: notice.style } : {}),
      form: open,
      accounts: accounts.map((a) => ({ title: t.account, value: accountName(a) })),
      t: t.t,
      v: values,
      hints: t.hints,
      actions: open ? [{ title: t.save, verb: 'absence.save', data: {} }] : [],
    });
  }

  return {
    form: (turn) => form(turn),

    save: async (turn) => {
      const t = texts(turn.locale).duties.absence;
      const raw = cardFields.parse(turn.data);
      const sent = (key: string, max: number) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, max) : '');
      const typed = { from: sent('from', 10), to: sent('to', 10), substitute: sent('substitute', 100) };
      const accounts = await owned(turn);
      if (accounts.length === 0) return form(turn, typed, { text: t.none, style: 'attention' });
      const now = deps.clock().toISOString();
      const dates = datesData.safeParse(raw);
      if (!dates.success || !isAbsencePeriod(dates.data.from, dates.data.to, now)) return form(turn, typed, { text: t.badDates, style: 'attention' });
      const { from, to } = dates.data;
      const chosen = substituteData.safeParse(raw);
      const person = chosen.success && chosen.data.substitute ? await deps.directory.person(chosen.data.substitute) : undefined;
      if (!chosen.success || (chosen.data.substitute && (!person || !isEnabled(person)))) return form(turn, typed, { text: t.unknownSubstitute, style: 'attention' });
      if (person?.aadObjectId === turn.user.aadObjectId) return form(turn, typed, { text: t.notYourself, style: 'attention' });
      const substitute = person && { aadObjectId: person.aadObjectId, name: person.name };
      // Checked on the first account before anything is stored, so a refusal leaves every account as it was.
      for (const [i, account] of accounts.entries()) {
        const stored = await deps.assignments.get(account.id);
        if (!stored) continue;
        const command: Command = { type: 'RegisterAbsence', meta: { actor: turn.user, now }, from, to, ...(substitute ? { substitute } : {}) };
        const result = await deps.run(command, { id: account.id, loaded: stored, reach: turn.reach });
        // A refusal stops here, saying why (on the first account nothing is stored yet); an account closed meanwhile is left out.
        if (!result.ok && (i === 0 || result.reason !== 'notActive')) return form(turn, typed, { text: refusalShown(turn.locale, 'absence', result, command.type).text, style: 'attention' });
      }
      return form(turn, typed, { text: t.saved(from, to, person?.name), style: 'good', done: true });
    },
  };
}
