import type { ChangedField } from '../../domain/assignment';
import { fieldKey } from '../../domain/planDiff';
import type { Texts } from '../../i18n';

/** A changed field's key in the texts, as planDiff's `fieldKey` makes it (a change of an approved plan records the keys themselves). */
const keyOf = (field: ChangedField | string): string => (typeof field === 'string' ? field : fieldKey(field));

/** A changed field in words, as the texts name it. */
export const changedFieldName = (t: Texts, field: ChangedField | string): string => t.planChange.fields[keyOf(field)] ?? t.planChange.otherField;

/**
 * The fields changed, in words, each once (R1: what the chief changed in a draft; R6: what a change of
 * an approved plan changed); a promise (the commitments step) is named as the applicant's responsibilities.
 */
export const changedFieldNames = (t: Texts, fields: readonly (ChangedField | string)[]): string[] => [
  ...new Set(fields.map((field) => changedFieldName(t, field))),
];
