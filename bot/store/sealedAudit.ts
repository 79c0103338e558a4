import { RestError } from '@azure/storage-blob';
import type { AuditRecord } from '../domain/auditRecord';
import type { Blobs } from './blobs';
import { encodeKey } from './repository';

/** The container of write-once audit blobs; in Azure it has a time-based immutability (WORM) policy (infra/main.bicep). */
export const auditTrailContainer = 'audit-trail';

const line = (event: AuditRecord) => `${JSON.stringify(event)}\n`;
const key = (event: Pick<AuditRecord, 'revision' | 'type'>) => `${event.revision}|${event.type}`;

/**
 * The sealed audit, which cannot be altered (R4): besides the audit records in tables, every decision is appended to an
 * append blob per assignment (one JSON line each) in a container whose immutability policy lets
 * blocks be appended but never changed or deleted. Appending twice (an effect run again) adds nothing:
 * what is there is read first, and the append is conditional on the length read, so two runners
 * at once cannot both add the same lines (the loser's 412 fails its effect, which runs again).
 */
export class SealedAudit {
  constructor(private readonly blobs: Blobs) {}

  async append(assignmentId: string, events: readonly AuditRecord[]): Promise<void> {
    if (events.length === 0) return;
    const blob = (await this.blobs.container(auditTrailContainer)).getAppendBlobClient(`${encodeKey(assignmentId)}.jsonl`);
    await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
    const { contentLength = 0 } = await blob.getProperties();
    const there = new Set(contentLength > 0 ? (await blob.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean).map((l) => key(JSON.parse(l) as AuditRecord)) : []);
    const missing = events.filter((e) => !there.has(key(e)));
    if (missing.length === 0) return;
    const body = Buffer.from(missing.map(line).join(''), 'utf8');
    await blob.appendBlock(body, body.length, { conditions: { appendPosition: contentLength } });
  }

  /** The assignment's sealed audit, in the order appended; empty if nothing was sealed yet. */
  async read(assignmentId: string): Promise<AuditRecord[]> {
    const blob = this.blobs.existing(auditTrailContainer).getAppendBlobClient(`${encodeKey(assignmentId)}.jsonl`);
    try {
      return (await blob.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return [];
      throw error;
    }
  }
}
