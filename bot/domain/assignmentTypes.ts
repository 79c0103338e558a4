import type { ActivityPlan, PlanDraft, StepName } from './activityPlan';
import type { FieldChange } from './planDiff';

/**
 * The assignment's state and the types every part of its state machine shares (the approval, the
 * account, the duties, the routing): kept apart from the machine (assignment.ts, which re-exports
 * them), so each part imports them without importing the machine that imports it.
 */

export interface PersonRef {
  readonly aadObjectId: string;
  readonly name: string;
}

interface Common {
  readonly id: string;
  readonly applicant: PersonRef;
  readonly createdAt: string;
  /** The change counter: counts every change; a card carries the revision it was made from, so an old card is recognised. */
  readonly revision: number;
  /** The answers being edited: the questionnaire's state. */
  readonly draft: PlanDraft;
  /** Where the questionnaire stands: the step shown on resume, or 'review'. */
  readonly step: StepName | 'review';
  /** A step opened from the review ("Ändra"): "Fortsätt" and "Tillbaka" lead back to the review. */
  readonly fromReview?: boolean;
  /** The plan's version: the last submitted one (1, 2, …); 0 before the first submit. Not the change counter (`revision`). */
  readonly planVersion: number;
  /** The plan as last submitted (frozen as that version): what approvers decide on. */
  readonly plan?: ActivityPlan;
  /** R1: when the applicant asked their chief to fill in the plan with them (together.ts). */
  readonly chiefAskedAt?: string;
  /** R1: the fields the chief changed in the draft since the plan was last sent, and who they were: the review shows them. */
  readonly chiefChanges?: { readonly by: PersonRef; readonly at: string; readonly fields: readonly ChangedField[] };
}

/** A field of the plan that was changed, without its values (planDiff.ts). */
export type ChangedField = Pick<FieldChange, 'step' | 'field'>;

interface Submitted {
  readonly plan: ActivityPlan;
  readonly submittedAt: string;
  /** When the plan reached the step it waits on (R1: approvers are reminded after 2 working days). */
  readonly waitingSince?: string;
  /** R1: whom the department communicator named to decide the chief step (no manager, or the manager away). */
  readonly assignedApprover?: PersonRef;
}

/** A decision an approver left with a comment: asked for changes, or rejected. */
interface Commented {
  readonly decidedBy: PersonRef;
  readonly decidedAt: string;
  readonly comment: string;
}

/** The steps of approving a plan (R1): the chief, the department communicator, the communications chief (approval.ts). */
export type ApprovalStep = 'chief' | 'communicator' | 'commschief';

/**
 * R6: a change of an approved plan (planChange.ts). While it is edited, the questionnaire's state
 * (`draft`, `step`) holds it; the assignment keeps running under `plan`, the version in force.
 */
export interface PlanChange {
  /** Who started it: the owner or their chief. */
  readonly by: PersonRef;
  readonly startedAt: string;
  /** Sent for approval: the new version, frozen, and the step it waits on. */
  readonly sent?: {
    readonly version: number;
    readonly plan: ActivityPlan;
    readonly at: string;
    readonly by: PersonRef;
    /** `chief`: the chief alone decides; `anchored`: what the register shows changes, so the communicator and the communications chief anchor it too (R1, R3). */
    readonly route: 'chief' | 'anchored';
    readonly waitingOn: ApprovalStep;
  };
  /** An approver asked for changes to the version sent: it is edited again. */
  readonly requested?: { readonly by: PersonRef; readonly at: string; readonly comment: string; readonly version: number };
}

export type Assignment =
  | (Common & { readonly status: 'draft' })
  | (Common & Submitted & { readonly status: 'awaiting_chief' | 'awaiting_communicator' | 'awaiting_comms_chief' })
  | (Common & Submitted & Commented & { readonly status: 'changes_requested' })
  | (Common & Submitted & Commented & { readonly status: 'rejected' })
  | (Common &
      Submitted & {
        readonly status: 'active';
        readonly activatedAt: string;
        readonly pendingOwner?: PendingOwner;
        readonly dutyLog?: DutyLog;
        /** A change of the plan in progress (R6): `plan` and `planVersion` stay the version in force until it is approved. */
        readonly change?: PlanChange;
        /** The latest version sent, when above the one in force (a change waiting, refused or withdrawn): the next is numbered after it. */
        readonly latestVersion?: number;
      })
  | (Common & Submitted & { readonly status: 'closed'; readonly activatedAt: string; readonly closedAt: string; readonly dutyLog?: DutyLog; readonly finalSnapshot?: FinalSnapshot })
  | (Common & { readonly status: 'cancelled'; readonly cancelledAt: string });

