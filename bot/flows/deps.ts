import type { FileHosts } from '../config';
import type { NudgeLedger } from '../store/nudges';
import type { DutySettings } from '../domain/duties';
import type { Locale } from '../domain/locale';
import type { ResponsibleShown } from '../domain/register';
import type { Mailer } from '../graph/mail';
import type { Log } from '../log';
import type { ArchiveStore } from '../store/archive';
import type { Exports } from '../store/exports';
import type { HeldUploads } from '../store/heldUploads';
import type { AssignmentStore } from '../store/assignments';
import type { AuditRecords } from '../store/auditRecords';
import type { ConversationReferences } from '../store/conversations';
import type { DirectoryStore } from '../store/directory';
import type { Outbox } from '../store/outbox';
import type { RegisterStore } from '../store/register';
import type { ReportStore } from '../store/reports';
import type { FigureStore } from '../store/figures';
import type { Command } from '../domain/assignment';
import type { Outcome, RunOptions } from './commands/runner';
import type { Messenger } from './messenger';

/**
 * Everything the flows may use, built once in app.ts. Each handler module takes only the part it
 * reads (a `Pick` of this), so what a flow depends on is visible at its top.
 */
export interface FlowDeps {
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly log: Log;
  /** Carries out a command on an assignment: the one way an assignment changes (commands/runner.ts). */
  readonly run: (command: Command, options: RunOptions) => Promise<Outcome>;
  readonly assignments: AssignmentStore;
  readonly audit: AuditRecords;
  readonly outbox: Outbox;
  readonly register: RegisterStore;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly messenger: Messenger;
  readonly reports: ReportStore;
  /** R16: the overview's figures per department and week, as counted. */
  readonly figures: FigureStore;
  readonly archive: ArchiveStore;
  /** Files made for one person to download, by short-lived links. */
  readonly exports: Exports;
  /** R15: a snapshot sent by an owner of several accounts, until they choose which account it is for. */
  readonly heldUploads: HeldUploads;
  readonly platforms: readonly string[];
  readonly platformHosts: Readonly<Record<string, readonly string[]>>;
  /** R7: the municipality's own web, where a plan's source page must be. */
  readonly sourceHosts: readonly string[];
  /** R6: the municipality's template for communication planning (KANALKOLL_PLANNING_TEMPLATE_URL). */
  readonly planningTemplateUrl?: string;
  readonly forcedLocale?: Locale;
  readonly dutySettings: DutySettings;
  /** Which nudge went out on which card (a task on a card draws the card again). */
  readonly ledger: NudgeLedger;
  readonly registrarAadObjectId?: string;
  /** R13: where factual criticism also goes by mail, and how (absent: Teams only). */
  readonly registry?: { readonly mailbox: string; readonly mailer: Mailer };
  /** R21: where bullying reported by someone with no manager goes by mail, and how (absent: to the communications chief in Teams). */
  readonly hr?: { readonly mailbox: string; readonly mailer: Mailer };
  readonly archiveAadObjectId?: string;
  readonly maxBytes: number;
  /** Where a file attached in the chat may be downloaded from: Teams' file hosts only. */
  readonly fileHosts: FileHosts;
  readonly publicBaseUrl: string;
  readonly registerResponsible: ResponsibleShown;
}
