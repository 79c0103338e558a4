import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { digestWeek } from '../../bot/domain/digest';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import type { AuditRecord } from '../../bot/domain/auditRecord';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { ConversationReferences } from '../../bot/store/conversations';
import { DirectoryStore } from '../../bot/store/directory';
import { RegisterStore } from '../../bot/store/register';
import { ReportStore, type FiledReport } from '../../bot/store/reports';
import { directory, tenantId, users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, textOf } from '../support/teamsClient';

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const date = (offsetDays: number) => iso(offsetDays).slice(0, 10);

/** An active account of Elin's, with absences: one long over, one running for a year yet. */
function withAbsences(id: string, name: string): Assignment {
  const state = eventsTo(id, accountPlan({ platform: 'Instagram', accountName: name }), 'active').reduce<Assignment | undefined>(evolve, undefined) as Extract<Assignment, { status: 'active' }>;
  return {
    ...state,
    dutyLog: {
      absences: [
        { from: date(-40), to: date(-30), substitute: users.admin.name, substituteAadObjectId: users.admin.aadObjectId },
        { from: date(-1), to: date(400), substitute: users.admin.name, substituteAadObjectId: users.admin.aadObjectId },
      ],
    },
  };
}

const report = (kind: 'bullying' | 'negative' | 'criticism', filedAt: string, reporter = users.colleague): FiledReport => ({
  id: randomUUID(),
  kind,
  reporter: { aadObjectId: reporter.aadObjectId, name: reporter.name },
  filedAt,
  content:
    kind === 'bullying'
      ? { affected: 'pupil', where: 'Snapchat', what: 'En elev hängs ut' }
      : kind === 'negative'
        ? { link: 'https://tidning.example/1', summary: 'Artikel om köer', to: 'chief' }
        : { accountId: 'a', departmentId: 'kultur-fritid', receivedOn: filedAt.slice(0, 10), link: 'https://example.org/1', text: 'Kritik', nature: 'factual' },
} as FiledReport);

/**
 * GDPR: personal data that is no public record goes when its time is up (KANALKOLL_RETAIN_*_DAYS),
 * public records stay, and nothing about an account under a hold is removed; "vad vet du om mig?".
 */
