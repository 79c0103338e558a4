import type { DateTime } from 'luxon';
import { dutyCard, type AdaptiveCard } from '../../../cards';
import { accountName, ownsActiveAccount } from '../../domain/account';
import type { Assignment, Command, CommandMeta } from '../../domain/assignment';
import { zone } from '../../domain/calendar';
import { overdue } from '../../domain/duties';
import { texts } from '../../i18n';
import type { HeldUpload } from '../../store/heldUploads';
import type { FlowDeps } from '../deps';
import { localeOfPerson } from '../messenger';
import { periodLabel } from '../shared/periodLabel';
import type { CardTurn } from '../turn';
import type { DutyTaskDeps } from './dutyVerb';
import { factsFor } from './schedule';

/** What booking a snapshot reads. */
export type SnapshotDeps = DutyTaskDeps & Pick<FlowDeps, 'archive' | 'archiveAadObjectId' | 'log'>;

type Active = Extract<Assignment, { status: 'active' }>;

/** An account and half-year a snapshot can be for: one whose archiving waits, or the half-year running now (sent early). */
export interface Target {
  readonly state: Active;
  readonly period: string;
  readonly waiting: boolean;
}

/** The owner's active accounts. */
export async function ownedBy(deps: Pick<SnapshotDeps, 'assignments'>, aadObjectId: string): Promise<Active[]> {
  return (await deps.assignments.listFor(aadObjectId)).filter((a): a is Active => ownsActiveAccount(a, aadObjectId));
}

/**
 * R15: what a snapshot from this owner can be for: every half-year whose archiving waits (the oldest
 * first), then each account's running half-year if its snapshot is not in yet (so it can be the last
 * one when the account closes).
 */
export async function targetsOf(deps: Pick<SnapshotDeps, 'directory' | 'dutySettings'>, owned: readonly Active[], now: DateTime): Promise<Target[]> {
  const local = now.setZone(zone);
  const running = `${local.year}-H${local.month <= 6 ? 1 : 2}`;
  const each = await Promise.all(
    owned.map(async (state) => {
      const waiting = overdue(state, now, deps.dutySettings, await factsFor(deps.directory, state)).flatMap((item) => (item.duty === 'archive' ? [item.period] : []));
      const early = waiting.includes(running) || state.dutyLog?.done?.[`archive|${running}`] ? [] : [{ state, period: running, waiting: false }];
      return { waiting: waiting.map((period) => ({ state, period, waiting: true })), early };
    }),
  );
  const byPeriod = (a: Target, b: Target) => a.period.localeCompare(b.period);
  return [...each.flatMap((e) => e.waiting).sort(byPeriod), ...each.flatMap((e) => e.early)];
}

/** The value a target has on the card that asks which account a PDF is for. */
export const targetValue = (target: Pick<Target, 'period'> & { readonly state: Pick<Assignment, 'id'> }) => `${target.state.id}|${target.period}`;

/**
 * Puts the PDF in the write-once archive with the account, half-year, uploader and checksum, and
 * makes the command that ends that archiving. Its name is the upload's key: a press made twice
 * finds the same bytes there, and writes nothing.
 */
export async function archived(deps: Pick<SnapshotDeps, 'archive'>, meta: CommandMeta, target: Target, upload: HeldUpload, key: string): Promise<{ command: Command; blobName: string }> {
  const blobName = `${encodeURIComponent(target.state.id)}_${target.period}_${key}.pdf`;
  await deps.archive.put(blobName, upload.pdf, { assignmentId: target.state.id, period: target.period, uploader: meta.actor.aadObjectId, fileName: upload.fileName, sha256: upload.sha256 });
  const evidence = { kind: 'snapshot', blobName, fileName: upload.fileName, size: upload.pdf.length, sha256: upload.sha256 } as const;
  return { command: { type: 'CompleteDuty', meta, duty: 'archive', period: target.period, evidence }, blobName };
}

/** A card saying one thing: why nothing was stored, or what to do. */
export function notice(turn: Pick<CardTurn, 'locale'>, text: string, style: 'attention' | 'good' = 'attention'): AdaptiveCard {
  const t = texts(turn.locale).duties;
  return dutyCard({ heading: t.heading, title: t.upload.title, notice: text, noticeStyle: style, paragraphs: [], facts: [], itemsTitle: '', items: [], actions: [] });
}

