import { RestError } from '@azure/data-tables';
import { ETagConflict } from '../errors';

/**
 * The one place that reads storage status codes. Every store maps them here: 404 is "not there",
 * 409 and 412 are a lost race (created by someone else, or changed since it was read).
 */
const statusOf = (error: unknown): number | undefined => (error instanceof RestError ? error.statusCode : undefined);

/** The call's result, or undefined when the entity is not there (404). */
export async function unlessMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** The call's result; a lost race (409, 412) becomes an ETagConflict naming what was raced for. */
export async function orConflict<T>(call: Promise<T>, table: string, key: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 412) throw new ETagConflict(table, key, { cause: error });
    throw error;
  }
}

/** True if the call created the entity, false if it was there already (409): for write-once records. */
export async function createdOnce(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (error) {
    if (statusOf(error) === 409) return false;
    throw error;
  }
}

/**
 * True if a write-once upload (`If-None-Match: *`) created the blob, false if one was there already:
 * 409 BlobAlreadyExists (412 where a service answers the failed condition that way).
 */
export async function uploadedOnce(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 412) return false;
    throw error;
  }
}
