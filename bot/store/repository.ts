import { odata, type TableClient } from '@azure/data-tables';
import { orConflict, unlessMissing } from './statuses';

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

/**
 * Table keys may not hold / \ # ? or control characters; this keeps any id usable as a key. A lone
 * surrogate (no id Kanalkoll or Teams makes has one) becomes U+FFFD rather than an URIError.
 */
export const encodeKey = (id: string): string => encodeURIComponent(id.toWellFormed());

/** A filter for the rows of a partition whose key starts with `prefix` (ending in '_', whose successor is '`'). */
export const rowsStartingWith = (partitionKey: string, prefix: string): string =>
  odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${`${prefix.slice(0, -1)}\``}`;

// A string property holds at most 64 KiB (32K UTF-16 characters); longer JSON spans json, json1, json2…
const chunkLength = 30_000;

/** The value as table properties: its JSON, split over as many properties as it needs. */
export function toColumns(value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const columns: Record<string, string> = {};
  for (let i = 0; i * chunkLength < json.length || i === 0; i++) {
    columns[i === 0 ? 'json' : `json${i}`] = json.slice(i * chunkLength, (i + 1) * chunkLength);
  }
  return columns;
}

/** The value back from its properties, as toColumns wrote them. */
export function fromColumns(entity: Record<string, unknown>): unknown {
  let json = String(entity.json ?? '');
  for (let i = 1; typeof entity[`json${i}`] === 'string'; i++) json += entity[`json${i}`] as string;
  return JSON.parse(json);
}

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
    const entity = await unlessMissing(this.table.getEntity<Record<string, unknown>>(key.partitionKey, key.rowKey));
    return entity && { value: this.codec.decode(fromColumns(entity)), etag: entity.etag };
  }

  /**
   * Creates the entity when `etag` is undefined, otherwise replaces it only if it still has
   * that ETag. Either way a lost race becomes an ETagConflict. Returns the new ETag.
   */
  async save(value: T, etag: string | undefined): Promise<string> {
    const entity = this.entity(value);
    const write = etag === undefined ? this.table.createEntity(entity) : this.table.updateEntity(entity, 'Replace', { etag });
    const response = await orConflict(write, this.table.tableName, `${entity.partitionKey}/${entity.rowKey}`);
    return response.etag ?? '';
  }

  /** Last write wins: for facts that are simply refreshed, such as where to reach a user. */
  async upsert(value: T): Promise<string> {
    const response = await this.table.upsertEntity(this.entity(value), 'Replace');
    return response.etag ?? '';
  }

  /** The table entity for a value: its key and its JSON columns. */
  entity(value: T): EntityKey & Record<string, string> {
    return { ...this.codec.key(value), ...toColumns(value) };
  }
}