/** The most choices a card offers (the oldest first): a card stays well under Teams' 40 KB whatever one owns. */
const shownChoices = 30;

/** R15: which account and half-year the PDF is for, asked of an owner of several; the card carries the file's key, never the file. */
export function chooseCard(turn: Pick<CardTurn, 'locale'>, targets: readonly Target[], key: string, fileName: string, problem?: string): AdaptiveCard {
  const t = texts(turn.locale);
  const u = t.duties.upload;
  return dutyCard({
    heading: t.duties.heading,
    title: u.chooseTitle,
    ...(problem ? { notice: problem, noticeStyle: 'attention' as const } : {}),
    paragraphs: [{ text: u.chooseIntro }, ...(targets.length > shownChoices ? [{ text: u.chooseFirst(shownChoices) }] : [])],
    facts: [{ title: u.facts.file, value: fileName }],
    choice: {
      id: 'target',
      label: u.chooseLabel,
      hint: u.notOffered,
      value: targets[0] ? targetValue(targets[0]) : '',
      choices: targets.slice(0, shownChoices).map((target) => ({ title: u.choice(accountName(target.state), periodLabel(t, target.period)), value: targetValue(target) })),
    },
    itemsTitle: '',
    items: [],
    actions: [{ title: u.choose, verb: 'duty.upload', data: { file: key } }],
  });
}

/** Where the snapshot went: to the archive's Teams user (who took it), not to them (the send failed), or nowhere but Kanalkoll (no one set). */
type Where = 'sent' | 'notSent' | 'kept';

/** R15: the archive's card, with a link made when pressed (good for a quarter of an hour, never an everlasting public URL). */
async function toArchive(deps: SnapshotDeps, turn: CardTurn, target: Target, upload: HeldUpload, blobName: string): Promise<Where> {
  if (!deps.archiveAadObjectId) return 'kept';
  const locale = await localeOfPerson(deps, turn.reach.tenantId, deps.archiveAadObjectId);
  const a = texts(locale).duties;
  const owner = target.state.applicant.name;
  const sent = await deps.messenger.sendCard(
    turn.reach,
    deps.archiveAadObjectId,
    dutyCard({
      heading: a.heading,
      title: a.upload.toArchiveTitle(accountName(target.state), periodLabel(texts(locale), target.period)),
      paragraphs: [{ text: a.upload.toArchive(owner) }],
      facts: [
        { title: a.upload.facts.owner, value: owner },
        { title: a.upload.facts.file, value: upload.fileName },
        { title: a.upload.facts.checksum, value: upload.sha256 },
      ],
      itemsTitle: '',
      items: [],
      actions: [{ title: a.upload.open, verb: 'record.snapshot', data: { name: blobName, opens: 'below' } }],
    }),
  );
  if (!sent.ok) deps.log.warn('snapshot_not_sent_to_archive', { assignmentId: target.state.id, period: target.period, reason: sent.reason });
  return sent.ok ? 'sent' : 'notSent';
}

/**
 * A snapshot booked: the archive gets it if one is set, and the owner reads where it is now (kept in
 * Kanalkoll; sent to the municipal archive, as Teams confirmed; or not, and why), and what waits still.
 */
export async function bookedCard(deps: SnapshotDeps, turn: CardTurn, target: Target, upload: HeldUpload, blobName: string, left: number): Promise<AdaptiveCard> {
  const where = await toArchive(deps, turn, target, upload, blobName);
  const t = texts(turn.locale).duties;
  return dutyCard({
    heading: t.heading,
    title: t.upload.done(accountName(target.state), periodLabel(texts(turn.locale), target.period)),
    paragraphs: [{ text: t.upload.where[where] }, ...(left > 0 ? [{ text: t.upload.more(left) }] : [])],
    facts: [{ title: t.upload.facts.checksum, value: upload.sha256 }],
    itemsTitle: '',
    items: [],
    actions: [],
  });
}

/** The archivings still waiting once `target` is in. */
export const leftAfter = (targets: readonly Target[], target: Target) => targets.filter((other) => other.waiting && targetValue(other) !== targetValue(target)).length;
