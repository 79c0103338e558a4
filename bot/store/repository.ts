import { RestError, type TableClient } from '@azure/data-tables';
import { ETagConflict } from '../errors';

export interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface EntityKey {
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** How a value maps to a table entity: its key, and a decoder that checks what comes back. */
export interface EntityCodec<T> {
  key(value: T): EntityKey;
  decode(json: unknown): T;
}

/** Table keys may not hold / \ # ? or control characters; this keeps any id usable as a key. */
export const encodeKey = (id: string): string => encodeURIComponent(id);

/**
 * A small repository over one table. Values are stored as JSON in one column, so a value's
 * shape can grow without a migration; optimistic concurrency uses the entity's ETag.
 */
export class TableRepository<T> {
  constructor(
    private readonly table: TableClient,
    private readonly codec: EntityCodec<T>,
  ) {}

  async get(key: EntityKey): Promise<Stored<T> | undefined> {
    try {
      const entity = await this.table.getEntity<{ json: string }>(key.partitionKey, key.rowKey);
      return { value: this.codec.decode(JSON.parse(entity.json)), etag: entity.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /**
   * Creates the entity when `etag` is undefined, otherwise replaces it only if it still has
   * that ETag. Either way a lost race becomes an ETagConflict. Returns the new ETag.
   */
  async save(value: T, etag: string | undefined): Promise<string> {
    const entity = { ...this.codec.key(value), json: JSON.stringify(value) };
    try {
      const response =
        etag === undefined
          ? await this.table.createEntity(entity)
          : await this.table.updateEntity(entity, 'Replace', { etag });
      return response.etag ?? '';
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) {
        throw new ETagConflict(this.table.tableName, `${entity.partitionKey}/${entity.rowKey}`, { cause: error });
      }
      throw error;
    }
  }

  /** Last write wins: for facts that are simply refreshed, such as where to reach a user. */
  async upsert(value: T): Promise<string> {
    const response = await this.table.upsertEntity({ ...this.codec.key(value), json: JSON.stringify(value) }, 'Replace');
    return response.etag ?? '';
  }
}
