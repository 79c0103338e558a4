import { accountOwnerCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { isEnabled } from '../../domain/directory';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import type { Made } from '../commands/press';
import type { CardHandler, CardTurn } from '../turn';
import { accountVerb, type AccountDeps } from './access';
import { accountList } from '../shared/accountList';

/** A new owner for an account: the owner proposes, the chief approves on an approval card. */
export function ownerHandlers(deps: AccountDeps): Record<'owner' | 'ownerSave', CardHandler> {
  function ownerCard(turn: CardTurn, a: Assignment, notice?: string): AdaptiveCard {
    const t = texts(turn.locale);
    return accountOwnerCard({
      title: t.account.ownerTitle(accountName(a)),
      intro: t.account.ownerIntro,
      notice,
      label: t.account.ownerLabel,
      hint: t.fieldErrors.unknownChoice,
      send: t.account.ownerSend,
      back: t.account.back,
      assignmentId: a.id,
    });
  }

  return {
    owner: accountVerb(deps, { who: 'owner', form: ({ turn, stored }) => ownerCard(turn, stored.value) }),

    ownerSave: accountVerb(deps, {
      who: 'owner',
      command: async ({ turn, input, stored: { value: a }, meta }): Promise<Made> => {
        const t = texts(turn.locale);
        if (a.status === 'active' && a.pendingOwner) return { show: accountList(deps, turn, { notice: t.account.ownerPending, style: 'warning' }) };
        const chosen = cardId.safeParse(input.newOwner);
        const person = chosen.success ? await deps.directory.person(chosen.data) : undefined;
        if (!person || !isEnabled(person) || person.aadObjectId === a.applicant.aadObjectId) return { show: ownerCard(turn, a, t.fieldErrors.unknownChoice) };
        return { type: 'ProposeOwner', meta, newOwner: { aadObjectId: person.aadObjectId, name: person.name } };
      },
      // The proposal waits for the owner's manager in the directory now (approval.ts), whom the owner is told of.
      done: async ({ turn, context }) => {
        const t = texts(turn.locale);
        return t.account.ownerSent((context.chief ? await deps.directory.person(context.chief) : undefined)?.name ?? t.plan.who.chief);
      },
    }),
  };
}
