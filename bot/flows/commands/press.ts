import type { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import type { Assignment, Command, CommandMeta, Event } from '../../domain/assignment';
import type { AuditRecord } from '../../domain/auditRecord';
import type { AssignmentStore } from '../../store/assignments';
import type { Stored } from '../../store/repository';
import { commandMeta, type CardHandler, type CardTurn } from '../turn';
import { refusalShown, type PressRefusal, type RefusalShown, type Surface } from './refusals';
import type { Outcome, RunOptions } from './runner';

/** A press on a card, read: who pressed, what the card sent (parsed), the assignment as stored, and what else the verb loaded. */
export interface Press<I, C, A = undefined> {
  readonly turn: CardTurn;
  readonly input: I;
  readonly stored: Stored<Assignment>;
  /** Who acts and when, as every command carries it. */
  readonly meta: CommandMeta;
  /** What the verb read by the card's own data, at the same time as the assignment. */
  readonly alongside: A;
  readonly context: C;
}

/** How a press ended, for the verb to draw: the assignment as it is now, and what happened to it (with the audit records stored). */
export type Answered =
  | { readonly ok: true; readonly state: Assignment; readonly events: readonly Event[]; readonly audit: readonly AuditRecord[] }
  | { readonly ok: false; readonly state: Assignment; readonly refusal: RefusalShown };

/**
 * What a verb makes of a press: a command to run, a card to show instead (a form to fix), a refusal,
 * or an act on the assignment that is no change of its state (a hold on its clean-up, audited by itself).
 */
export type Made = Command | { readonly show: AdaptiveCard | Promise<AdaptiveCard> } | { readonly refuse: PressRefusal } | { readonly act: () => Promise<void> };

/**
 * A card verb on an assignment, declared: the input it takes, what it loads, who may act, the command
 * it makes and how it answers. The pipeline (`cardVerb`) does the rest, the same way for every verb.
 */
export interface CardVerb<I, C, A = undefined> {
  /** Where its refusals are shown (their words, bot/flows/commands/refusals.ts). */
  readonly surface: Surface;
  /** What the card must send; anything else is unreadable, and nothing is loaded. */
  readonly input: z.ZodType<I>;
  /** The assignment the press is about. */
  readonly assignmentId: (input: I) => string;
  /** Reads the assignment another way than a point read (a draft this process just saved; through what is read alongside). */
  readonly find?: (input: I, alongside: Promise<A>) => Promise<Stored<Assignment> | undefined>;
  /** What the press reads by the card's own data (its history, the nudge's record), at the same time as the assignment. */
  readonly alongside?: (input: I, turn: CardTurn) => Promise<A>;
  /** Everything else the press needs, read once and handed on to the command and the answer: who decides, names. */
  readonly load: (press: Omit<Press<I, C, A>, 'context'>) => Promise<C> | C;
  /** Who may act, decided from what is stored (never from the card): a refusal, or nothing. */
  readonly authorise?: (press: Press<I, C, A>) => PressRefusal | undefined;
  /** The command to run. Absent: the verb only shows the assignment as it is (a reading verb). */
  readonly command?: (press: Press<I, C, A>) => Made | Promise<Made>;
  /** The card the press is answered with (its own card, changed in place). */
  readonly answer: (press: Press<I, C, A>, answered: Answered) => Promise<AdaptiveCard> | AdaptiveCard;
  /** The card when there is no assignment to draw: the card could not be read, or what it names is not there (then with what it sent, read). */
  readonly fallback: (turn: CardTurn, refusal: RefusalShown, input?: I) => Promise<AdaptiveCard> | AdaptiveCard;
}

/**
 * A card verb about no stored assignment (a report to file or give its number, a form to open): the
 * pipeline's first step alone. What the card sent is parsed here too, and a card that cannot be read
 * is answered in the words of the one mapping.
 */
export interface CardInput<I> {
  readonly surface: Surface;
  readonly input: z.ZodType<I>;
  readonly answer: (turn: CardTurn, input: I) => Promise<AdaptiveCard> | AdaptiveCard;
  readonly fallback: (turn: CardTurn, refusal: RefusalShown) => Promise<AdaptiveCard> | AdaptiveCard;
}

export function cardInput<I>(verb: CardInput<I>): CardHandler {
  return async (turn) => {
    const parsed = verb.input.safeParse(turn.data);
    return parsed.success ? verb.answer(turn, parsed.data) : verb.fallback(turn, refusalShown(turn.locale, verb.surface, { reason: 'unreadable' }));
  };
}

export interface PressDeps {
  readonly assignments: Pick<AssignmentStore, 'get'>;
  readonly run: (command: Command, options: RunOptions) => Promise<Outcome>;
  readonly clock: () => Date;
}

/**
 * The one card-command pipeline: parse what the card sent, load the assignment and what the verb
 * needs once, authorise from stored state, run the command through the runner (which alone answers a
 * lost race), and draw the answer, with every refusal in the words of one mapping. No handler parses
 * card data, loads or handles a conflict itself.
 */
export function cardVerb<I, C, A = undefined>(deps: PressDeps, verb: CardVerb<I, C, A>): CardHandler {
  return async (turn) => {
    const shown = (refusal: PressRefusal, tried?: Command['type']) => refusalShown(turn.locale, verb.surface, refusal, tried);
    const parsed = verb.input.safeParse(turn.data);
    if (!parsed.success) return verb.fallback(turn, shown({ reason: 'unreadable' }));
    const input = parsed.data;
    const reading = verb.alongside ? verb.alongside(input, turn) : Promise.resolve(undefined as A);
    const [stored, alongside] = await Promise.all([verb.find ? verb.find(input, reading) : deps.assignments.get(verb.assignmentId(input)), reading]);
    if (!stored) return verb.fallback(turn, shown({ reason: 'notFound' }), input);
    const read = { turn, input, stored, alongside, meta: commandMeta(deps.clock, turn) };
    const press: Press<I, C, A> = { ...read, context: await verb.load(read) };
    const denied = verb.authorise?.(press);
    if (denied) return verb.answer(press, { ok: false, state: stored.value, refusal: shown(denied) });
    if (!verb.command) return verb.answer(press, { ok: true, state: stored.value, events: [], audit: [] });
    const made = await verb.command(press);
    if ('show' in made) return made.show;
    if ('refuse' in made) return verb.answer(press, { ok: false, state: stored.value, refusal: shown(made.refuse) });
    if ('act' in made) {
      await made.act();
      return verb.answer(press, { ok: true, state: stored.value, events: [], audit: [] });
    }
    const id = stored.value.id;
    const outcome = await deps.run(made, { id, loaded: stored, reach: turn.reach, ...(turn.pressed ? { pressed: turn.pressed } : {}) });
    if (outcome.ok) return verb.answer(press, { ok: true, state: outcome.state, events: outcome.events, audit: outcome.audit });
    // The runner may have read a newer state (a change made meanwhile): the card shows the assignment as it is now.
    const state = (await deps.assignments.get(id))?.value ?? stored.value;
    return verb.answer(press, { ok: false, state, refusal: shown(outcome, made.type) });
  };
}
