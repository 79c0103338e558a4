import { z } from 'zod';
import type { AdaptiveCard, Verb } from '../../cards';
import type { CommandMeta, PersonRef } from '../domain/assignment';
import type { Locale } from '../domain/locale';
import type { Reach } from '../store/conversations';

/**
 * Where a turn happens: the person's own chat with Kanalkoll, or a conversation others read too (a
 * group chat or a team's channel; Teams says which on the activity). Only a personal chat gets
 * anything about a person.
 */
export type Conversation = 'personal' | 'shared';

/**
 * The card verbs Kanalkoll answers in a conversation others read: the register as the public sees
 * it, and the policy help. Every other verb is refused there, whatever the card says.
 */
export const sharedVerbs: ReadonlySet<Verb> = new Set<Verb>(['register.show', 'help.topics', 'help.topic']);

/** A person's turn in their own chat: who acts, where, in which language, and what their card sent. */
export interface CardTurn {
  readonly locale: Locale;
  readonly user: PersonRef;
  readonly reach: Reach;
  readonly data: unknown;
  /** The message whose card button was pressed (its activity id), when Teams says: the press's answer replaces that card. */
  readonly pressed?: string;
}

/** What a card verb or a command in a personal chat does: the card to answer with. */
export type CardHandler = (turn: CardTurn) => Promise<AdaptiveCard>;

/** The longest text a card shows again: no field takes more, and a card must stay within Teams' size. */
export const echoLength = 2000;

/** A long text cut for a card that shows many (a history, an overview), with "…" where it was cut; the whole stays stored. */
export const shortened = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A field as the card sent it, to show again on the card that asks to fix it (the domain checks the value itself, uncut). */
export const shownAgain = (value: unknown, max: number = echoLength): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** What a card sent, as fields; anything but an object is no fields. Each field is then parsed where it is used. */
export const cardFields = z.record(z.string(), z.unknown()).catch({});

/** Who acts and when, as every command carries it. */
export const commandMeta = (clock: () => Date, turn: Pick<CardTurn, 'user'>): CommandMeta => ({ actor: turn.user, now: clock().toISOString() });
