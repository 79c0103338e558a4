import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Validating what people write in cards: field builders whose errors are codes (the texts live in
 * i18n), and one way to turn a refusal into "this field: this problem", one problem per field.
 */
export type FieldErrorCode =
  | 'required'
  | 'tooLong'
  | 'notHttps'
  | 'spaceInAddress'
  | 'unknownChoice'
  | 'invalidDate'
  | 'endBeforeStart'
  | 'tooFewAdmins'
  | 'credential'
  | 'mustConfirm'
  | 'notYourself'
  | 'unknownPerson'
  | 'samePerson'
  | 'notEmail'
  | 'wrongPlatform'
  | 'notOwnWeb'
  | 'notMeasurable'
  | 'notRecent'
  | 'notDiaryNumber';

export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  /** Which item of a list field (0 for the first), when the problem is one item's: "Mål 2" is not measurable. */
  readonly item?: number;
}

const knownCodes = new Set<string>([
  'required', 'tooLong', 'notHttps', 'spaceInAddress', 'unknownChoice', 'invalidDate', 'endBeforeStart', 'tooFewAdmins', 'credential', 'mustConfirm',
  'notYourself', 'unknownPerson', 'samePerson', 'notEmail', 'wrongPlatform', 'notOwnWeb', 'notMeasurable', 'notRecent', 'notDiaryNumber',
]);

export const text = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' });

/** An https address as a link: normalised as a browser reads it (`new URL(v).href`); undefined when it is none. */
export const httpsLink = (v: string): string | undefined => (URL.canParse(v) && new URL(v).protocol === 'https:' ? new URL(v).href : undefined);

/**
 * An https address, kept normalised. A space inside is refused: a browser would send it as %20,
 * but shown as text it could read as more than one address.
 */
export const https = (max: number) =>
  text(max)
    .refine((v) => httpsLink(v) !== undefined, { error: 'notHttps', abort: true })
    .refine((v) => !/\s/.test(v), { error: 'spaceInAddress', abort: true })
    .transform((v) => httpsLink(v) ?? v);

/** A real day of the calendar written YYYY-MM-DD: 2027-02-28 is one, 2027-02-30 is not. */
export const isCalendarDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid;

export const isoDate = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .refine(isCalendarDate, { error: 'invalidDate' });

export const oneOf = (values: readonly string[]) =>
  z.string({ error: 'required' }).min(1, { error: 'required' }).refine((v) => values.includes(v), { error: 'unknownChoice' });

/*
 * What a card carries back besides what people typed: ids, versions, dates it was drawn with.
 * Anything else means the card was not one of ours, or was changed on the way.
 */

/** An id of an assignment or a person: a GUID, as Kanalkoll and Entra ID make them. */
export const cardId = z.guid();

/** A whole number: a JSON number, or the digits an input sends. Never true, [1], "" or "0x1". */
export const wholeNumber = (max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,15}$/).transform(Number)])
    .pipe(z.number().int().min(0).max(max));

export const calendarDay = z.string().refine(isCalendarDate);

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Parses `input`; a refusal names each field (each item of a list) once, with its code (`fallback` for the whole form). */
export function parseFields<T>(schema: z.ZodType<T>, input: unknown, fallback: string): Parsed<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldError[] = parsed.error.issues.map((issue) => {
    const item = issue.path.find((p) => typeof p === 'number');
    return {
      field: issue.path.filter((p) => typeof p === 'string').join('.') || fallback,
      code: (knownCodes.has(issue.message) ? issue.message : 'required') as FieldErrorCode,
      ...(item === undefined ? {} : { item }),
    };
  });
  return { ok: false, errors: errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.item === e.item) === i) };
}
