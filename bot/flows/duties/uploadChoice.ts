import { DateTime } from 'luxon';
import { z } from 'zod';
import { cardId } from '../../domain/fields';
import { texts } from '../../i18n';
import type { HeldUpload } from '../../store/heldUploads';
import { cardVerb } from '../commands/press';
import type { FlowDeps } from '../deps';
import type { CardHandler } from '../turn';
import { archived, bookedCard, chooseCard, leftAfter, notice, ownedBy, targetsOf, targetValue, type SnapshotDeps, type Target } from './snapshot';

/** What choosing the account of a PDF reads. */
export type UploadChoiceDeps = SnapshotDeps & Pick<FlowDeps, 'heldUploads'>;

/** What the card sends: the held file's key, and the account and half-year chosen (`<account id>|<half-year>`). */
const chosen = z
  .object({ file: cardId, target: z.string().max(100).regex(/^[^|]+\|\d{4}-H[12]$/) })
  .transform(({ file, target }) => ({ file, assignmentId: target.slice(0, target.indexOf('|')), period: target.slice(target.indexOf('|') + 1) }))
  .pipe(z.object({ file: cardId, assignmentId: cardId, period: z.string() }));

/**
 * R15 "Spara för det kontot": the owner of several accounts says which account and half-year the PDF
 * they sent is for. Only its sender finds the held file (it is held under them); only the account's
 * owner, while it is active, books it, and only to a half-year its snapshot can be for. Booked, it is
 * in the archive, the duty is done, and the held copy goes.
 */
export function uploadChoice(deps: UploadChoiceDeps): CardHandler {
  return cardVerb<z.infer<typeof chosen>, { targets: Target[] }, HeldUpload | undefined>(deps, {
    surface: 'duty',
    input: chosen,
    assignmentId: (input) => input.assignmentId,
    alongside: (input, turn) => deps.heldUploads.get(turn.user.aadObjectId, input.file),
    load: async ({ turn }) => ({ targets: await targetsOf(deps, await ownedBy(deps, turn.user.aadObjectId), DateTime.fromJSDate(deps.clock())) }),
    authorise: ({ stored, turn }) => (stored.value.applicant.aadObjectId !== turn.user.aadObjectId ? { reason: 'notYours' } : stored.value.status !== 'active' ? { reason: 'notActive' } : undefined),
    command: async ({ turn, input, stored, alongside: held, context, meta }) => {
      const u = texts(turn.locale).duties.upload;
      if (!held) return { show: notice(turn, u.gone) };
      if (stored.value.status === 'active' && stored.value.dutyLog?.done?.[`archive|${input.period}`]) return { refuse: { reason: 'alreadyDone' } };
      const target = context.targets.find((t) => targetValue(t) === `${input.assignmentId}|${input.period}`);
      if (!target) return { show: chooseCard(turn, context.targets, input.file, held.fileName, u.notOffered) };
      return (await archived(deps, meta, target, held, input.file)).command;
    },
    answer: async ({ turn, input, alongside: held, context }, answered) => {
      if (!answered.ok) return notice(turn, answered.refusal.text, answered.refusal.style === 'good' ? 'good' : 'attention');
      const target = context.targets.find((t) => targetValue(t) === `${input.assignmentId}|${input.period}`)!;
      const evidence = answered.state.status === 'active' ? answered.state.dutyLog?.evidence?.[`archive|${input.period}`] : undefined;
      await deps.heldUploads.drop(turn.user.aadObjectId, input.file);
      return bookedCard(deps, turn, target, held!, evidence?.kind === 'snapshot' ? evidence.blobName : '', leftAfter(context.targets, target));
    },
    fallback: (turn, refusal) => notice(turn, refusal.text),
  });
}
