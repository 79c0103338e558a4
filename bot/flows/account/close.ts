import { z } from 'zod';
import { recentSnapshot } from '../../domain/account';
import { texts } from '../../i18n';
import type { Made } from '../commands/press';
import { closeCard, shownName } from '../shared/closeCard';
import type { CardHandler } from '../turn';
import { accountVerb, type AccountDeps } from './access';

const ticked = z.union([z.literal('true'), z.literal(true)]);
/** The closing checklist: both boxes ticked (R11); the last snapshot is checked on its own (R15). */
const checklistData = z.object({ closedOnPlatform: ticked, followersPointedToWebsite: ticked });
const referenceData = z.object({ finalReference: z.string().trim().min(1).max(200) });

/**
 * Closing an account (R11): the owner, their chief or the communicator, with the checklist and the last
 * snapshot of the start page in (R15: uploaded in the chat within 30 days, or the archive's reference);
 * it stays on the register, marked closed (R3).
 */
export function closeHandlers(deps: AccountDeps): Record<'close' | 'closeConfirm', CardHandler> {
  const now = () => deps.clock().toISOString();
  return {
    close: accountVerb(deps, { who: 'closer', form: ({ turn, stored }, refusal) => closeCard(turn, stored.value, now(), refusal?.text) }),

    closeConfirm: accountVerb(deps, {
      who: 'closer',
      command: ({ turn, input, stored: { value: a }, meta, context }): Made => {
        const t = texts(turn.locale).account;
        const closing = { ...meta, ...context };
        // R2: a monitoring assignment has no account to archive or close: it simply ends.
        if (a.plan?.kind === 'monitoring') return { type: 'CloseAccount', meta: closing };
        const typed = referenceData.safeParse(input);
        const reference = typed.success ? typed.data.finalReference : '';
        // The last snapshot: one uploaded lately, read from storage, or the reference typed now.
        const uploaded = recentSnapshot(a, meta.now);
        const finalSnapshot = uploaded ? ({ kind: 'uploaded', period: uploaded.period } as const) : typed.success ? ({ kind: 'reference', reference } as const) : undefined;
        if (!finalSnapshot) return { show: closeCard(turn, a, meta.now, t.snapshotMissing) };
        if (!checklistData.safeParse(input).success) return { show: closeCard(turn, a, meta.now, t.checklistMissing, reference) };
        return { type: 'CloseAccount', meta: closing, checklist: { finalSnapshot, closedOnPlatform: true, followersPointedToWebsite: true } };
      },
      done: ({ turn, stored: { value: a } }) => (a.plan?.kind === 'monitoring' ? texts(turn.locale).account.endMonitoring.done : texts(turn.locale).account.closedNotice(shownName(turn, a))),
      form: ({ turn, input, stored }, refusal) => closeCard(turn, stored.value, now(), refusal?.text, referenceData.safeParse(input).data?.finalReference ?? ''),
    }),
  };
}
