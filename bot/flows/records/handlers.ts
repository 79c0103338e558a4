import { createHash } from 'node:crypto';
import { z } from 'zod';
import { dutyCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { cardId } from '../../domain/fields';
import type { Locale } from '../../domain/locale';
import { assignmentRecord, mayReadRecord, type AssignmentRecord } from '../../domain/record';
import { RecordDiffers } from '../../errors';
import { texts } from '../../i18n';
import type { RecordFiles } from '../../store/archive';
import { linkMinutes } from '../../store/blobs';
import { approversFor } from '../shared/approvers';
import type { FlowDeps } from '../deps';
import { loadView } from '../shared/planView';
import { communicatorOf } from '../shared/planFacts';
import { cardVerb } from '../commands/press';
import type { CardHandler, CardTurn } from '../turn';
import { recordName, recordPdf } from './document';

export type RecordDeps = Pick<FlowDeps, 'assignments' | 'audit' | 'directory' | 'reports' | 'archive' | 'exports' | 'platforms' | 'clock' | 'log' | 'registrarAadObjectId' | 'archiveAadObjectId'>;

/** The record (akt) of an assignment as it is stored now, in `locale`, dated `generatedAt` (now): the object, and it as PDF and JSON. */
export async function recordOf(deps: Omit<RecordDeps, 'exports'>, state: Assignment, locale: Locale, generatedAt = deps.clock().toISOString()): Promise<{ record: AssignmentRecord; files: RecordFiles }> {
  const [versions, audit, reports, view] = await Promise.all([
    deps.assignments.versions(state.id),
    Promise.all([deps.audit.history(state.id), deps.audit.history(`hold_${state.id}`)]).then(([decisions, holds]) => [...decisions, ...holds]),
    deps.reports.aboutAccount(state.id),
    loadView(deps, locale, { assignments: [state] }),
  ]);
  const record = assignmentRecord({
    state,
    versions,
    audit,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind === 'message' ? 'message' : 'criticism',
      filedAt: r.filedAt,
      link: r.link,
      excerpt: r.excerpt,
      ...(r.diaryNumber ? { diaryNumber: r.diaryNumber } : {}),
      ...(r.numberAsked === false ? { numberAsked: false } : {}),
      ...(r.picture ? { picture: r.picture } : {}),
    })),
    generatedAt,
  });
  const pdf = await recordPdf(record, view, communicatorOf(view, state));
  return { record, files: { pdf, json: Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8') } };
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Who keeps the archive's records when a later one differs (audit records name an actor). */
const archiveKeeper = { aadObjectId: 'kanalkoll-archive', name: 'Kanalkoll' };

/**
 * R4, R15: a closing account's record goes to the archive container with it (an effect; in Swedish,
 * the archive's language), once. It is dated when the account closed, not when this runs, so a
 * retry makes the same bytes, which the archive takes as there already. A record that differs (made
 * after something changed, as a hold placed or a diary number given meanwhile) is not written over
 * the archived one: that is an error, logged and audited (sealed), and the effect ends there, since
 * no retry can change a record that is written once.
 */
export async function archiveRecord(deps: Omit<RecordDeps, 'exports'>, state: Assignment): Promise<void> {
  if (state.status !== 'closed') return;
  const { files } = await recordOf(deps, state, 'sv', state.closedAt);
  try {
    await deps.archive.putRecord(state.id, files);
  } catch (error) {
    if (!(error instanceof RecordDiffers)) throw error;
    const now = deps.clock().toISOString();
    const refused = `SHA-256 ${sha256(files.json)} (json), ${sha256(files.pdf)} (pdf)`;
    deps.log.error('archived_record_differs', { assignmentId: state.id, names: error.names.join(' '), refused });
    await deps.audit.appendReport(
      {
        assignmentId: `archive_${state.id}`,
        revision: Date.parse(now),
        type: 'ArchivedRecordKept',
        actorAadObjectId: archiveKeeper.aadObjectId,
        actorName: archiveKeeper.name,
        role: 'archive',
        at: now,
        version: state.planVersion,
        comment: `${error.names.join(', ')}: kept as archived; a later record that differs was not written (${refused})`,
      },
      { sealed: true },
    );
  }
}

const onAssignment = z.object({ assignmentId: cardId });
const onHold = z.object({ assignmentId: cardId, hold: z.enum(['on', 'off']) });
/** A snapshot in the archive, as its metadata names it. */
type SnapshotFound = Awaited<ReturnType<RecordDeps['archive']['metadata']>>;

const onSnapshot = z.object({ name: z.string().regex(/^[\w%.-]+_\d{4}-H[12]_[0-9a-f-]{36}\.pdf$/i) });

/**
 * "Hämta akten": the communications chief, the registrar, the account's chief and its department's
 * communicator get its record as a PDF and as JSON, by links that work for a quarter of an hour.
 * Rights come from storage, never from the card.
 */
export function recordHandlers(deps: RecordDeps & Pick<FlowDeps, 'run'>): Record<'get' | 'snapshot' | 'hold', CardHandler> {
  const message = (turn: CardTurn, title: string, links: { title: string; url: string }[], paragraph: string): AdaptiveCard =>
    dutyCard({ heading: texts(turn.locale).records.fetch, title, paragraphs: [{ text: paragraph }], facts: [], itemsTitle: '', items: [], actions: [], links });
  /** Why not, marked as a problem; nothing was made. */
  const refused = (turn: CardTurn, notice: string): AdaptiveCard =>
    dutyCard({ heading: texts(turn.locale).records.fetch, title: texts(turn.locale).records.fetch, paragraphs: [], facts: [], itemsTitle: '', items: [], actions: [], notice, noticeStyle: 'attention' });

  /** Whether the user may read this assignment's records, from the directory as it is now. */
  const mayRead = async (aadObjectId: string, state: Assignment): Promise<boolean> => {
    const { chief, communicator, commsChief } = await approversFor(deps.directory, state);
    return mayReadRecord(aadObjectId, { chief, communicator, commsChief, registrar: deps.registrarAadObjectId });
  };

  return {
    // Reading verbs of the card-command pipeline: the record is made only for whoever may read it.
    get: cardVerb<z.infer<typeof onAssignment>, boolean>(deps, {
      surface: 'records',
      input: onAssignment,
      assignmentId: (input) => input.assignmentId,
      load: ({ stored, turn }) => (stored.value.plan ? mayRead(turn.user.aadObjectId, stored.value) : false),
      authorise: ({ stored, context: allowed }) => (!stored.value.plan ? { reason: 'notFound' } : !allowed ? { reason: 'notAllowed' } : undefined),
      answer: async ({ turn }, answered) => {
        if (!answered.ok) return refused(turn, answered.refusal.text);
        const t = texts(turn.locale).records;
        const state = answered.state;
        try {
          const { record, files } = await recordOf(deps, state, turn.locale);
          const name = recordName(record, turn.locale);
          const base = `akt-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'kanalkoll'}`;
          const [pdf, json] = await deps.exports.put(state.id, [
            { fileName: `${base}.pdf`, contentType: 'application/pdf', body: files.pdf },
            { fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: files.json },
          ], deps.clock());
          return message(turn, t.ready(name), [{ title: t.openPdf, url: pdf! }, { title: t.openJson, url: json! }], t.readyIntro(linkMinutes));
        } catch (error) {
          deps.log.warn('record_failed', { assignmentId: state.id, error: error instanceof Error ? error.message : String(error) });
          return refused(turn, t.failed);
        }
      },
      fallback: (turn, refusal) => refused(turn, refusal.text),
    }),
    /**
     * GDPR: the communications chief stops the clean-up of everything about an account (a records
     * request unanswered, a report open), or allows it again. Audited.
     */
    hold: cardVerb<z.infer<typeof onHold>, string | undefined>(deps, {
      surface: 'hold',
      input: onHold,
      assignmentId: (input) => input.assignmentId,
      // Whoever the directory names as communications chief now.
      load: () => deps.directory.communicationsChief(),
      authorise: ({ stored, turn, context: commsChief }) => (!stored.value.plan ? { reason: 'notFound' } : turn.user.aadObjectId !== commsChief ? { reason: 'notAllowed' } : undefined),
      command: ({ input, stored: { value: state }, turn, meta }) => ({
        act: async () => {
          if (input.hold === 'on') await deps.assignments.hold(state.id, turn.user.aadObjectId, meta.now);
          else await deps.assignments.releaseHold(state.id);
          await deps.audit.appendReport(
            { assignmentId: `hold_${state.id}`, revision: Date.parse(meta.now), type: input.hold === 'on' ? 'HoldPlaced' : 'HoldReleased', actorAadObjectId: turn.user.aadObjectId, actorName: turn.user.name, role: 'commschief', at: meta.now, version: state.planVersion },
            { sealed: true },
          );
        },
      }),
      answer: ({ turn, input }, answered) => {
        if (!answered.ok) return refused(turn, answered.refusal.text);
        const t = texts(turn.locale).privacy;
        const account = accountName(answered.state);
        return dutyCard({ heading: t.heading, title: account, paragraphs: [], facts: [], itemsTitle: '', items: [], actions: [{ title: texts(turn.locale).register.title, verb: 'register.show', data: {} }], notice: input.hold === 'on' ? t.held(account) : t.released(account), noticeStyle: 'good' });
      },
      fallback: (turn, refusal) => refused(turn, refusal.text),
    }),
    /** R15: a half-year snapshot, for the municipal archive and those who may read the account's records. */
    snapshot: cardVerb<z.infer<typeof onSnapshot>, boolean, SnapshotFound>(deps, {
      surface: 'records',
      input: onSnapshot,
      assignmentId: () => '',
      // The snapshot's own record names its account.
      alongside: (input) => deps.archive.metadata(input.name),
      find: async (_input, found) => {
        const snapshot = await found;
        return snapshot ? deps.assignments.get(snapshot.assignmentId) : undefined;
      },
      load: async ({ stored, turn }) => [stored.value.applicant.aadObjectId, deps.archiveAadObjectId].includes(turn.user.aadObjectId) || (await mayRead(turn.user.aadObjectId, stored.value)),
      authorise: ({ context: allowed }) => (allowed ? undefined : { reason: 'notAllowed' }),
      answer: async ({ turn, input, alongside: found }, answered) => {
        if (!answered.ok || !found) return refused(turn, answered.ok ? texts(turn.locale).records.notFound : answered.refusal.text);
        const t = texts(turn.locale).records;
        const url = await deps.archive.link(input.name, found.fileName);
        return message(turn, found.fileName, [{ title: t.openSnapshot, url }], t.readyIntro(linkMinutes));
      },
      fallback: (turn, refusal) => refused(turn, refusal.text),
    }),
  };
}
