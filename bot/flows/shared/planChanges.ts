import type { ChangedField } from '../../domain/assignment';
import type { Texts } from '../../i18n';

/** The name of a changed field as the cards label it: its input's label, or its step's title (R1: what the chief changed). */
function fieldName(t: Texts, { step, field }: ChangedField): string {
  const own = t.plan.together.fields[field];
  if (own) return own;
  if (step === 'kind') return t.plan.together.fields.kind ?? field;
  const label = (t.plan[step] as Readonly<Record<string, unknown>>)[field];
  return typeof label === 'string' ? label : t.plan[step].title;
}

/** The fields changed, by name, each once. */
export const changedFieldNames = (t: Texts, fields: readonly ChangedField[]): string[] => [...new Set(fields.map((f) => fieldName(t, f)))];
