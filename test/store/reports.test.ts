import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { validateDiaryNumber } from '../../bot/domain/report';
import { ReportStore, type FiledReport } from '../../bot/store/reports';
import { connectTables } from '../../bot/store/tables';

const tables = connectTables(loadConfig().storage);
const reports = new ReportStore(tables);

const criticism = (): FiledReport<'criticism'> => ({
  id: randomUUID(),
  kind: 'criticism',
  reporter: { aadObjectId: 'elin', name: 'Elin Ek' },
  filedAt: '2026-11-23T10:00:00.000Z',
  content: { accountId: randomUUID(), departmentId: 'kultur-fritid', receivedOn: '2026-11-22', link: 'https://example.org/inlagg/1', text: 'Fritidsgården stänger för tidigt.', nature: 'factual' },
});
const registrar = { aadObjectId: 'registrar', name: 'Rita Registrator' };

describe('the registrar\'s diary number (diarieföring, R13)', () => {
  beforeAll(() => tables.ensureCreated());

  it('R13: a diary number is written as the diary has it: with a digit, at most 40 characters, on one line', () => {
    for (const good of ['KS 2026/123', 'KOF-2026:45', '2026.0012']) expect([good, validateDiaryNumber({ diaryNumber: good })]).toEqual([good, { ok: true, value: { diaryNumber: good } }]);
    expect(validateDiaryNumber({ diaryNumber: '  KS 2026/9  ' })).toEqual({ ok: true, value: { diaryNumber: 'KS 2026/9' } });
    for (const [bad, code] of [['', 'required'], ['KS', 'notDiaryNumber'], ['KS\n2026/1', 'notDiaryNumber'], ['x1'.repeat(21), 'tooLong']] as const) {
      expect([bad, validateDiaryNumber({ diaryNumber: bad })]).toEqual([bad, { ok: false, errors: [{ field: 'diaryNumber', code }] }]);
    }
  });

  it('R13: no number before the registrar gives one; given once, however many press at once, and the report stops waiting', async () => {
    const report = criticism();
    await reports.file(report);
    await reports.awaitNumber(report);
    expect((await reports.get(report.id))?.value.diaryNumber).toBeUndefined();
    expect((await reports.awaitingNumber()).map((w) => w.id)).toContain(report.id);

    const results = await Promise.all(['KS 2026/1', 'KS 2026/2', 'KS 2026/3', 'KS 2026/4'].map((n) => reports.giveNumber(report.id, n, registrar, '2026-11-24T09:00:00.000Z')));

    expect(results.filter((r) => r?.given)).toHaveLength(1);
    const number = results.find((r) => r?.given)!.report.diaryNumber;
    expect(new Set(results.map((r) => r?.report.diaryNumber))).toEqual(new Set([number]));
    expect((await reports.get(report.id))?.value).toMatchObject({ diaryNumber: number, registeredBy: registrar, registeredAt: '2026-11-24T09:00:00.000Z' });
    expect((await reports.awaitingNumber()).map((w) => w.id)).not.toContain(report.id);
  });

  it('R13: the number reaches what the department\'s overview and the account\'s record show', async () => {
    const report = criticism();
    await reports.file(report);
    const about = { id: report.id, kind: 'criticism' as const, filedAt: report.filedAt, link: report.content.link, excerpt: 'Fritidsgården' };
    await reports.noteDepartment('kultur-fritid', about);
    await reports.noteAccount(report.content.accountId, about);
    await reports.giveNumber(report.id, 'KS 2026/77', registrar, '2026-11-24T09:00:00.000Z');
    expect(await reports.aboutAccount(report.content.accountId)).toEqual([{ ...about, diaryNumber: 'KS 2026/77' }]);
    expect((await reports.aboutDepartment('kultur-fritid', '2026-11-01T00:00:00.000Z', 500)).find((r) => r.id === report.id)).toEqual({ ...about, diaryNumber: 'KS 2026/77' });
  });
});

describe('what the chiefs\' monthly note reads (R16)', () => {
  beforeAll(() => tables.ensureCreated());

  it('R16: a month\'s reports about a department are counted by kind from its own rows, from the first instant of the month up to the next', async () => {
    const department = `dept-${randomUUID().slice(0, 8)}`;
    const note = (kind: 'criticism' | 'negative', filedAt: string) => reports.noteDepartment(department, { id: randomUUID(), kind, filedAt, link: 'https://example.org/1', excerpt: 'x' });
    await note('criticism', '2026-10-31T22:59:59.999Z');
    await note('criticism', '2026-10-31T23:00:00.000Z');
    await note('negative', '2026-11-15T12:00:00.000Z');
    await note('negative', '2026-11-30T22:59:59.999Z');
    await note('negative', '2026-11-30T23:00:00.000Z');
    // November in Stockholm: 1 November 00:00 (CET) is 31 October 23:00 UTC.
    expect(await reports.countAboutDepartment(department, '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z')).toEqual({ criticism: 1, negative: 2, message: 0 });
    expect(await reports.countAboutDepartment(`${department}-x`, '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z')).toEqual({ criticism: 0, negative: 0, message: 0 });
  });

  it('R16: a chief is noted once a month, however many runs at once; a note Teams did not take can be sent again', async () => {
    const chief = randomUUID();
    const month = '2026-11';
    const firsts = await Promise.all([1, 2, 3].map(() => reports.chiefNoteOnce(month, chief, '2026-12-01T08:00:00.000Z')));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    await reports.chiefNoteAgain(month, chief);
    expect(await reports.chiefNoteOnce(month, chief, '2026-12-01T09:00:00.000Z')).toBe(true);
  });
});
