import { z } from 'zod';
import { accountOwnerCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { isEnabled } from '../../domain/directory';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import { commandMeta, type CardHandler, type CardTurn } from '../turn';
import { changeAccount, loadAccount, type AccountDeps } from './access';
import { accountList } from './list';

const ownerData = z.object({ newOwner: cardId });

/** A new owner for an account: the owner proposes, the chief approves on an approval card. */
export function ownerHandlers(deps: AccountDeps): Record<'owner' | 'ownerSave', CardHandler> {
  async function ownerCard(turn: CardTurn, a: Assignment, notice?: string): Promise<AdaptiveCard> {
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
    owner: async (turn) => {
      const loaded = await loadAccount(deps, turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      return ownerCard(turn, loaded.stored.value);
    },

    ownerSave: async (turn) => {
      const loaded = await loadAccount(deps, turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      const t = texts(turn.locale);
      if (a.status === 'active' && a.pendingOwner) return accountList(deps, turn, { notice: t.account.ownerPending, style: 'warning' });
      const chosen = ownerData.safeParse(turn.data);
      const person = chosen.success ? await deps.directory.person(chosen.data.newOwner) : undefined;
      if (!person || !isEnabled(person) || person.aadObjectId === a.applicant.aadObjectId) return ownerCard(turn, a, t.fieldErrors.unknownChoice);
      const command = { type: 'ProposeOwner', meta: commandMeta(deps.clock, turn), newOwner: { aadObjectId: person.aadObjectId, name: person.name } } as const;
      const chief = (await deps.directory.person(a.plan?.who.chiefAadObjectId ?? ''))?.name ?? t.plan.who.chief;
      return changeAccount(deps, turn, command, loaded.stored, t.account.ownerSent(chief), () => accountList(deps, turn));
    },
  };
}
