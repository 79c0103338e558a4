import type { PlanKind, StepName } from '../bot/domain/activityPlan';
import administration from './planAdministration.json';
import channel from './planChannel.json';
import commitments from './planCommitments.json';
import list from './planList.json';
import purpose from './planPurpose.json';
import review from './planReview.json';
import status from './planStatus.json';
import { expand } from './template';
import type { Verb } from './verbs';
import who from './planWho.json';

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export type NoticeStyle = 'good' | 'warning' | 'attention';

interface Notice {
  readonly notice?: string;
  readonly noticeStyle?: NoticeStyle;
}

/** One step of the questionnaire: labels (t), values (v), server errors (e) and client hints. */
export interface PlanStepCardData extends Notice {
  readonly heading: string;
  readonly stepLabel: string;
  readonly title: string;
  readonly intro: string;
  readonly draftId: string;
  readonly revision: number;
  readonly step: StepName;
  readonly kind: PlanKind;
  readonly t: Readonly<Record<string, string>>;
  readonly v: Readonly<Record<string, string>>;
  readonly e: Readonly<Record<string, string>>;
  /** The people pickers' chosen people (a picker shows a chosen person only as one of its choices): never a list to pick from. */
  readonly p: Readonly<Record<string, readonly Choice[]>>;
  readonly departments: readonly Choice[];
  /** R1: who the plan goes to (the applicant's manager, from the directory), or that there is nobody. */
  readonly chief: { readonly text: string; readonly missing: boolean };
  readonly platforms: readonly Choice[];
  readonly actions: { readonly back?: string; readonly save: string; readonly next: string };
  /** R6: the municipality's template for communication planning, opened from the purpose step. */
  readonly template?: { readonly title: string; readonly url: string };
}

export interface PlanReviewCardData extends Notice {
  readonly heading: string;
  readonly title: string;
  readonly intro: string;
  readonly draftId: string;
  readonly revision: number;
  readonly sections: readonly {
    readonly title: string;
    readonly step: StepName;
    /** Absent where the step cannot be changed (who a change of an approved plan is for, R6). */
    readonly editLabel?: string;
    readonly facts: readonly Choice[];
  }[];
  /**
   * The applicant's buttons (and asking their chief to fill in with them); the chief's, correcting the
   * plan before deciding: approve it corrected, or go back to the decision (R1).
   */
  readonly actions: { readonly back?: string; readonly ask?: string; readonly cancel?: string; readonly submit?: string; readonly toDecision?: string; readonly approveCorrected?: string };
}

/** Where a plan stands when there is nothing to fill in: sent, cancelled, not found. */
export interface PlanStatusCardData extends Notice {
  readonly heading: string;
  readonly title: string;
  readonly paragraphs: readonly { readonly text: string }[];
  readonly facts: readonly Choice[];
  readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
}

export interface PlanListCardData extends Notice {
  readonly title: string;
  readonly empty: string;
  readonly newPlan: string;
  readonly items: readonly {
    readonly title: string;
    readonly subtitle: string;
    readonly draftId: string;
    readonly revision: number;
    readonly openLabel: string;
    /** Go on filling in an editable plan, or see a sent one with its history. */
    readonly openVerb: 'plan.resume' | 'plan.history';
    readonly cancelLabel?: string;
  }[];
}

const steps: Record<StepName, object> = { who, channel, purpose, administration, commitments };

export const planStepCard = (data: PlanStepCardData) => expand(steps[data.step], data);
export const planReviewCard = (data: PlanReviewCardData) => expand(review, data);
export const planStatusCard = (data: PlanStatusCardData) => expand(status, data);
export const planListCard = (data: PlanListCardData) => expand(list, data);
