import { dutyCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import type { Assignment } from '../../domain/assignment';
import { longDate } from '../../domain/calendar';
import { texts } from '../../i18n';
import { linkMinutes } from '../../store/blobs';
import type { FlowDeps } from '../deps';
import type { CardHandler } from '../turn';

export type AccessDeps = Pick<FlowDeps, 'assignments' | 'audit' | 'reports' | 'directory' | 'conversations' | 'exports' | 'clock' | 'log'>;

/** Everything Kanalkoll keeps about one person, as the JSON they download has it. */
export interface PersonalData {
  readonly schemaVersion: 1;
  readonly generatedAt: string;
  readonly person: unknown;
  readonly teams: unknown;
  /** Their own assignments whole; others' they run or stand in for only as far as they are about them. */
  readonly assignments: readonly { readonly id: string; readonly as: readonly ('applicant' | 'admin' | 'substitute')[]; readonly assignment: unknown; readonly decisions: readonly unknown[] }[];
  readonly reports: readonly unknown[];
}

/**
 * GDPR right of access, "vad vet du om mig?": what Kanalkoll keeps about the one who asks (the
 * directory entry, where to reach them in Teams, the assignments they applied for, run or stand in
 * for, with the decisions they made there, and the reports they filed), as a card with the count of
 * each and a JSON download by a 15-minute link. Only ever about the asker.
 */
export function accessHandler(deps: AccessDeps): CardHandler {
  return async (turn) => {
    const t = texts(turn.locale).privacy;
    const aad = turn.user.aadObjectId;
    const [person, teams, applied, admin, substitute, reports] = await Promise.all([
      deps.directory.person(aad),
      deps.conversations.user(turn.reach.tenantId, aad),
      deps.assignments.listFor(aad),
      deps.assignments.administeredBy(aad),
      deps.assignments.substitutingFor(aad),
      deps.reports.filedBy(aad),
    ]);
    const byId = new Map<string, { assignment: Assignment; as: Set<'applicant' | 'admin' | 'substitute'> }>();
    const add = (list: readonly Assignment[], as: 'applicant' | 'admin' | 'substitute') => {
      for (const assignment of list) (byId.get(assignment.id) ?? byId.set(assignment.id, { assignment, as: new Set() }).get(assignment.id)!).as.add(as);
    };
    add(applied.filter((a) => a.applicant.aadObjectId === aad), 'applicant');
    add(admin.filter((a) => a.plan?.kind === 'account' && a.plan.administration.admins.includes(aad)), 'admin');
    add(substitute.filter((a) => 'dutyLog' in a && a.dutyLog?.absences?.some((x) => x.substituteAadObjectId === aad)), 'substitute');
    const assignments = await Promise.all(
      [...byId.values()].map(async ({ assignment, as }) => ({
        id: assignment.id,
        as: [...as],
        // Someone else's assignment: what it is, and the absences they stood in for; not the owner's other data.
        assignment: as.has('applicant')
          ? assignment
          : {
              account: assignment.plan ? accountName(assignment) : '',
              status: assignment.status,
              standingInFor: ('dutyLog' in assignment ? (assignment.dutyLog?.absences ?? []) : []).filter((x) => x.substituteAadObjectId === aad).map((x) => ({ from: x.from, to: x.to })),
            },
        decisions: (await deps.audit.history(assignment.id)).filter((e) => e.actorAadObjectId === aad),
      })),
    );
    const now = deps.clock();
    const data: PersonalData = { schemaVersion: 1, generatedAt: now.toISOString(), person: person ?? null, teams: teams ?? null, assignments, reports };
    const card = (links: { title: string; url: string }[], notice?: string): AdaptiveCard =>
      dutyCard({
        heading: t.heading,
        title: t.title,
        paragraphs: [{ text: t.intro }, ...(links.length > 0 ? [{ text: t.links(linkMinutes) }] : []), { text: t.kept }],
        facts: [
          { title: t.facts.directory, value: person ? [person.name, person.email, person.title].filter(Boolean).join(', ') : t.none },
          { title: t.facts.teams, value: teams ? t.lastSeen(longDate(teams.updatedAt, turn.locale)) : t.none },
          { title: t.facts.assignments, value: assignments.length > 0 ? [...byId.values()].map((a) => (a.assignment.plan ? accountName(a.assignment) : t.draft)).slice(0, 10).join(', ') + (assignments.length > 10 ? ' …' : '') : t.none },
          { title: t.facts.reports, value: String(reports.length) },
        ],
        itemsTitle: '',
        items: [],
        actions: [],
        links,
        ...(notice ? { notice, noticeStyle: 'attention' as const } : {}),
      });
    try {
      const [url] = await deps.exports.put(aad, [{ fileName: 'kanalkoll-mina-uppgifter.json', contentType: 'application/json; charset=utf-8', body: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8') }], now);
      return card([{ title: t.download, url: url! }]);
    } catch (error) {
      deps.log.warn('personal_data_export_failed', { error: error instanceof Error ? error.message : String(error) });
      return card([], t.failed);
    }
  };
}
