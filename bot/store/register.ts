import { odata, type TableClient } from '@azure/data-tables';
import { unlessMissing } from './statuses';
import { registerRecord, type RegisterRecord } from '../domain/register';
import type { Assignment } from '../domain/assignment';
import { encodeKey, fromColumns, toColumns } from './repository';
import type { Tables } from './tables';

/**
 * The register as a read model: one row per active official account, kept in step with the
 * assignments on every change, so the public pages read one partition and never the assignments.
 */
export class RegisterStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('register');
  }

  /** Puts the assignment in the register, or takes it out, as its state says. */
  async sync(state: Assignment): Promise<void> {
    const record = registerRecord(state);
    const key = { partitionKey: 'accounts', rowKey: encodeKey(state.id) };
    if (record) {
      await this.table.upsertEntity({ ...key, ...toColumns(record) }, 'Replace');
      return;
    }
    await unlessMissing(this.table.deleteEntity(key.partitionKey, key.rowKey));
  }

  async all(): Promise<RegisterRecord[]> {
    const records: RegisterRecord[] = [];
    const filter = odata`PartitionKey eq ${'accounts'}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      records.push(fromColumns(entity) as RegisterRecord);
    }
    return records;
  }
}
