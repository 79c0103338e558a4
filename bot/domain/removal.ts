import { DateTime } from 'luxon';
import { z } from 'zod';
import { isCalendarDate, parseFields, text, type Parsed } from './fields';

/**
 * R14: what the one responsible for an account removes ("gallrar") within 48 hours, and on which of the
 * policy's grounds, resting on lagen (1998:112) om ansvar för elektroniska anslagstavlor. A removal is
 * recorded on the account: the removed post was a public record too, so what went, why and when is kept.
 */
export const removalGrounds = ['personalAttack', 'obscene', 'hateSpeech', 'copyright', 'violence', 'pornography', 'advertising'] as const;
export type RemovalGround = (typeof removalGrounds)[number];

/** How many recorded removals' forms an account remembers: enough for any double press, bounded. */
export const rememberedForms = 20;

export interface Removal {
  /** The day it was removed (YYYY-MM-DD, Stockholm): today or within the last 30 days. */
  readonly removedOn: string;
  readonly ground: RemovalGround;
  /** What was removed, in words (and where): the post itself is gone. */
  readonly what: string;
}

/** How far back a removal can be recorded: the policy asks for removal within 48 hours, so it is recorded soon after. */
export const removalDaysBack = 30;

const removalSchema = (today: string) =>
  z.object({
    removedOn: z
      .string({ error: 'required' })
      .min(1, { error: 'required' })
      .refine(isCalendarDate, { error: 'invalidDate' })
      .refine((d) => d <= today && d >= (DateTime.fromISO(today).minus({ days: removalDaysBack }).toISODate() ?? ''), { error: 'notRecent' }),
    ground: z.enum(removalGrounds, { error: 'unknownChoice' }),
    what: text(1000),
  });

/** A removal as the card sent it, checked against `today` (YYYY-MM-DD in Stockholm). */
export const validateRemoval = (input: unknown, today: string): Parsed<Removal> => parseFields(removalSchema(today), input, 'removal');
