import { z } from 'zod';
import { absenceCard, type AdaptiveCard } from '../../../cards';
import type { Assignment, Command } from '../../domain/assignment';
import { texts } from '../../i18n';
import { refusalShown } from '../commands/refusals';
import { commandMeta, shownAgain, type CardHandler, type CardTurn } from '../turn';
import { cardInput } from '../commands/press';
import type { DutyTaskDeps } from './dutyVerb';
import { accountName, ownsActiveAccount } from '../../domain/account';
import { isAbsencePeriod } from '../../domain/dutyCommands';
import { isEnabled } from '../../domain/directory';
import { cardId } from '../../domain/fields';

// What the card sends; the dates and the substitute are checked one after the other, so the card says which to fix.
const absenceData = z.object({ from: z.unknown().optional(), to: z.unknown().optional(), substitute: z.unknown().optional() });

/**
 * R14: the substitute the owner's plans name (`administration.substitute`), to suggest: the one most
 * of the accounts name, if they are in the directory and working here now, and not the owner.
 */
async function planSubstitute(deps: Pick<DutyTaskDeps, 'directory'>, owner: string, accounts: readonly Assignment[]): Promise<{ aadObjectId: string; name: string } | undefined> {
  const named = new Map<string, number>();
  for (const a of accounts) {
    const id = a.plan?.kind === 'account' ? a.plan.administration.substitute : undefined;
    if (id && id !== owner) named.set(id, (named.get(id) ?? 0) + 1);
  }
  for (const [id] of [...named].sort((x, y) => y[1] - x[1])) {
    const person = await deps.directory.person(id);
    if (person && isEnabled(person)) return { aadObjectId: person.aadObjectId, name: person.name };
  }
  return undefined;
}

/**
 * "Jag är borta" (R14): the owner gives the dates and a substitute once, for every active account
 * they own; the substitute their plans name is suggested. The duty engine then tells the substitute
 * when the absence starts (and they look after the accounts meanwhile), or, without one, the chief
 * and the communicator.
 */
export function absenceHandlers(deps: DutyTaskDeps): Record<'form' | 'save', CardHandler> {
  const owned = async (turn: CardTurn): Promise<Assignment[]> =>
    (await deps.assignments.listFor(turn.user.aadObjectId)).filter((a) => ownsActiveAccount(a, turn.user.aadObjectId));

  async function form(turn: CardTurn, typed?: { from: string; to: string; substitute: string }, notice?: { text: string; style: 'good' | 'attention'; done?: boolean }): Promise<AdaptiveCard> {
    const t = texts(turn.locale).duties.absence;
    const accounts = await owned(turn);
    const open = accounts.length > 0 && !notice?.done;
    // A new form suggests the plans' substitute; one shown again keeps what was chosen.
    const suggested = typed ? undefined : await planSubstitute(deps, turn.user.aadObjectId, accounts);
    const values = typed ?? { from: '', to: '', substitute: suggested?.aadObjectId ?? '' };
    const chosen = suggested ?? (cardId.safeParse(values.substitute).success ? await deps.directory.person(values.substitute) : undefined);
    return absenceCard({
      title: t.title,
      ...(accounts.length > 0 ? { intro: suggested ? `${t.intro} ${t.suggested(suggested.name)}` : t.intro } : notice ? {} : { intro: t.none }),
      ...(notice ? { notice: notice.text, noticeStyle: notice.style } : {}),
      form: open,
      accounts: accounts.map((a) => ({ title: t.account, value: accountName(a) })),
      t: t.t,
      v: values,
      picked: chosen && chosen.aadObjectId === values.substitute ? [{ title: chosen.name, value: chosen.aadObjectId }] : [],
      hints: t.hints,
      actions: open ? [{ title: t.save, verb: 'absence.save', data: {} }] : [],
    });
  }

  return {
    form: (turn) => form(turn),

    save: cardInput({
      surface: 'absence',
      input: absenceData,
      fallback: (turn, refusal) => form(turn, undefined, { text: refusal.text, style: 'attention' }),
      answer: async (turn, sent) => {
        const typed = { from: shownAgain(sent.from, 10), to: shownAgain(sent.to, 10), substitute: shownAgain(sent.substitute, 100) };
        const t = texts(turn.locale).duties.absence;
        const accounts = await owned(turn);
        if (accounts.length === 0) return form(turn, typed, { text: t.none, style: 'attention' });
        const meta = commandMeta(deps.clock, turn);
        const { from, to } = sent;
        if (typeof from !== 'string' || typeof to !== 'string' || !isAbsencePeriod(from, to, meta.now)) return form(turn, typed, { text: t.badDates, style: 'attention' });
        const named = sent.substitute !== undefined && sent.substitute !== '';
        const chosen = cardId.safeParse(sent.substitute);
        const person = chosen.success ? await deps.directory.person(chosen.data) : undefined;
        if (named && (!person || !isEnabled(person))) return form(turn, typed, { text: t.unknownSubstitute, style: 'attention' });
        if (person?.aadObjectId === turn.user.aadObjectId) return form(turn, typed, { text: t.notYourself, style: 'attention' });
        const substitute = person && { aadObjectId: person.aadObjectId, name: person.name };
        const command: Command = { type: 'RegisterAbsence', meta, from, to, ...(substitute ? { substitute } : {}) };
        // Checked on the first account before anything is stored, so a refusal leaves every account as it was.
        for (const [i, account] of accounts.entries()) {
          const result = await deps.run(command, { id: account.id, reach: turn.reach });
          // A refusal stops here, saying why (on the first account nothing is stored yet); an account closed or gone meanwhile is left out.
          if (!result.ok && (i === 0 || (result.reason !== 'notActive' && result.reason !== 'notFound'))) {
            return form(turn, typed, { text: refusalShown(turn.locale, 'absence', result, command.type).text, style: 'attention' });
          }
        }
        return form(turn, typed, { text: t.saved(from, to, person?.name), style: 'good', done: true });
      },
    }),
  };
}
