import type { TableClient } from '@azure/data-tables';
import type { AuditEvent } from '../domain/audit';
import { partition, rowsStartingWith } from './assignments';
import { encodeKey } from './repository';
import { createdOnce } from './statuses';
import type { Tables } from './tables';

export type { AuditEvent } from '../domain/audit';

/**
 * The append-only audit log (R4): records are only ever created, never updated or deleted. An
 * assignment's decisions are rows of its own partition (`audit_<revision>_<n>`), created in the
 * same transaction as the change they record (AssignmentStore.commit). Reports, which are not
 * assignments, keep theirs in the `audit` table.
 */
export class AuditLog {
  private readonly assignments: TableClient;
  private readonly reports: TableClient;

  constructor(tables: Tables) {
    this.assignments = tables.client('assignments');
    this.reports = tables.client('audit');
  }

  /** Records the filing of a report; recording it again (a retry) leaves the first record. */
  async appendReport(event: AuditEvent): Promise<void> {
    await createdOnce(this.reports.createEntity({ partitionKey: encodeKey(event.assignmentId), rowKey: String(event.revision).padStart(8, '0'), ...event }));
  }

  /** The assignment's decisions, in the order they were made. */
  async history(assignmentId: string): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    const query = this.assignments.listEntities<AuditEvent>({ queryOptions: { filter: rowsStartingWith(partition(assignmentId), 'audit_') } });
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
