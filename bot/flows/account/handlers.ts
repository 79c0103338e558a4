import { texts } from '../../i18n';
import type { CardHandler } from '../turn';
import type { AccountDeps } from './access';
import { administrationHandlers } from './administration';
import { closeHandlers } from './close';
import { accountList } from '../shared/accountList';
import { ownerHandlers } from './owner';
import { removalHandlers } from './removal';

/** An owner's accounts after approval: "mina konton", changing who runs one, handing it over, recording a removed post (R14) and closing it. */
export function accountHandlers(deps: AccountDeps): Record<'mine' | 'unreadable' | 'admins' | 'adminsSave' | 'owner' | 'ownerSave' | 'close' | 'closeConfirm' | 'removalForm' | 'removalSave', CardHandler> {
  return {
    mine: (turn) => accountList(deps, turn),
    /** For a card about an account that could not be read: the accounts, saying so. */
    unreadable: (turn) => accountList(deps, turn, { notice: texts(turn.locale).account.unreadable, style: 'attention' }),
    ...administrationHandlers(deps),
    ...ownerHandlers(deps),
    ...closeHandlers(deps),
    ...removalHandlers(deps),
  };
}
