import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { diaryNumber } from '../../bot/domain/report';
import { ReportStore, type FiledReport } from '../../bot/store/reports';
import { connectTables } from '../../bot/store/tables';

const tables = connectTables(loadConfig().storage);
const reports = new ReportStore(tables);

const criticism = (): FiledReport<'criticism'> => ({
  id: randomUUID(),
  kind: 'criticism',
  reporter: { aadObjectId: 'elin', name: 'Elin Ek' },
  filedAt: '2026-11-23T10:00:00.000Z',
  content: { accountId: 'a1', departmentId: 'kultur-fritid', receivedOn: '2026-11-22', link: 'https://example.org/inlagg/1', text: 'Fritidsgården stänger för tidigt.', nature: 'factual' },
});

describe('registering criticism (diarieföring, R13)', () => {
  beforeAll(() => tables.ensureCreated());

  it('R13: numbers read like the series: SOME 2026/0001', () => {
    expect(diaryNumber('SOME', 2026, 1)).toBe('SOME 2026/0001');
    expect(diaryNumber('SOME', 2027, 1234)).toBe('SOME 2027/1234');
  });

  it('R13: 50 reports filed at once get 50 different numbers, with no gaps', async () => {
    const series = `T${randomUUID().slice(0, 6).replace(/[^a-z0-9]/gi, '')}`;

    const filed = await Promise.all(Array.from({ length: 50 }, () => reports.register(criticism(), series, 2026)));

    const numbers = filed.map((r) => r.diaryNumber).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => diaryNumber(series, 2026, i + 1)));
    expect((await reports.registered(series, 2026)).map((r) => r.diaryNumber)).toEqual(numbers);
  }, 60_000);
});
