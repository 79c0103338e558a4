import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { removalCard, type AdaptiveCard } from '../../../cards';
import { localDate } from '../../domain/calendar';
import { cardId, type FieldError } from '../../domain/fields';
import { removalGrounds, validateRemoval } from '../../domain/removal';
import { texts } from '../../i18n';
import { approversFor } from '../shared/approvers';
import { shownAgain, type CardHandler, type CardTurn } from '../turn';
import { cardVerb } from '../commands/press';
import { accountName } from '../../domain/account';
import type { AccountDeps } from './access';
import { accountsLookedAfter } from '../shared/lookedAfter';

type LookedAfter = Awaited<ReturnType<typeof accountsLookedAfter>>;

/**
 * R14: "Registrera borttaget inlägg": whoever looks after an account (its owner, admins, the substitute
 * while the owner is away, the department's communicator) records a removed post on it: the day, the
 * policy's ground and what it said. Stored with the change in the account's audit (R4): a public record.
 */
export function removalHandlers(deps: AccountDeps): Record<'removalForm' | 'removalSave', CardHandler> {
  const today = () => localDate(deps.clock().toISOString());

  async function form(
    turn: CardTurn,
    shown: { values?: Record<string, string>; errors?: readonly FieldError[]; notice?: string; style?: 'good' | 'attention' } = {},
    lookedAfter?: LookedAfter,
  ): Promise<AdaptiveCard> {
    const t = texts(turn.locale);
    const r = t.removal;
    const accounts = lookedAfter ?? (await accountsLookedAfter(deps, turn.user.aadObjectId));
    // The account the button that opened the form was for (the account card's "Registrera borttaget inlägg"), if the user looks after it.
    const asked = (turn.data as { assignmentId?: unknown } | undefined)?.assignmentId;
    const preset = accounts.find((a) => a.id === asked)?.id ?? (accounts.length === 1 ? accounts[0]!.id : '');
    const empty = accounts.length === 0;
    return removalCard({
      title: r.title,
      intro: r.intro,
      form: !empty,
      ...(empty ? { notice: r.none, noticeStyle: 'attention' } : shown.notice ? { notice: shown.notice, noticeStyle: shown.style ?? 'good' } : shown.errors?.length ? { notice: r.fix, noticeStyle: 'attention' } : {}),
      accounts: accounts.map((a) => ({ title: a.name, value: a.id })),
      grounds: removalGrounds.map((g) => ({ title: r.grounds[g], value: g })),
      t: r.t,
      v: { assignmentId: preset, removedOn: today(), ground: '', what: '', ...shown.values },
      e: Object.fromEntries((shown.errors ?? []).map((e) => [e.field, t.fieldErrors[e.code]])),
      law: r.law,
      // Each drawing of the form is a new form: sent twice, it records once.
      actions: empty ? [] : [{ title: r.save, verb: 'removal.save', data: { form: randomUUID() } }],
    });
  }

  // What the card sends: the form's own id (a form drawn by Kanalkoll has one), and the fields, for the domain to check.
  const input = z.object({ form: cardId, assignmentId: z.unknown().optional(), removedOn: z.unknown().optional(), ground: z.unknown().optional(), what: z.unknown().optional() });
  type Sent = z.infer<typeof input>;
  const valuesOf = (sent: Sent): Record<string, string> => ({ assignmentId: shownAgain(sent.assignmentId), removedOn: shownAgain(sent.removedOn), ground: shownAgain(sent.ground), what: shownAgain(sent.what, 1000) });
  /** The form again, with what was typed, and each field to fix: the account too, when it is not one the user looks after. */
  const refused = (turn: CardTurn, sent: Sent, accounts: LookedAfter, chosen: boolean): Promise<AdaptiveCard> => {
    const checked = validateRemoval(sent, today());
    const errors = [...(chosen ? [] : [{ field: 'assignmentId', code: 'unknownChoice' } as const]), ...(checked.ok ? [] : checked.errors)];
    return form(turn, { values: valuesOf(sent), errors }, accounts);
  };

  return {
    removalForm: (turn) => form(turn),

    removalSave: cardVerb<Sent, { accounts: LookedAfter; communicator?: string }, LookedAfter>(deps, {
      surface: 'removal',
      input,
      assignmentId: (sent) => String(sent.assignmentId),
      // Which account: one the user looks after now, as stored; never what the card says alone.
      alongside: (_sent, turn) => accountsLookedAfter(deps, turn.user.aadObjectId),
      find: async (sent, alongside) => ((await alongside).some((a) => a.id === sent.assignmentId) ? deps.assignments.get(String(sent.assignmentId)) : undefined),
      load: async ({ stored, alongside }) => ({ accounts: alongside, communicator: (await approversFor(deps.directory, stored.value)).communicator }),
      command: ({ turn, input: sent, context, meta }) => {
        const checked = validateRemoval(sent, today());
        if (!checked.ok) return { show: refused(turn, sent, context.accounts, true) };
        return { type: 'RecordRemoval', meta: { ...meta, ...(context.communicator ? { communicator: context.communicator } : {}), today: today() }, removal: checked.value, form: sent.form };
      },
      answer: ({ turn, input: sent, stored, context }, answered) => {
        if (answered.ok) return form(turn, { notice: texts(turn.locale).removal.saved(accountName(stored.value)) }, context.accounts);
        // Recorded already (the same form sent twice): said as done, the form empty for the next.
        if (answered.refusal.done) return form(turn, { notice: answered.refusal.text }, context.accounts);
        return form(turn, { values: valuesOf(sent), notice: answered.refusal.text, style: 'attention' }, context.accounts);
      },
      fallback: async (turn, refusal, sent) =>
        sent ? refused(turn, sent, await accountsLookedAfter(deps, turn.user.aadObjectId), false) : form(turn, { notice: refusal.text, style: 'attention' }),
    }),
  };
}
