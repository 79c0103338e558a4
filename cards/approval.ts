import type { Verb } from './verbs';
import template from './approval.json';
import type { Choice } from './plan';
import { expand } from './template';

/**
 * A plan as its approvers, and its applicant, see it. The decision inputs and buttons are there
 * only in the card made for the approver whose turn it is (and in what `refresh` gives them).
 */
export interface ApprovalCardData {
  readonly heading: string;
  readonly title: string;
  readonly status: string;
  readonly statusStyle: 'good' | 'warning' | 'attention' | 'emphasis' | 'accent';
  readonly notice?: string;
  /** Good for what was done, Attention for what was refused. */
  readonly noticeColor?: 'Good' | 'Attention';
  readonly assignmentId: string;
  readonly version: number;
  /** The step the plan waits on ('' when none): a decision from this card counts for that step only. */
  readonly step: string;
  /** Teams user ids whose client asks for a fresh, personal copy of the card when they see it. */
  readonly refreshUserIds: readonly string[];
  readonly facts: readonly Choice[];
  /** What changed since the previous version, on a resubmitted plan. */
  readonly changes: readonly Choice[];
  readonly details: readonly { readonly title: string; readonly facts: readonly Choice[] }[];
  readonly history: readonly { readonly text: string }[];
  readonly labels: { readonly showPlan: string; readonly history: string; readonly changes: string; readonly refresh: string };
  /** Present for those who may close an active account: its owner, their chief, the communicator (R11). */
  readonly closeLabel?: string;
  /**
   * Someone to pick with a people picker (input `person`): who decides the chief step instead, for the
   * department communicator (R1); a new owner once the owner left, for their chief, the communicator
   * and the communications chief.
   */
  /**
   * A people picker and its button: a new owner from anyone (Graph's users), or who decides in the
   * chief's place from the chiefs Kanalkoll offers (`dataset`, a Data.Query dataset the bot answers).
   */
  readonly assign?: {
    readonly intro: string;
    readonly label: string;
    readonly button: string;
    readonly verb: Extract<Verb, 'approval.assign' | 'approval.appoint'>;
    readonly dataset: string;
    readonly error?: string;
  };
  /** For the applicant while nobody has decided on the plan: take it back. */
  readonly withdrawLabel?: string;
  /** R6: for the owner and their chief of an active assignment: change the approved plan (verb `plan.change`). */
  readonly planChangeLabel?: string;
  /** For the applicant once the plan can be changed again (taken back, or changes asked for). */
  readonly editLabel?: string;
  /** For the chief whose turn it is: correct the plan before approving it (R1). */
  readonly correctLabel?: string;
  readonly decide?: {
    readonly commentLabel: string;
    readonly commentHint: string;
    readonly error?: string;
    readonly approve: string;
    readonly requestChanges: string;
    readonly reject: string;
  };
}

export const approvalCard = (data: ApprovalCardData) => expand(template, data);
