import { odata, type TableClient } from '@azure/data-tables';
import type { AuditRecord } from '../domain/auditRecord';
import { assignmentRows, revisionKey } from './assignmentLayout';
import { encodeKey } from './repository';
import { createdOnce } from './statuses';
import type { SealedAudit } from './sealedAudit';
import type { Tables } from './tables';

export type { AuditRecord } from '../domain/auditRecord';

/**
 * The audit records (R4), kept in tables: only ever created, never updated or deleted. An
 * assignment's decisions are rows of its own partition (`audit_<revision>_<n>`), created in the
 * same transaction as the change they record (AssignmentStore.commit). Reports, which are not
 * assignments, keep theirs in the `audit` table.
 */
export class AuditRecords {
  private readonly assignments: TableClient;
  /** The `audit` table: reports' filings, and assignments' decisions from before they moved. */
  private readonly auditTable: TableClient;

  constructor(
    tables: Tables,
    /** The write-once audit (R4), for the decisions here that are public records; absent in tests that do not look. */
    private readonly trail?: Pick<SealedAudit, 'append'>,
  ) {
    this.assignments = tables.client('assignments');
    this.auditTable = tables.client('audit');
  }

  /**
   * Records a decision that is not a command on an assignment (a report filed, a diary number given, a
   * hold); recording it again (a retry) leaves the first record. `sealed`: a public record, appended to
   * the write-once audit too; otherwise it may be anonymised when its report goes (GDPR).
   */
  async appendReport(event: AuditRecord, options: { readonly sealed?: boolean } = {}): Promise<void> {
    await createdOnce(this.auditTable.createEntity({ partitionKey: encodeKey(event.assignmentId), rowKey: revisionKey(event.revision), ...event }));
    if (options.sealed && this.trail) await this.trail.append(event.assignmentId, [event]);
  }

  /**
   * R4, GDPR: a report disposed of under a gallring decision stays on record as filed, without who
   * filed it, and with the decision it went by (`comment`): the one exception to "never updated", as
   * that row alone would tell who reported bullying.
   */
  async anonymiseReport(reportId: string, comment: string): Promise<void> {
    for await (const entity of this.auditTable.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(`report_${reportId}`)}` } })) {
      await this.auditTable.updateEntity({ partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '', actorAadObjectId: '', actorName: '', comment }, 'Merge');
    }
  }

  /**
   * The assignment's decisions, in the order they were made. Decisions recorded before audit rows moved
   * into the assignment's partition are still in the `audit` table (partition: the assignment), and read from there.
   */
  async history(assignmentId: string): Promise<AuditRecord[]> {
    const [earlier, events] = await Promise.all([
      this.read(this.auditTable, odata`PartitionKey eq ${encodeKey(assignmentId)}`),
      this.read(this.assignments, assignmentRows(assignmentId, 'audit')),
    ]);
    return [...earlier, ...events].sort((a, b) => a.revision - b.revision);
  }

  private async read(table: TableClient, filter: string): Promise<AuditRecord[]> {
    const events: AuditRecord[] = [];
    for await (const entity of table.listEntities<AuditRecord>({ queryOptions: { filter } })) {
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
        ...(entity.subject === undefined ? {} : { subject: entity.subject }),
        ...(entity.removedOn === undefined ? {} : { removedOn: entity.removedOn }),
        ...(entity.ground === undefined ? {} : { ground: entity.ground }),
        ...(entity.changed === undefined ? {} : { changed: entity.changed }),
      });
    }
    return events;
  }
}