describe('personal data only as long as needed (GDPR)', () => {
  let world: TeamsWorld;
  const free = randomUUID();
  const held = randomUUID();
  const old = { bullying: report('bullying', iso(-1000)), negative: report('negative', iso(-1000)), criticism: report('criticism', iso(-1000)) };
  const recent = report('bullying', iso(-10));
  const filed = (r: FiledReport): AuditRecord => ({ assignmentId: `report_${r.id}`, revision: 1, type: 'ReportFiled', actorAadObjectId: r.reporter.aadObjectId, actorName: r.reporter.name, role: 'reporter', at: r.filedAt, version: 1 });

  beforeAll(async () => {
    world = await startTeams(['employee', 'commschief', 'admin', 'colleague'], {}, async (tables) => {
      const assignments = new AssignmentStore(tables);
      const register = new RegisterStore(tables);
      for (const state of [withAbsences(free, 'Fritt konto'), withAbsences(held, 'Spärrat konto')]) {
        await assignments.create(state);
        await register.sync(state);
      }
      const reports = new ReportStore(tables);
      const audit = new AuditRecords(tables);
      for (const r of [old.bullying, old.negative, old.criticism, recent]) {
        await reports.file(r);
        await audit.appendReport(filed(r));
      }
      // As the report flow notes it: in its week (the digest) and under the department (the overview).
      await reports.noteWeek(old.negative, digestWeek(DateTime.fromISO(old.negative.filedAt)), 'kultur-fritid');
      await reports.noteDepartment('kultur-fritid', { id: old.negative.id, kind: 'negative', filedAt: old.negative.filedAt, link: 'https://tidning.example/1', excerpt: 'Artikel om köer' });
    });
    // Two leavers: the colleague left two years ago, the admin 40 days ago.
    const people = new DirectoryStore(world.tables);
    await people.putPeople([{ ...directory.people.find((p) => p.aadObjectId === users.colleague.aadObjectId)!, enabled: false }, { ...directory.people.find((p) => p.aadObjectId === users.admin.aadObjectId)!, enabled: false }]);
    await people.noteLeavers([users.colleague.aadObjectId], iso(-730));
    await people.noteLeavers([users.admin.aadObjectId], iso(-40));
  });
  afterAll(() => world.close());

  it('GDPR: "vad vet du om mig?" gives the asker what Kanalkoll keeps about them, and only that, with a JSON download', async () => {
    const elin = world.client('employee');
    await elin.press(await elin.say('ny ansökan'), 'Fortsätt', { kind: 'account' });
    const card = await elin.say('vad vet du om mig?');
    expect(textOf(card)).toContain('Det här har Kanalkoll om dig');
    expect(textOf(card)).toContain('Fritt konto (Instagram)');
    const link = [...JSON.stringify(card).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!)[0]!;
    const data = (await (await fetch(link)).json()) as { person: { aadObjectId: string }; assignments: { id: string; as: string[] }[]; reports: unknown[]; teams: { aadObjectId: string } };
    expect(data.person.aadObjectId).toBe(users.employee.aadObjectId);
    expect(data.teams.aadObjectId).toBe(users.employee.aadObjectId);
    expect(data.assignments.map((a) => a.id)).toEqual(expect.arrayContaining([free, held]));
    expect(data.assignments.find((a) => a.id === free)?.as).toEqual(['applicant', 'admin']);
    // The colleague's reports are the colleague's.
    expect(data.reports).toEqual([]);
    expect(new URL(link).searchParams.get('sp')).toBe('r');
  });

  it('R4: the nightly retention removes personal data that is no public record when its time is up, keeps every public record (reports too: no gallring decision is set), and respects the hold', async () => {
    // The communications chief stops the clean-up of one account from the register card.
    const johan = world.client('commschief');
    const registerCard = await johan.say('registret');
    const stop = actionsOf(registerCard).find((a) => a.verb === 'record.hold' && a.data.assignmentId === held)!;
    expect(stop.title).toBe('Stoppa rensning');
    expect(textOf(await johan.invoke('record.hold', stop.data))).toContain('Rensningen är stoppad för Spärrat konto (Instagram).');
    expect(textOf(await world.client('employee').invoke('record.hold', { assignmentId: free, hold: 'on' }))).toContain('Det är bara kommunikationschefen som kan stoppa rensning.');

    const assignments = new AssignmentStore(world.tables);
    const draftId = (await assignments.listFor(users.employee.aadObjectId)).find((a) => a.status === 'draft' && a.planVersion === 0)!.id;
    // 200 days on.
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(200 * day);
    try {
      await world.timer('retention');
    } finally {
      delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    }

    const reports = new ReportStore(world.tables);
    const audit = new AuditRecords(world.tables);
    // Reports are public records: without a gallring decision every one stays, 1,200 days old or not, with who filed it.
    for (const r of [old.bullying, old.negative, old.criticism, recent]) expect(await reports.get(r.id)).toBeDefined();
    expect((await reports.aboutDepartment('kultur-fritid', iso(-2000), 50)).map((a) => a.id)).toEqual([old.negative.id]);
    expect((await audit.history(`report_${old.bullying.id}`))[0]).toMatchObject({ actorName: users.colleague.name });

    // The absence that ended long ago is forgotten (audited as the clean-up); the running one stays; the held account keeps both.
    const absencesOf = async (id: string) => ((await assignments.get(id))!.value as { dutyLog?: { absences?: { to: string }[] } }).dutyLog?.absences?.map((a) => a.to);
    expect(await absencesOf(free)).toEqual([date(400)]);
    expect(await absencesOf(held)).toHaveLength(2);
    expect((await audit.history(free)).at(-1)).toMatchObject({ type: 'AbsencesForgotten', role: 'retention', actorName: 'Kanalkoll' });

    // The draft never sent is gone, with its index row; the accounts (sent plans) stay.
    expect(await assignments.get(draftId)).toBeUndefined();
    expect((await assignments.listFor(users.employee.aadObjectId)).map((a) => a.id).sort()).toEqual([free, held].sort());

    // Leavers: both chat references go after 30 days; the entry of the one who left two years ago is cut to the name.
    const conversations = new ConversationReferences(world.tables);
    expect(await conversations.user(tenantId, users.colleague.aadObjectId)).toBeUndefined();
    expect(await conversations.user(tenantId, users.admin.aadObjectId)).toBeUndefined();
    expect(await conversations.user(tenantId, users.employee.aadObjectId)).toBeDefined();
    const people = new DirectoryStore(world.tables);
    expect(await people.person(users.colleague.aadObjectId)).toEqual({ aadObjectId: users.colleague.aadObjectId, name: users.colleague.name, email: '', departmentId: '', title: '', enabled: false });
    expect((await people.person(users.admin.aadObjectId))?.email).not.toBe('');
    expect((await people.leavers()).map((l) => [l.aadObjectId, l.reduced]).sort()).toEqual([[users.admin.aadObjectId, false], [users.colleague.aadObjectId, true]].sort());

    // Run again: nothing more goes.
    process.env.KANALKOLL_CLOCK_OFFSET_MS = String(200 * day);
    try {
      await world.timer('retention');
    } finally {
      delete process.env.KANALKOLL_CLOCK_OFFSET_MS;
    }
    expect(await absencesOf(free)).toEqual([date(400)]);
    expect(await reports.get(recent.id)).toBeDefined();
  });
});

