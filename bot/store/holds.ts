import { odata, type TableClient } from '@azure/data-tables';
import { holdPartition, listedId, listedRow } from './assignmentLayout';
import { unlessMissing } from './statuses';
import type { Tables } from './tables';

/** Holds (GDPR retention stops): accounts the communications chief asked to keep everything about (partition `hold` of `assignments`). */
export class Holds {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('assignments');
  }

  /** Every hold, by assignment id. */
  async holds(): Promise<Map<string, { by: string; at: string }>> {
    const found = new Map<string, { by: string; at: string }>();
    for await (const e of this.table.listEntities<{ by: string; at: string }>({ queryOptions: { filter: odata`PartitionKey eq ${holdPartition}` } })) {
      found.set(listedId(e.rowKey), { by: e.by, at: e.at });
    }
    return found;
  }

  async hold(id: string, by: string, at: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: holdPartition, rowKey: listedRow(id), by, at }, 'Replace');
  }

  async releaseHold(id: string): Promise<void> {
    await unlessMissing(this.table.deleteEntity(holdPartition, listedRow(id)));
  }
}
