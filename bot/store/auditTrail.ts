import { RestError } from '@azure/storage-blob';
import type { AuditEvent } from '../domain/audit';
import type { Blobs } from './blobs';
import { encodeKey } from './repository';

/** The container of write-once audit blobs; in Azure it has a time-based immutability (WORM) policy (infra/main.bicep). */
export const auditTrailContainer = 'audit-trail';

const line = (event: AuditEvent) => `${JSON.stringify(event)}\n`;
const key = (event: Pick<AuditEvent, 'revision' | 'type'>) => `${event.revision}|${event.type}`;

/**
 * The audit that cannot be altered (R4): besides the table rows, every decision is appended to an
 * append blob per assignment (one JSON line each) in a container whose immutability policy lets
 * blocks be appended but never changed or deleted. Appending twice (an effect run again) adds nothing:
 * what is there is read first, and the append is conditional on the length read, so two runners
 * at once cannot both add the same lines (the loser's 412 fails its effect, which runs again).
 */
export class AuditTrail {
  constructor(private readonly blobs: Blobs) {}

  async append(assignmentId: string, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const blob = (await this.blobs.container(auditTrailContainer)).getAppendBlobClient(`${encodeKey(assignmentId)}.jsonl`);
    await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
    const { contentLength = 0 } = await blob.getProperties();
    const there = new Set(contentLength > 0 ? (await blob.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean).map((l) => key(JSON.parse(l) as AuditEvent)) : []);
    const missing = events.filter((e) => !there.has(key(e)));
    if (missing.length === 0) return;
    const body = Buffer.from(missing.map(line).join(''), 'utf8');
    await blob.appendBlock(body, body.length, { conditions: { appendPosition: contentLength } });
  }

  /** The assignment's sealed audit, in the order appended; empty if nothing was sealed yet. */
  async read(assignmentId: string): Promise<AuditEvent[]> {
    const blob = this.blobs.existing(auditTrailContainer).getAppendBlobClient(`${encodeKey(assignmentId)}.jsonl`);
    try {
      return (await blob.downloadToBuffer()).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEvent);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return [];
      throw error;
    }
  }
}
