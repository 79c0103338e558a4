import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { mayClose, type Closers } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { askedToClose } from '../../domain/duties';
import { cardId } from '../../domain/fields';
import { approversFor } from '../shared/approvers';
import { cardVerb, type Answered, type Made, type Press } from '../commands/press';
import type { RefusalShown } from '../commands/refusals';
import type { FlowDeps } from '../deps';
import type { CardHandler } from '../turn';
import { accountList, type AccountListDeps } from '../shared/accountList';

export type AccountDeps = AccountListDeps & Pick<FlowDeps, 'run' | 'clock' | 'dutySettings'>;

/** What a button about an account sends: the account, and the fields of its form (each parsed where it is used). */
const onAccount = z.looseObject({ assignmentId: cardId });
type AccountInput = z.infer<typeof onAccount>;

/** Who may act on the account besides its owner (R11), read once per press from the directory as it is now. */
export type AccountContext = Closers;

export type AccountPress = Press<AccountInput, AccountContext>;

/** An account verb: who may use it, the command (absent: it only opens a form), and its cards. */
export interface AccountVerb {
  /** `owner`: only the account's owner; `closer`: whoever may close it (R11). */
  readonly who: 'owner' | 'closer';
  readonly command?: (press: AccountPress) => Made | Promise<Made>;
  /** What "mina konton" says once done. */
  readonly done?: (press: AccountPress) => string | Promise<string>;
  /** The verb's own card: the form it opens, or shows again with a refusal the rules gave. */
  readonly form?: (press: AccountPress, refusal?: RefusalShown) => AdaptiveCard | Promise<AdaptiveCard>;
}

/**
 * A button about an active account, through the card-command pipeline: the owner's, or one who may
 * close it (its chief, the communicator, the communications chief once asked to close it: R11). Rights
 * come from storage and the directory, never the card. Who may not, or a lost race, gets their accounts
 * saying why; a refusal of the rules, the verb's form saying why.
 */
export function accountVerb(deps: AccountDeps, spec: AccountVerb): CardHandler {
  const list = (press: { turn: AccountPress['turn'] }, refusal: RefusalShown) => accountList(deps, press.turn, { notice: refusal.text, style: refusal.style });
  return cardVerb<AccountInput, AccountContext>(deps, {
    surface: 'account',
    input: onAccount,
    assignmentId: (input) => input.assignmentId,
    load: async ({ stored }) => {
      // The chief is the owner's manager in the directory now, not the one recorded when the plan was sent.
      const { chief, communicator, commsChief } = await approversFor(deps.directory, stored.value);
      const passiveCommsChief = askedToClose(stored.value, DateTime.fromJSDate(deps.clock()), deps.dutySettings) ? commsChief : undefined;
      return { ...(chief ? { chief } : {}), ...(communicator ? { communicator } : {}), ...(passiveCommsChief ? { passiveCommsChief } : {}) };
    },
    authorise: ({ stored: { value: a }, turn, context }) => {
      if (!a.plan) return { reason: 'notFound' };
      if (spec.who === 'owner' ? a.applicant.aadObjectId !== turn.user.aadObjectId : !mayClose(a, turn.user.aadObjectId, context)) {
        return { reason: spec.who === 'owner' ? 'notYours' : 'notAllowed' };
      }
      return a.status !== 'active' ? { reason: 'notActive' } : undefined;
    },
    ...(spec.command ? { command: spec.command } : {}),
    answer: async (press, answered: Answered) => {
      if (answered.ok) return spec.command ? accountList(deps, press.turn, { notice: await spec.done?.(press) }) : (spec.form?.(press) ?? accountList(deps, press.turn));
      const { refusal } = answered;
      const mine = ['notFound', 'notYours', 'notAllowed', 'notActive', 'conflict'].includes(refusal.reason);
      return mine || !spec.form ? list(press, refusal) : spec.form(press, refusal);
    },
    fallback: (turn, refusal) => list({ turn }, refusal),
  });
}

/** The account as read for the press. */
export const accountOf = (press: AccountPress): Assignment => press.stored.value;
