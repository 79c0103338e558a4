import { odata, RestError, type TableClient } from '@azure/data-tables';
import { encodeKey } from './repository';
import type { Tables } from './tables';

/** One decision on an assignment, as the audit log keeps it (R4). */
export interface AuditEvent {
  readonly assignmentId: string;
  /** The assignment's revision the event produced: orders the log and makes appends idempotent. */
  readonly revision: number;
  readonly type: string;
  readonly actorAadObjectId: string;
  readonly actorName: string;
  /** In which role the actor decided; 'owner' covers whoever closes or changes an active account. */
  readonly role: 'applicant' | 'owner' | 'chief' | 'communicator' | 'commschief' | 'reporter';
  readonly at: string;
  readonly version: number;
  readonly comment?: string;
}

/**
 * The append-only audit log (R4): events are only ever created, never updated or deleted.
 * Partition: the assignment; row: its revision, so the log reads in order.
 */
export class AuditLog {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('audit');
  }

  /** Records the event; recording the same revision again (a retry) leaves the first record. */
  async append(event: AuditEvent): Promise<void> {
    try {
      await this.table.createEntity({
        partitionKey: encodeKey(event.assignmentId),
        rowKey: String(event.revision).padStart(8, '0'),
        ...event,
      });
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return;
      throw error;
    }
  }

  async history(assignmentId: string): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    const query = this.table.listEntities<AuditEvent>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(assignmentId)}` },
    });
    for await (const entity of query) {
      events.push({
        assignmentId: entity.assignmentId,
        revision: entity.revision,
        type: entity.type,
        actorAadObjectId: entity.actorAadObjectId,
        actorName: entity.actorName,
        role: entity.role,
        at: entity.at,
        version: entity.version,
        ...(entity.comment === undefined ? {} : { comment: entity.comment }),
      });
    }
    return events;
  }
}
