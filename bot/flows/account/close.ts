import { z } from 'zod';
import { accountCloseCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { texts } from '../../i18n';
import { commandMeta, type CardHandler, type CardTurn } from '../turn';
import { changeAccount, loadAccount, type AccountDeps } from './access';

const ticked = z.union([z.literal('true'), z.literal(true)]);
/** The closing checklist: every box ticked (R11, R15). */
const checklistData = z.object({ finalSnapshotArchived: ticked, closedOnPlatform: ticked, followersPointedToWebsite: ticked });

/** The account's name, or "omvärldsbevakning" for a monitoring assignment. */
const shownName = (turn: CardTurn, a: Assignment) => (a.plan?.kind === 'account' ? accountName(a) : texts(turn.locale).account.monitoring);

function closeCard(turn: CardTurn, a: Assignment, notice?: string): AdaptiveCard {
  const t = texts(turn.locale).account;
  const monitoring = a.plan?.kind === 'monitoring';
  return accountCloseCard({
    title: monitoring ? t.endMonitoring.title : t.closeTitle(shownName(turn, a)),
    intro: monitoring ? t.endMonitoring.intro : t.closeIntro,
    notice,
    noticeStyle: 'attention',
    assignmentId: a.id,
    t: t.checklist,
    checklist: !monitoring,
    confirm: monitoring ? t.endMonitoring.confirm : t.closeConfirm,
    back: t.back,
  });
}

/** Closing an account (R11): the owner, their chief or the communicator, with the checklist; it leaves the register (R3). */
export function closeHandlers(deps: AccountDeps): Record<'close' | 'closeConfirm', CardHandler> {
  return {
    close: async (turn) => {
      const loaded = await loadAccount(deps, turn, 'closer');
      if ('refused' in loaded) return loaded.refused;
      return closeCard(turn, loaded.stored.value);
    },

    closeConfirm: async (turn) => {
      const loaded = await loadAccount(deps, turn, 'closer');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      const t = texts(turn.locale).account;
      const meta = { ...commandMeta(deps.clock, turn), communicator: loaded.communicator, passiveCommsChief: loaded.passiveCommsChief };
      // R2: a monitoring assignment has no account to archive or close: it simply ends.
      if (a.plan?.kind === 'monitoring') return changeAccount(deps, turn, { type: 'CloseAccount', meta }, loaded.stored, t.endMonitoring.done, () => Promise.resolve(closeCard(turn, a)));
      if (!checklistData.safeParse(turn.data).success) return closeCard(turn, a, t.checklistMissing);
      const command = { type: 'CloseAccount', meta, checklist: { finalSnapshotArchived: true, closedOnPlatform: true, followersPointedToWebsite: true } } as const;
      return changeAccount(deps, turn, command, loaded.stored, t.closedNotice(shownName(turn, a)), () => Promise.resolve(closeCard(turn, a)));
    },
  };
}
