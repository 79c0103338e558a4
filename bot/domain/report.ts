import { z } from 'zod';
import { https, isoDate, oneOf, parseFields, text, type Parsed } from './fields';

/**
 * Reports anyone can file (R13, R21, R22). Factual criticism received through an official account
 * goes to the registrar, who registers it (diarieför) in the municipality's diary and gives Kanalkoll
 * its diary number (Kanalkoll makes up none), and to the communicator of the department it is about
 * ("rätt instans": chosen by the reporter, by default the account's); a comment in a public forum
 * kept in time order needs no registration. A message an account received ("Meddelanden som du får
 * … ska betraktas som allmän handling") goes to the registrar the same way. Without a registrar set,
 * both go to the department's communicator, who sees to it that they are registered, and nobody is
 * told a number will come. Bullying or a crime goes to the reporter's chief; negative published
 * material to the chief or the communications chief, as the reporter chooses.
 */
export const reportKinds = ['criticism', 'message', 'bullying', 'negative'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** What is received through an account and is registered (R13): public records, never forgotten by Kanalkoll. */
export const registeredKinds = ['criticism', 'message'] as const;
export type RegisteredKind = (typeof registeredKinds)[number];
export const isRegisteredKind = (kind: ReportKind): kind is RegisteredKind => (registeredKinds as readonly ReportKind[]).includes(kind);

/** A line someone may leave empty; kept only when it says something. */
const optionalText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .max(max, { error: 'tooLong' })
    .optional()
    .transform((v) => v || undefined);

/** What a criticism report may name: the reporter's own accounts, and the departments. */
export interface ReportChoices {
  readonly accountIds: readonly string[];
  readonly departmentIds: readonly string[];
}

export const reportSchemas = (choices: ReportChoices) => ({
  criticism: z.object({
    accountId: oneOf(choices.accountIds),
    departmentId: oneOf(choices.departmentIds),
    receivedOn: isoDate,
    link: https(500),
    text: text(2000),
    nature: z.enum(['factual', 'comment'], { error: 'required' }),
  }),
  message: z.object({
    accountId: oneOf(choices.accountIds),
    receivedOn: isoDate,
    text: text(2000),
    // A picture in the message: a link to it or what it shows (Teams' Playground attaches no files to a card).
    picture: optionalText(500),
  }),
  bullying: z.object({
    affected: z.enum(['colleague', 'pupil', 'client', 'user'], { error: 'required' }),
    where: text(500),
    what: text(2000),
  }),
  negative: z.object({
    link: https(500),
    summary: text(2000),
    to: z.enum(['chief', 'commschief'], { error: 'required' }),
  }),
});

export type ReportContent = { [K in ReportKind]: z.infer<ReturnType<typeof reportSchemas>[K]> };

export const validateReport = <K extends ReportKind>(kind: K, input: unknown, choices: ReportChoices): Parsed<ReportContent[K]> =>
  parseFields(reportSchemas(choices)[kind] as unknown as z.ZodType<ReportContent[K]>, input, kind);

/**
 * R13: the diary number the registrar gives, as the diary has it ("KS 2026/123", "KOF-2026:45"):
 * at most 40 characters, with a digit, without line breaks.
 */
const diaryNumberSchema = z.object({
  diaryNumber: text(40).refine((value) => /\d/.test(value) && !/[\r\n]/.test(value), { message: 'notDiaryNumber' }),
});

export const validateDiaryNumber = (input: unknown): Parsed<{ diaryNumber: string }> => parseFields(diaryNumberSchema, input, 'diaryNumber');

/** R13: a message received is registered; criticism only when it is factual criticism. */
export const needsRegistration = <K extends ReportKind>(kind: K, content: ReportContent[K]): boolean =>
  kind === 'message' || (kind === 'criticism' && (content as ReportContent['criticism']).nature === 'factual');
