import { stepNames, type PlanDraft, type StepName } from './activityPlan';

/**
 * What differs between two versions of an activity plan, field by field (R6: the plan is the living
 * description of an assignment; whoever decides on a change sees what changed against the version in
 * force, and the applicant sees what their chief changed). Works on drafts and complete plans alike.
 */
export interface FieldChange {
  readonly step: StepName | 'kind';
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields the directory sets, not the person filling in: never shown as a change someone made. */
const recordedByKanalkoll = new Set(['chiefAadObjectId', 'directoryDepartmentId']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const fieldsOf = (answers: unknown): Readonly<Record<string, unknown>> => (typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>) : {});

/** Every field whose value differs, in the order of the steps; empty when the versions are the same. */
export function planDiff(before: PlanDraft, after: PlanDraft): readonly FieldChange[] {
  const changes: FieldChange[] = before.kind === after.kind ? [] : [{ step: 'kind', field: 'kind', before: before.kind, after: after.kind }];
  for (const step of stepNames) {
    const was = fieldsOf(before[step]);
    const is = fieldsOf(after[step]);
    for (const field of new Set([...Object.keys(was), ...Object.keys(is)])) {
      if (recordedByKanalkoll.has(field) || same(was[field], is[field])) continue;
      changes.push({ step, field, before: was[field], after: is[field] });
    }
  }
  return changes;
}

/** A changed field as records and texts name it: `step.field` (`kind` for the plan's kind). */
export const fieldKey = ({ step, field }: Pick<FieldChange, 'step' | 'field'>): string => (step === 'kind' ? 'kind' : `${step}.${field}`);

/** The steps a diff touches, each once, in the order of the steps. */
export const stepsChanged = (changes: readonly FieldChange[]): readonly StepName[] =>
  stepNames.filter((step) => changes.some((change) => change.step === step));
