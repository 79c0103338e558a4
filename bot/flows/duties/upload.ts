import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { dutyCard, type AdaptiveCard } from '../../../cards';
import type { Assignment, Command } from '../../domain/assignment';
import { overdue } from '../../domain/duties';
import { texts, type Texts } from '../../i18n';
import type { FileHosts } from '../../config';
import type { FlowDeps } from '../deps';
import { commandMeta, type CardTurn } from '../turn';
import type { DutyTaskDeps } from './dutyVerb';
import { factsFor } from './schedule';
import { periodLabel } from '../shared/periodLabel';
import { refusalShown } from '../commands/refusals';
import { accountName, ownsActiveAccount } from '../../domain/account';
import { localeOfPerson } from '../messenger';
import { zone } from '../../domain/calendar';
import { download } from './download';

/** What receiving a snapshot reads. */
export type UploadDeps = DutyTaskDeps & Pick<FlowDeps, 'archive' | 'archiveAadObjectId' | 'maxBytes' | 'fileHosts'>;

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
 * large), kept in the archive container with the account, half-year, uploader and checksum, ends
 * the earliest archive duty waiting among the owner's accounts, and goes to the municipal archive.
 */
export async function receiveFiles(deps: UploadDeps, turn: CardTurn, files: readonly SharedFile[]): Promise<AdaptiveCard> {
  const t = texts(turn.locale).duties;
  /** A refusal: what went wrong and what to do; nothing was stored. */
  const message = (text: string) => dutyCard({ heading: t.heading, title: text, paragraphs: [], facts: [], itemsTitle: '', items: [], actions: [] });
  const now = DateTime.fromJSDate(deps.clock());
  const owned = (await deps.assignments.listFor(turn.user.aadObjectId)).filter((a) => ownsActiveAccount(a, turn.user.aadObjectId));
  const waiting: { state: Assignment; period: string }[] = [];
  for (const state of owned) {
    const facts = await factsFor(deps.directory, state);
    for (const item of overdue(state, now, deps.dutySettings, facts)) if (item.duty === 'archive') waiting.push({ state, period: item.period });
  }
  waiting.sort((a, b) => a.period.localeCompare(b.period));
  // Nothing due, one account: the snapshot is this half-year's, sent early (so it can be the last one
  // when the account closes, R15). With several accounts and none due, it is not clear which it is for.
  const local = now.setZone(zone);
  const early = waiting.length === 0 && owned.length === 1 ? { state: owned[0]!, period: `${local.year}-H${local.month <= 6 ? 1 : 2}` } : undefined;
  const target = waiting[0] ?? early;
  const file = files[0];
  if (!target || !file) return message(t.upload.nothingDue);

  const fetched = await fetchPdf(file, deps.fileHosts, deps.maxBytes);
  if (!fetched.ok) return message(refusedFile(t.upload, fetched.reason, deps.maxBytes));
  const sha256 = createHash('sha256').update(fetched.pdf).digest('hex');
  const blobName = `${encodeURIComponent(target.state.id)}_${target.period}_${randomUUID()}.pdf`;
  await deps.archive.put(blobName, fetched.pdf, { assignmentId: target.state.id, period: target.period, uploader: turn.user.aadObjectId, fileName: file.name, sha256 });

  const command: Command = {
    type: 'CompleteDuty',
    meta: commandMeta(deps.clock, turn),
    duty: 'archive',
    period: target.period,
    evidence: { kind: 'snapshot', blobName, fileName: file.name, size: fetched.pdf.length, sha256 },
  };
  const result = await deps.run(command, { id: target.state.id, reach: turn.reach });
  if (!result.ok) return message(refusalShown(turn.locale, 'duty', result, command.type).text);
  const period = periodLabel(texts(turn.locale), target.period);
  const account = accountName(target.state);
  if (deps.archiveAadObjectId) {
    const locale = await localeOfPerson(deps, turn.reach.tenantId, deps.archiveAadObjectId);
    const a = texts(locale).duties;
    const aPeriod = periodLabel(texts(locale), target.period);
    await deps.messenger.sendCard(
      turn.reach,
      deps.archiveAadObjectId,
      dutyCard({
        heading: a.heading,
        title: a.upload.toArchiveTitle(account, aPeriod),
        paragraphs: [{ text: a.upload.toArchive(target.state.applicant.name) }],
        facts: [
          { title: a.upload.facts.owner, value: target.state.applicant.name },
          { title: a.upload.facts.file, value: file.name },
          { title: a.upload.facts.checksum, value: sha256 },
        ],
        itemsTitle: '',
        items: [],
        // The PDF by a link made when pressed, good for a quarter of an hour: never an everlasting public URL.
        actions: [{ title: a.upload.open, verb: 'record.snapshot', data: { name: blobName, opens: 'below' } }],
      }),
    );
  }
  const left = waiting.length - 1;
  return dutyCard({
    heading: t.heading,
    title: t.upload.done(account, period),
    paragraphs: left > 0 ? [{ text: t.upload.more(left) }] : [],
    facts: [{ title: t.upload.facts.checksum, value: sha256 }],
    itemsTitle: '',
    items: [],
    actions: [],
  });
}