export type AssignmentStatus = Assignment['status'];

/** What the owner has done about the account's duties (see duties.ts): the engine reads it. */
export interface DutyLog {
  /** `duty|period` → when it was completed. */
  readonly done?: Readonly<Record<string, string>>;
  /**
   * R11: when the account was last known to be updated: the day of its latest post, as the owner
   * gave it (a date), or, before the date was asked for, when the owner confirmed it was in use.
   */
  readonly lastActivityAt?: string;
  /** When the administration last changed (R10: coverage is counted from then). */
  readonly adminsChangedAt?: string;
  /** Periods away, with or without a substitute (R14). */
  readonly absences?: readonly Absence[];
  /** `duty|period` → what showed it done: the snapshot, the archive's reference, the evaluation. */
  readonly evidence?: Readonly<Record<string, DutyEvidence>>;
  /** The activity check waits until this date (a break, R11). */
  readonly pausedUntil?: string;
  /** The owner left the organisation (Entra ID): a new owner is to be named (see routing.ts). */
  readonly ownerLeftAt?: string;
  /** `duty|period` → snoozed until, and how many times. */
  readonly snoozes?: Readonly<Record<string, { readonly until: string; readonly count: number }>>;
  /** The forms of the latest removals recorded (R14), so a form sent twice records once. */
  readonly removalForms?: readonly string[];
  /** "Påminn nu": `duty|period` → the Stockholm day the owner was last sent the duty's card again (once a day). */
  readonly reminded?: Readonly<Record<string, string>>;
}

export interface Absence {
  readonly from: string;
  readonly to: string;
  readonly substitute?: string;
  readonly substituteAadObjectId?: string;
}

/** A new owner the current one proposed; the chief decides, through the approval card. */
export interface PendingOwner {
  readonly person: PersonRef;
  readonly proposedAt: string;
}

export interface CommandMeta {
  readonly actor: PersonRef;
  readonly now: string;
}

/** Commands that change the questionnaire carry the revision of the card they came from. */
export interface OnRevision extends CommandMeta {
  readonly revision: number;
  /**
   * Whoever decides the chief step in the directory now (R1), never from a card: may fill in a draft with
   * the applicant once asked (together.ts), and change an approved plan with its owner (planChange.ts).
   */
  readonly chief?: string;
}

/** The last snapshot of the start page an account closes with (R15): see account.ts. */
export type FinalSnapshot = { readonly kind: 'uploaded'; readonly period: string } | { readonly kind: 'reference'; readonly reference: string };

/**
 * What the owner decided in an evaluation (R6): go on as now, change the goals, extend a time-limited
 * activity, or close the account. A change or an extension is a change of the plan, made apart.
 */
export type EvaluationDecision = 'continue' | 'change' | 'extend' | 'close';

/** What an evaluation covers (R6): a time-limited activity its own period, a yearly one its year (dates, both days included). */
export interface EvaluatedPeriod {
  readonly kind: 'activity' | 'year';
  readonly from: string;
  readonly to: string;
}

/** What shows a duty done (see dutyCommands.ts). */
export interface EvaluationReport {
  /** Per goal of the approved plan, whether it was met, and the figure reached where the goal names one. */
  readonly goals: readonly { readonly goal: string; readonly met: 'yes' | 'partly' | 'no'; readonly figure?: number }[];
  /** The period evaluated; absent in reports written before it was kept. */
  readonly covers?: EvaluatedPeriod;
  readonly followers: number;
  readonly posts: number;
  readonly answeredWithin48h: 'always' | 'mostly' | 'seldom';
  readonly incidents: number;
  readonly change: string;
  readonly decision: EvaluationDecision;
}

export type DutyEvidence =
  /** The start page as a PDF, kept in the archive container (R15). */
  | { readonly kind: 'snapshot'; readonly blobName: string; readonly fileName: string; readonly size: number; readonly sha256: string }
  /** Sent to the municipal archive another way; their reference. */
  | { readonly kind: 'sentToArchive'; readonly reference: string }
  | { readonly kind: 'evaluation'; readonly report: EvaluationReport }
  | { readonly kind: 'confirmed' }
  /** R11: the day of the account's latest post, as the owner gave it. */
  | { readonly kind: 'lastPost'; readonly date: string };
