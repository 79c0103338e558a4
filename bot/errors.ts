/**
 * The one catalogue of Kanalkoll's coded errors. Callers branch on `code`,
 * never on messages or HTTP status codes leaking from an SDK.
 */
export type ErrorCode = 'config_invalid' | 'etag_conflict' | 'storage_unavailable' | 'record_differs' | 'still_starting';

export class KanalkollError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A setting is missing or malformed; the message names each one and how to fix it. */
export class ConfigError extends KanalkollError {
  constructor(readonly problems: readonly string[]) {
    super('config_invalid', `Kanalkoll cannot start, fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Someone else saved the entity since it was read (HTTP 412), or it already exists (409 on create). */
export class ETagConflict extends KanalkollError {
  constructor(
    readonly table: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super('etag_conflict', `${table}/${key} was changed by someone else`, options);
  }
}

/** Storage did not answer: the caller may tell the user to try again shortly. */
export class StorageUnavailable extends KanalkollError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage_unavailable', message, options);
  }
}

/**
 * A write-once record (R4: the archive container) is stored already with other content. The stored
 * one stays as it is; nothing was written over it.
 */
export class RecordDiffers extends KanalkollError {
  constructor(
    readonly container: string,
    readonly names: readonly string[],
  ) {
    super('record_differs', `${container}/${names.join(', ')} is stored already with other content, and kept as it is`);
  }
}

/**
 * A turn came before the directory is in place (the first sync not yet stored and followed up):
 * answered "Kanalkoll startar", never with a refusal made from an empty directory.
 */
export class StillStarting extends KanalkollError {
  constructor() {
    super('still_starting', 'the directory is not in place yet: the first directory sync has not been stored and followed up');
  }
}
