import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { OverdueItem, WeekFigures } from '../domain/overview';
import { emptyWeek } from '../domain/overview';
import { encodeKey, fromColumns, toColumns } from './repository';
import type { Tables } from './tables';
import { inTransactions } from './transactions';

/** A department's figures of a week, with when they were counted. */
export interface CountedWeek {
  readonly departmentId: string;
  readonly week: string;
  readonly figures: WeekFigures;
  readonly countedAt: string;
  /** On the municipality's row of a week: each department's accounts in use and closed (the overview's one chart by department). */
  readonly accounts?: DepartmentAccounts;
}

/** Accounts in use and closed, by department id. */
export type DepartmentAccounts = Readonly<Record<string, { readonly active: number; readonly closed: number }>>;

const weeksPartition = (departmentId: string) => `weeks_${encodeKey(departmentId)}`;
const weekRow = (week: string) => `week_${week.replace(/[^0-9W-]/g, '')}`;
/** A week's figures of every department: one partition, a row each. */
const departmentsPartition = (week: string) => `departments_${week.replace(/[^0-9W-]/g, '')}`;
const departmentRow = (departmentId: string) => `dept_${encodeKey(departmentId)}`;
/** The whole municipality's figures, a row per week. */
const totalsPartition = 'totals';
const overduePartition = (departmentId: string) => `overdue_${encodeKey(departmentId)}`;
/** Newest first: a later due date sorts earlier. */
const overdueRow = (item: OverdueItem) => `${String(99_999_999 - Number(item.due.replace(/-/g, ''))).padStart(8, '0')}_${encodeKey(item.assignmentId)}_${item.duty}_${encodeKey(item.period)}`;

/**
 * The `figures` table (R16, the overview): per department, a small row per ISO week with its figures
 * (`weeks_<department>`, `week_2027-W02`); the same rows by week (`departments_2027-W02`, a row per
 * department, from which the week before is added up again) and the whole municipality's per week
 * (`totals`, with each department's accounts in use and closed), so an overview of every department
 * reads one range whatever the number of departments; and each department's overdue duties as
 * counted (`overdue_<department>`, newest first). Written by the counting timer; an overview of some
 * departments reads a range of one partition per department, never the assignments.
 */
export class FigureStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('figures');
  }

  /** Keeps a department's figures of a week (replacing an earlier count of the same week), in its own partition and in the week's. */
  async keepWeek(counted: CountedWeek): Promise<void> {
    const columns = { countedAt: counted.countedAt, ...toColumns(counted.figures) };
    await Promise.all([
      this.table.upsertEntity({ partitionKey: weeksPartition(counted.departmentId), rowKey: weekRow(counted.week), ...columns }, 'Replace'),
      this.table.upsertEntity({ partitionKey: departmentsPartition(counted.week), rowKey: departmentRow(counted.departmentId), ...columns }, 'Replace'),
    ]);
  }

  /** Keeps the whole municipality's figures of a week, with each department's accounts (so an overview of every department reads no department's row). */
  async keepTotal(week: string, figures: WeekFigures, countedAt: string, accounts: DepartmentAccounts): Promise<void> {
    await this.table.upsertEntity({ partitionKey: totalsPartition, rowKey: weekRow(week), countedAt, ...toColumns({ ...figures, accounts }) }, 'Replace');
  }

  /** The whole municipality's weeks from `from` to `to`, oldest first: one range of one partition. */
  async totals(from: string, to: string): Promise<CountedWeek[]> {
    return this.range(totalsPartition, from, to, '');
  }

  /** Every department's figures of one week: one partition. */
  async departmentsOf(week: string): Promise<CountedWeek[]> {
    const found: CountedWeek[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${departmentsPartition(week)}` } })) {
      found.push({ departmentId: decodeURIComponent(String(e.rowKey).slice('dept_'.length)), week, countedAt: String(e.countedAt ?? ''), figures: { ...emptyWeek, ...(fromColumns(e) as WeekFigures) } });
    }
    return found;
  }

  /**
   * R16: a week's report counts counted again (a report filed after the week's last count); a week
   * never counted gets a row with these counts alone.
   */
  async recountReports(departmentId: string, week: string, reports: Pick<WeekFigures, 'criticism' | 'negative'>, countedAt: string): Promise<void> {
    const found = (await this.weeks(departmentId, week, week))[0] ?? { departmentId, week, figures: emptyWeek, countedAt };
    await this.keepWeek({ ...found, figures: { ...found.figures, ...reports } });
  }

  /** A department's counted weeks from `from` to `to` (ISO weeks), oldest first: one range of one partition. */
  async weeks(departmentId: string, from: string, to: string): Promise<CountedWeek[]> {
    return this.range(weeksPartition(departmentId), from, to, departmentId);
  }

  private async range(partitionKey: string, from: string, to: string, departmentId: string): Promise<CountedWeek[]> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${weekRow(from)} and RowKey le ${weekRow(to)}`;
    const found: CountedWeek[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const { accounts, ...figures } = fromColumns(e) as WeekFigures & { accounts?: DepartmentAccounts };
      found.push({ departmentId, week: String(e.rowKey).slice('week_'.length), countedAt: String(e.countedAt ?? ''), figures: { ...emptyWeek, ...figures }, ...(accounts ? { accounts } : {}) });
    }
    return found;
  }

  /** Replaces the department's overdue duties with those counted now: rows no longer overdue go. */
  async keepOverdue(departmentId: string, items: readonly OverdueItem[]): Promise<void> {
    const partitionKey = overduePartition(departmentId);
    const keep = new Map(items.map((item) => [overdueRow(item), item]));
    const actions: TransactionAction[] = [];
    for await (const e of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) {
      if (!keep.has(String(e.rowKey))) actions.push(['delete', { partitionKey, rowKey: String(e.rowKey) }]);
    }
    for (const [rowKey, item] of keep) actions.push(['upsert', { partitionKey, rowKey, ...toColumns(item) }, 'Replace']);
    await inTransactions(this.table, actions);
  }

  /** A department's overdue duties, newest first, at most `limit`: one page of one partition. */
  async overdue(departmentId: string, limit: number): Promise<OverdueItem[]> {
    const found: OverdueItem[] = [];
    for await (const page of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${overduePartition(departmentId)}` } }).byPage({ maxPageSize: limit })) {
      found.push(...page.map((e) => fromColumns(e) as OverdueItem));
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }
}