/** R4: what the municipality received is disposed of only under its gallring decision, after the periods it names. */
describe('reports disposed of only under the gallring decision (R4)', () => {
  let world: TeamsWorld;
  const bullying = report('bullying', iso(-800));
  const negative = report('negative', iso(-800));
  const criticism = report('criticism', iso(-800));
  const recent = report('bullying', iso(-100));
  const filed = (r: FiledReport): AuditRecord => ({ assignmentId: `report_${r.id}`, revision: 1, type: 'ReportFiled', actorAadObjectId: r.reporter.aadObjectId, actorName: r.reporter.name, role: 'reporter', at: r.filedAt, version: 1 });

  beforeAll(async () => {
    // The decision lets bullying go after two years; it says nothing of negative material, which is kept.
    world = await startTeams([], { KANALKOLL_GALLRING_DECISION: 'KS 2025/123, dokumenthanteringsplan 4.2', KANALKOLL_GALLRING_DAYS: 'bullying=730' }, async (tables) => {
      const reports = new ReportStore(tables);
      const audit = new AuditRecords(tables);
      for (const r of [bullying, negative, criticism, recent]) {
        await reports.file(r);
        await audit.appendReport(filed(r));
      }
    });
  });
  afterAll(() => world.close());

  it('R4: a gallring decision disposes of the reports it names once its period is over, and the filing stays on record, without a name, with the decision', async () => {
    await world.timer('retention');
    const reports = new ReportStore(world.tables);
    const audit = new AuditRecords(world.tables);
    expect(await reports.get(bullying.id)).toBeUndefined();
    expect((await audit.history(`report_${bullying.id}`))[0]).toMatchObject({ type: 'ReportFiled', actorAadObjectId: '', actorName: '', at: bullying.filedAt, comment: 'gallrad enligt KS 2025/123, dokumenthanteringsplan 4.2' });
    // Not yet two years old; a kind the decision does not name; registered criticism: all kept.
    for (const r of [recent, negative, criticism]) expect(await reports.get(r.id)).toBeDefined();
    expect((await audit.history(`report_${negative.id}`))[0]).toMatchObject({ actorName: users.colleague.name });
  });
});
