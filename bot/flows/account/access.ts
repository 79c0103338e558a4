import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { mayClose } from '../../domain/account';
import type { Assignment, Command } from '../../domain/assignment';
import { askedToClose } from '../../domain/duties';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import type { Stored } from '../../store/repository';
import { approversFor } from '../approval/approvers';
import type { FlowDeps } from '../deps';
import type { CardTurn } from '../turn';
import { accountList, type AccountListDeps } from './list';

export type AccountDeps = AccountListDeps & Pick<FlowDeps, 'run' | 'clock' | 'dutySettings'>;

const onAccount = z.object({ assignmentId: cardId });

export type Loaded = { readonly refused: AdaptiveCard } | { readonly stored: Stored<Assignment>; readonly communicator?: string; readonly passiveCommsChief?: string };

/**
 * The active account a card names, if the user may act on it: as its owner, or as one who may
 * close it (R11). Otherwise their accounts, saying why not. Rights come from storage, never the card.
 */
export async function loadAccount(deps: AccountDeps, turn: CardTurn, who: 'owner' | 'closer'): Promise<Loaded> {
  const t = texts(turn.locale).account;
  const parsed = onAccount.safeParse(turn.data);
  if (!parsed.success) return { refused: await accountList(deps, turn, { notice: t.unreadable, style: 'attention' }) };
  const stored = await deps.assignments.get(parsed.data.assignmentId);
  if (!stored?.value.plan) return { refused: await accountList(deps, turn, { notice: t.notFound, style: 'attention' }) };
  const { communicator, commsChief } = await approversFor(deps.directory, stored.value);
  const passiveCommsChief = askedToClose(stored.value, DateTime.fromJSDate(deps.clock()), deps.dutySettings) ? commsChief : undefined;
  const allowed = who === 'owner' ? stored.value.applicant.aadObjectId === turn.user.aadObjectId : mayClose(stored.value, turn.user.aadObjectId, communicator, passiveCommsChief);
  if (!allowed) return { refused: await accountList(deps, turn, { notice: who === 'owner' ? t.notOwner : t.notAllowed, style: 'warning' }) };
  if (stored.value.status !== 'active') return { refused: await accountList(deps, turn, { notice: t.notActive, style: 'warning' }) };
  return { stored, communicator, ...(passiveCommsChief ? { passiveCommsChief } : {}) };
}

/** Runs the command; the accounts then say it is done, or why not (`onRefused` for the command's own refusals). */
export async function changeAccount(deps: AccountDeps, turn: CardTurn, command: Command, stored: Stored<Assignment>, done: string, onRefused: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
  const t = texts(turn.locale).account;
  const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
  if (result.ok) return accountList(deps, turn, { notice: done });
  if (result.reason === 'conflict') return accountList(deps, turn, { notice: t.lostRace, style: 'warning' });
  return result.reason === 'notAllowed' ? accountList(deps, turn, { notice: t.notAllowed, style: 'warning' }) : onRefused();
}
