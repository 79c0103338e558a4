import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { texts, type Texts } from '../../i18n';
import type { FileHosts } from '../../config';
import type { FlowDeps } from '../deps';
import { commandMeta, type CardTurn } from '../turn';
import { refusalShown } from '../commands/refusals';
import { download } from './download';
import { archived, bookedCard, chooseCard, leftAfter, notice, ownedBy, targetsOf, type SnapshotDeps } from './snapshot';

/** What receiving a snapshot reads. */
export type UploadDeps = SnapshotDeps & Pick<FlowDeps, 'maxBytes' | 'fileHosts' | 'heldUploads'>;

/** A file the user attached in the personal chat, as Teams describes it (bot/teams/bot.ts reads it). */
export const fileSchema = z.object({ name: z.string().max(300), downloadUrl: z.url({ protocol: /^https?$/ }), fileType: z.string().max(20).optional() });
export type SharedFile = z.infer<typeof fileSchema>;

type Fetched = { ok: true; pdf: Buffer } | { ok: false; reason: 'notPdf' | 'tooLarge' | 'failed' | 'refused' };

/** Downloads at most `maxBytes` from Teams' file hosts only (download.ts); a PDF starts with "%PDF-". */
async function fetchPdf(file: SharedFile, fileHosts: FileHosts, maxBytes: number): Promise<Fetched> {
  if (file.fileType && file.fileType.toLowerCase() !== 'pdf') return { ok: false, reason: 'notPdf' };
  const downloaded = await download(file.downloadUrl, fileHosts, maxBytes);
  if (!downloaded.ok) return downloaded;
  const pdf = downloaded.bytes;
  return pdf.subarray(0, 5).toString('latin1') === '%PDF-' ? { ok: true, pdf } : { ok: false, reason: 'notPdf' };
}

/** Why a file was not taken, in words; a file not from Teams' own storage gets one text, whatever its host answered. */
function refusedFile(t: Texts['duties']['upload'], reason: Exclude<Fetched, { ok: true }>['reason'], maxBytes: number): string {
  switch (reason) {
    case 'notPdf':
      return t.notPdf;
    case 'tooLarge':
      return t.tooLarge(Math.round(maxBytes / 1024 / 1024));
    case 'failed':
      return t.failed;
    case 'refused':
      return t.notFromTeams;
    default: {
      const _exhaustive: never = reason;
      return _exhaustive;
    }
  }
}

/**
 * R15 by upload: the owner sends the start page as a PDF in the chat. It is checked (a PDF, not too
 * large). An owner of one account has it booked at once: to the earliest archiving waiting, else to
 * the half-year running (sent early). An owner of several is asked which account and half-year it is
 * for; the file waits meanwhile (held, a day at most), and is booked when they choose
 * (uploadChoice.ts). Booked, it is in the write-once archive and goes to the municipal archive.
 */
export async function receiveFiles(deps: UploadDeps, turn: CardTurn, files: readonly SharedFile[]): Promise<AdaptiveCard> {
  const t = texts(turn.locale).duties.upload;
  const now = DateTime.fromJSDate(deps.clock());
  const owned = await ownedBy(deps, turn.user.aadObjectId);
  const file = files[0];
  if (!file) return notice(turn, t.notPdf);
  if (owned.length === 0) return notice(turn, t.noAccount);
  const targets = await targetsOf(deps, owned, now);
  const target = targets[0];
  if (!target) return notice(turn, t.nothingDue);

  const fetched = await fetchPdf(file, deps.fileHosts, deps.maxBytes);
  if (!fetched.ok) return notice(turn, refusedFile(t, fetched.reason, deps.maxBytes));
  const upload = { pdf: fetched.pdf, fileName: file.name, sha256: createHash('sha256').update(fetched.pdf).digest('hex') };
  const key = randomUUID();
  if (owned.length > 1) {
    await deps.heldUploads.keep(turn.user.aadObjectId, key, upload);
    return chooseCard(turn, targets, key, file.name);
  }
  const { command, blobName } = await archived(deps, commandMeta(deps.clock, turn), target, upload, key);
  const result = await deps.run(command, { id: target.state.id, reach: turn.reach });
  if (!result.ok) return notice(turn, refusalShown(turn.locale, 'duty', result, command.type).text);
  return bookedCard(deps, turn, target, upload, blobName, leftAfter(targets, target));
}
