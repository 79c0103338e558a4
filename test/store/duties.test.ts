import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { DutySchedule, type Schedule } from '../../bot/store/duties';
import { connectTables } from '../../bot/store/tables';

const tables = connectTables(loadConfig().storage);

describe('the duty schedule (table duties)', () => {
  beforeAll(() => tables.ensureCreated());

  it('P2: moves 250 wake-ups at once, in transactions of a month, as 250 single moves would; a wake-up already gone does not stop the rest', async () => {
    const schedule = new DutySchedule(tables);
    const reach = { tenantId: 't1', serviceUrl: 'https://smba.example/' };
    const ids: string[] = Array.from({ length: 250 }, () => randomUUID());
    // Each due in a minute of one morning in 2031 (a month no other test uses), each moving to February or March.
    const dueAt = (i: number) => new Date(Date.UTC(2031, 0, 6, 8, 0, i)).toISOString();
    const nextAt = (i: number) => new Date(Date.UTC(2031, 1 + (i % 2), 3, 8, 0, i)).toISOString();
    const from = '2031-01-01T00:00:00.000Z';
    await schedule.addMany(ids.map((assignmentId, i): Schedule => ({ assignmentId, wakeAt: dueAt(i), from, revision: 1, reach })));
    // One wake-up was removed meanwhile (another run got there first).
    await schedule.remove({ assignmentId: ids[7]!, wakeAt: dueAt(7) });

    const swept = '2031-01-06T09:00:00.000Z';
    await schedule.replaceMany(ids.map((assignmentId, i) => ({ next: { assignmentId, wakeAt: i === 3 ? undefined : nextAt(i), from: swept, revision: 1, reach }, previousWakeAt: dueAt(i) })));

    const due = async (since: string, until: string) => {
      const found: string[] = [];
      for await (const wake of schedule.due(since, until)) if (ids.includes(wake.assignmentId)) found.push(`${wake.assignmentId}@${wake.wakeAt}`);
      return found.sort();
    };
    expect(await due('2031-01-01T00:00:00Z', '2031-01-31T23:59:59Z')).toEqual([]);
    const expected = ids.flatMap((id, i) => (i === 3 ? [] : [`${id}@${nextAt(i)}`])).sort();
    expect(await due('2031-02-01T00:00:00Z', '2031-03-31T23:59:59Z')).toEqual(expected);
    expect(await schedule.schedule(ids[0]!)).toEqual({ assignmentId: ids[0], wakeAt: nextAt(0), from: swept, revision: 1, reach });
    expect(await schedule.schedule(ids[3]!)).toEqual({ assignmentId: ids[3], wakeAt: undefined, from: swept, revision: 1, reach });
  });
});
