import { evolve, type Assignment } from '../../bot/domain/assignment';
import type { AuditRecord } from '../../bot/domain/auditRecord';
import type { EvaluationReport } from '../../bot/domain/dutyCommands';
import { assignmentRecord, mayReadRecord } from '../../bot/domain/record';
import { recordPdf } from '../../bot/flows/records/document';
import { users } from '../../dev/roles';
import { pdfText } from '../support/pdfText';
import { accountPlan, eventsTo } from '../support/seed';

const plan = accountPlan({ platform: 'Instagram', accountName: 'Tio år i Botkyrka' });
const active = eventsTo('a-10', plan, 'active').reduce<Assignment | undefined>(evolve, undefined) as Extract<Assignment, { status: 'active' }>;
const report: EvaluationReport = { goals: [{ goal: 'Mål', met: 'partly' }], followers: 1200, posts: 140, answeredWithin48h: 'mostly', incidents: 2, change: 'Fler filmer.', decision: 'continue' };
const years = Array.from({ length: 10 }, (_, i) => 2027 + i);

/** Ten years of an account: 20 evaluations (twice a year, say), 20 snapshots, 200 decisions. */
const decade: Assignment = {
  ...active,
  dutyLog: {
    done: Object.fromEntries(years.flatMap((y) => [[`evaluation|${y}-H1`, `${y}-06-01T10:00:00.000Z`], [`evaluation|${y}-H2`, `${y}-12-01T10:00:00.000Z`], [`archive|${y}-H1`, `${y}-07-02T10:00:00.000Z`], [`archive|${y}-H2`, `${y + 1}-01-03T10:00:00.000Z`]])),
    evidence: Object.fromEntries(
      years.flatMap((y) => [
        [`evaluation|${y}-H1`, { kind: 'evaluation', report }],
        [`evaluation|${y}-H2`, { kind: 'evaluation', report }],
        [`archive|${y}-H1`, { kind: 'snapshot', blobName: `a-10_${y}-H1_x.pdf`, fileName: `startsida-${y}-1.pdf`, size: 200_000, sha256: 'ab'.repeat(32) }],
        [`archive|${y}-H2`, { kind: 'sentToArchive', reference: `KA ${y}/17` }],
      ]),
    ),
    absences: [{ from: '2027-07-01', to: '2027-07-28', substitute: users.admin.name, substituteAadObjectId: users.admin.aadObjectId }],
  },
};
const decisions: AuditRecord[] = Array.from({ length: 200 }, (_, i) => ({
  assignmentId: 'a-10', revision: 200 - i, type: i % 2 ? 'DutyCompleted' : 'AdministrationChanged', actorAadObjectId: users.employee.aadObjectId, actorName: users.employee.name, role: 'owner', at: `2027-01-01T10:00:00.000Z`, version: 1,
}));

describe('the assignment record (R4)', () => {
  const record = assignmentRecord({ state: decade, versions: [{ version: 2, submittedAt: '2027-02-01T10:00:00.000Z', plan }, { version: 1, submittedAt: '2026-11-02T09:00:00.000Z', plan }], audit: decisions, reports: [], generatedAt: '2036-12-31T12:00:00.000Z' });

  it('R4: holds every evaluation, snapshot, decision and version of ten years, in order', () => {
    expect(record.evaluations).toHaveLength(20);
    expect(record.evaluations.map((e) => e.period)).toEqual([...record.evaluations.map((e) => e.period)].sort());
    expect(record.snapshots).toHaveLength(20);
    expect(record.snapshots.filter((s) => s.kind === 'sentToArchive')).toHaveLength(10);
    expect(record.decisions.map((d) => d.revision)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(record.planVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(record.duties.completed).toHaveLength(40);
    expect(record.duties.absences).toEqual([expect.objectContaining({ substitute: users.admin.name })]);
  });

  it('R4: a record of ten years prints in full, page after page, every section there', async () => {
    const view = { locale: 'sv' as const, departments: [{ id: 'kultur-fritid', name: 'Kultur- och fritidsförvaltningen', communicatorAadObjectId: users.communicator.aadObjectId }], people: new Map(), platforms: [], platformHosts: {}, sourceHosts: [] };
    const { pages, text } = pdfText(await recordPdf(record, view, undefined));
    expect(pages.length).toBeGreaterThan(5);
    expect(text.match(/Utvärdering (första|andra) halvåret \d{4}, klar/g)).toHaveLength(20);
    expect(text.match(/KA \d{4}\/17/g)).toHaveLength(10);
    expect(pages.at(-1)).toContain(`Sida ${pages.length} av ${pages.length}`);
  });

  it('R4: the communications chief, the registrar, the owner\'s chief now and the communicator may read it; the chief in the plan who moved on, the owner and others may not', () => {
    const readers = { commsChief: users.commschief.aadObjectId, registrar: 'registrar', communicator: users.communicator.aadObjectId, chief: 'new-chief' };
    expect(decade.plan?.who.chiefAadObjectId).toBe(users.chief.aadObjectId);
    for (const viewer of [users.commschief.aadObjectId, 'registrar', users.communicator.aadObjectId, 'new-chief']) expect([viewer, mayReadRecord(viewer, readers)]).toEqual([viewer, true]);
    for (const viewer of [users.chief.aadObjectId, users.employee.aadObjectId, users.admin.aadObjectId, users.colleague.aadObjectId]) expect([viewer, mayReadRecord(viewer, readers)]).toEqual([viewer, false]);
    expect(mayReadRecord(users.employee.aadObjectId, {})).toBe(false);
  });
});
