import { odata, type TableClient } from '@azure/data-tables';
import { ETagConflict } from '../errors';
import { orConflict, unlessMissing } from './statuses';
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

  /**
   * Puts the assignment in the register as its state says (a closed account stays, marked closed:
   * R3); never back to an older state than the row shows (two runs of the outbox may race).
   */
  async sync(state: Assignment): Promise<void> {
    const record = registerRecord(state);
    const key = { partitionKey: 'accounts', rowKey: encodeKey(state.id) };
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await unlessMissing(this.table.getEntity<Record<string, unknown>>(key.partitionKey, key.rowKey));
      if (row && Number(row.revision ?? 0) >= state.revision) return;
      // Never listed, and never to be: nothing to write. A closed account leaves a tombstone.
      if (!record && !row && state.status !== 'closed') return;
      const entity = record ? { ...key, revision: state.revision, ...toColumns(record) } : { ...key, revision: state.revision, removed: true };
      const write = row ? this.table.updateEntity(entity, 'Replace', { etag: row.etag }) : this.table.createEntity(entity);
      try {
        await orConflict(write, 'register', state.id);
        return;
      } catch (error) {
        // Another run wrote meanwhile: read again, and write only if this state is still newer.
        if (!(error instanceof ETagConflict)) throw error;
      }
    }
  }

  async all(): Promise<RegisterRecord[]> {
    const records: RegisterRecord[] = [];
    const filter = odata`PartitionKey eq ${'accounts'}`;
    for await (const entity of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      if (entity.removed !== true) records.push(fromColumns(entity) as RegisterRecord);
    }
    return records;
  }
}
