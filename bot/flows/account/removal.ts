import { randomUUID } from 'node:crypto';
import { removalCard, type AdaptiveCard } from '../../../cards';
import { localDate } from '../../domain/calendar';
import { cardId, type FieldError } from '../../domain/fields';
import { removalGrounds, validateRemoval } from '../../domain/removal';
import { texts } from '../../i18n';
import { approversFor } from '../shared/approvers';
import { refusalShown } from '../commands/refusals';
import { cardFields, commandMeta, echoLength, type CardHandler, type CardTurn } from '../turn';
import type { AccountDeps } from './access';
import { accountsLookedAfter } from '../shared/lookedAfter';

const fields = ['assignmentId', 'removedOn', 'ground', 'what'] as const;

/**
 * R14: "Registrera borttaget inlägg": whoever looks after an account (its owner, admins, the substitute
 * while the owner is away, the department's communicator) records a removed post on it: the day, the
 * policy's ground and what it said. Stored with the change in the account's audit (R4): a public record.
 */
export function removalHandlers(deps: AccountDeps): Record<'removalForm' | 'removalSave', CardHandler> {
  const today = () => localDate(deps.clock().toISOString());

  async function form(turn: CardTurn, shown: { values?: Record<string, string>; errors?: readonly FieldError[]; notice?: string; style?: 'good' | 'attention' } = {}): Promise<AdaptiveCard> {
    const t = texts(turn.locale);
    const r = t.removal;
    const accounts = await accountsLookedAfter(deps, turn.user.aadObjectId);
    const asked = cardId.safeParse(cardFields.parse(turn.data).assignmentId);
    const preset = accounts.find((a) => asked.success && a.id === asked.data)?.id ?? (accounts.length === 1 ? accounts[0]!.id : '');
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

  return {
    removalForm: (turn) => form(turn),

    removalSave: async (turn) => {
      const r = texts(turn.locale).removal;
      const data = cardFields.parse(turn.data);
      const values = Object.fromEntries(fields.map((f) => [f, typeof data[f] === 'string' ? (data[f] as string).slice(0, f === 'what' ? 1000 : echoLength) : '']));
      // Which account: one the user looks after now, as stored; never what the card says alone.
      const accounts = await accountsLookedAfter(deps, turn.user.aadObjectId);
      const chosen = accounts.find((a) => a.id === data.assignmentId);
      const formId = cardId.safeParse(data.form);
      if (!formId.success) return form(turn, { values, notice: r.unreadable, style: 'attention' });
      const checked = validateRemoval(data, today());
      const errors = [...(chosen ? [] : [{ field: 'assignmentId', code: 'unknownChoice' } as const]), ...(checked.ok ? [] : checked.errors)];
      if (!chosen || !checked.ok) return form(turn, { values, errors });
      const stored = await deps.assignments.get(chosen.id);
      if (!stored) return form(turn, { values, notice: r.notAllowed, style: 'attention' });
      const { communicator } = await approversFor(deps.directory, stored.value);
      const meta = { ...commandMeta(deps.clock, turn), communicator, today: today() };
      const result = await deps.run({ type: 'RecordRemoval', meta, removal: checked.value, form: formId.data }, { id: chosen.id, loaded: stored, reach: turn.reach });
      if (!result.ok) {
        const refusal = refusalShown(turn.locale, 'removal', result);
        // Recorded already (the same form sent twice): said as done, the form empty for the next.
        return refusal.done ? form(turn, { notice: refusal.text }) : form(turn, { values, notice: refusal.text, style: 'attention' });
      }
      return form(turn, { notice: r.saved(chosen.name) });
    },
  };
}
