import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { mayView, waitingStep, type Approvers } from '../../domain/approval';
import { mayAppointOwner, ownerLeftAt } from '../../domain/routing';
import { isEnabled, type Person } from '../../domain/directory';
import { cardId, wholeNumber } from '../../domain/fields';
import type { Assignment, Command, Event } from '../../domain/assignment';
import type { AuditRecord } from '../../domain/auditRecord';
import { texts, type Texts } from '../../i18n';
import type { Locale } from '../../domain/locale';
import type { FlowDeps } from '../deps';
import { cardVerb, type Answered, type CardVerb, type Press } from '../commands/press';
import type { PressRefusal, RefusalShown, Surface } from '../commands/refusals';
import type { CardHandler, CardTurn } from '../turn';
import { loadView } from '../shared/planView';
import { messageCard } from '../shared/messageCard';
import { approvalContext, type ApprovalDeps } from './context';
import { approversFor, currentApprover } from '../shared/approvers';
import { approvalCardFor, type ApprovalShown } from './view';

type ApprovalTexts = Texts['approval'];

const decisionData = z.object({
  assignmentId: cardId,
  version: wholeNumber(1_000_000),
  comment: z.string().max(2000).optional(),
  step: z.enum(['chief', 'communicator', 'commschief']).optional(),
});
const viewData = z.object({ assignmentId: cardId });
const onVersion = viewData.extend({ version: wholeNumber(1_000_000) });
const personData = { person: z.union([cardId, z.literal('')]).optional().default('') };
const assignData = onVersion.extend(personData);
const appointData = viewData.extend(personData);

type DecisionType = 'ApprovePlan' | 'RequestChanges' | 'RejectPlan';

/** An assignment's audit records, as its card shows them. */
type History = readonly AuditRecord[];

/** Who decides each step of the plan, read once per press and handed to the command and the card. */
interface Deciders {
  readonly approvers: Approvers;
}

/** …and the person picked on the card, if any, as the directory has them now. */
interface Picking extends Deciders {
  readonly person?: Person;
  /** Naming who decides (R1): whether anyone reports to the person picked, and the communications chief's department. */
  readonly chief?: { readonly leads: boolean; readonly centralDepartmentId?: string };
}

export function approvalHandlers(deps: ApprovalDeps & Pick<FlowDeps, 'run'>): Record<
  'approve' | 'requestChanges' | 'reject' | 'refresh' | 'history' | 'assign' | 'appoint' | 'withdraw',
  CardHandler
> {
  /** The card for `turn.user` on the assignment as it is now, with what happened; `history`, its audit records if known. */
  async function cardFor(turn: CardTurn, state: Assignment, approvers: Approvers, shown: ApprovalShown = {}, history?: readonly AuditRecord[]): Promise<AdaptiveCard> {
    const context = await approvalContext(deps, state, turn.locale, approvers, turn.reach.tenantId, history);
    return approvalCardFor(context, state, turn.user.aadObjectId, shown);
  }

  /** A plan that cannot be shown to this person: a short message with the way on. */
  const message = async (turn: CardTurn, refusal: RefusalShown) => messageCard(await loadView(deps, turn.locale), refusal.text);

  /**
   * Refusals that show no plan (not there, not theirs, or to someone with no part in it, who is told
   * nothing of it) are a message; the others are said on the plan's card, under their field.
   */
  const refused = (press: Press<unknown, Deciders, History>, state: Assignment, refusal: RefusalShown): Promise<AdaptiveCard> =>
    refusal.reason === 'notFound' || refusal.reason === 'notYours' || !mayView(state, press.turn.user.aadObjectId, press.context.approvers)
      ? message(press.turn, refusal)
      : cardFor(press.turn, state, press.context.approvers, refusal.field === 'comment' ? { error: refusal.text } : refusal.field === 'person' ? { assignError: refusal.text } : { notice: refusal.text });

  /** Someone with no part in the plan sees nothing of it. */
  const viewer = (press: Press<unknown, Deciders, History>): PressRefusal | undefined =>
    !press.stored.value.plan ? { reason: 'notFound' } : !mayView(press.stored.value, press.turn.user.aadObjectId, press.context.approvers) ? { reason: 'notYours' } : undefined;

  /** A decision by someone with no part in the plan: not theirs to make, and nothing of the plan (not even whether it still waits) said. */
  const decider = (press: Press<unknown, Deciders, History>): PressRefusal | undefined => {
    const refusal = viewer(press);
    return refusal?.reason === 'notYours' ? { reason: 'notApprover', step: waitingStep(press.stored.value) ?? 'chief' } : refusal;
  };

  const deciders = async ({ stored }: { stored: { value: Assignment } }): Promise<Deciders> => ({ approvers: await approversFor(deps.directory, stored.value) });

  /** An approval-card verb: its refusals and the card it answers with are those of approval cards. */
  const verb = <I extends { assignmentId: string }, C extends Deciders>(spec: {
    readonly surface?: Surface;
    readonly input: z.ZodType<I>;
    readonly load?: CardVerb<I, C, History>['load'];
    readonly authorise?: CardVerb<I, C, History>['authorise'];
    readonly command?: CardVerb<I, C, History>['command'];
    readonly done?: (press: Press<I, C, History>, answered: Extract<Answered, { ok: true }>, t: ApprovalTexts) => Promise<string | undefined> | string | undefined;
  }): CardHandler =>
    cardVerb<I, C, History>(deps, {
      surface: spec.surface ?? 'approval',
      input: spec.input,
      assignmentId: (input) => input.assignmentId,
      // The card shows the plan's history: read at the same time as the plan.
      alongside: (input) => deps.audit.history(input.assignmentId),
      load: spec.load ?? ((read) => deciders(read) as Promise<C>),
      ...(spec.authorise ? { authorise: spec.authorise } : {}),
      ...(spec.command ? { command: spec.command } : {}),
      answer: async (press, answered) => {
        if (!answered.ok) return refused(press, answered.state, answered.refusal);
        const done = await spec.done?.(press, answered, texts(press.turn.locale).approval);
        // The history as read, and the records this press stored with its change.
        return cardFor(press.turn, answered.state, press.context.approvers, done ? { done } : {}, [...press.alongside, ...answered.audit]);
      },
      fallback: message,
    });

  /** What the decider reads after deciding: who it goes to now, or that it is done. */
  async function decided(type: DecisionType, state: Assignment, events: readonly Event[], approvers: Approvers, locale: Locale): Promise<string> {
    const t = texts(locale).approval;
    const event = events[0];
    if (event?.type === 'OwnerChangeApproved') return t.ownerChanged(event.newOwner.name);
    if (event?.type === 'ChangeApproved' || event?.type === 'ChangeRequested' || event?.type === 'ChangeRejected') return changeDecided(event, state, approvers, locale);
    if (event?.type === 'OwnerChangeRejected') return t.ownerKept;
    if (type === 'RequestChanges') return t.decided.changesRequested;
    if (type === 'RejectPlan') return t.decided.rejected;
    if (state.status === 'active') return t.decided.activated;
    const next = currentApprover(state, approvers);
    return t.decided.approved(next ? ((await deps.directory.person(next))?.name ?? next) : '');
  }

  /** R6: what the decider of a change of the plan reads after deciding: who it goes to now, or that the new version is in force. */
  async function changeDecided(event: Extract<Event, { type: 'ChangeApproved' | 'ChangeRequested' | 'ChangeRejected' }>, state: Assignment, approvers: Approvers, locale: Locale): Promise<string> {
    const t = texts(locale).planChange.decided;
    if (event.type === 'ChangeRequested') return t.requested;
    if (event.type === 'ChangeRejected') return t.rejected;
    const next = currentApprover(state, approvers);
    return next ? t.approved((await deps.directory.person(next))?.name ?? next) : t.inForce(event.version);
  }

  const decision = (type: DecisionType): CardHandler =>
    verb({
      input: decisionData,
      authorise: decider,
      command: ({ input: { version, comment, step }, meta, context: { approvers } }): Command => {
        const decisionMeta = { ...meta, version, step, approvers };
        return type === 'ApprovePlan' ? { type, meta: decisionMeta, comment } : { type, meta: decisionMeta, comment: comment ?? '' };
      },
      done: ({ context, turn }, { state, events }) => decided(type, state, events, context.approvers, turn.locale),
    });

  /** The card as it is now, for someone involved: what Teams asks for on `refresh`, and "historik". */
  const show = verb({ input: viewData, authorise: viewer });

  /**
   * Someone picked on an approval card (a people picker): the viewer allowed to see the plan, `check`
   * passed (said before the pick, so that a refused pick is only shown under a picker the card has), the
   * picked person in the directory and still there; then the command, and the card as it is after it.
   */
  const picked = <I extends { assignmentId: string; person: string }>(spec: {
    readonly surface: 'assign' | 'appoint';
    readonly input: z.ZodType<I>;
    /** Whether the verb asks if the person picked is a chief (`Picking['chief']`). */
    readonly chief?: boolean;
    readonly check: (state: Assignment, actor: string, approvers: Approvers) => PressRefusal | undefined;
    readonly command: (person: { aadObjectId: string; name: string }, press: Press<I, Picking, History>) => Command;
    readonly done: (name: string, t: ApprovalTexts) => string;
  }): CardHandler =>
    verb<I, Picking>({
      surface: spec.surface,
      input: spec.input,
      load: async (read) => {
        const id = read.input.person;
        const [context, person, chief] = await Promise.all([deciders(read), id ? deps.directory.person(id) : undefined, id && spec.chief ? chiefFacts(id) : undefined]);
        return { ...context, ...(person ? { person } : {}), ...(chief ? { chief } : {}) };
      },
      authorise: (press) => viewer(press) ?? spec.check(press.stored.value, press.turn.user.aadObjectId, press.context.approvers),
      command: (press) => {
        const { person } = press.context;
        if (!person || !isEnabled(person)) return { refuse: { reason: 'unknownPerson' } };
        return spec.command({ aadObjectId: person.aadObjectId, name: person.name }, press);
      },
      done: ({ context }, _answered, t) => spec.done(context.person?.name ?? '', t),
    });

  /** Whether anyone reports to `aadObjectId` (a row read), and the communications chief's department (read once a while per process). */
  async function chiefFacts(aadObjectId: string): Promise<NonNullable<Picking['chief']>> {
    const [leads, commsChief] = await Promise.all([deps.directory.isChief(aadObjectId), deps.directory.communicationsChief()]);
    const centralDepartmentId = commsChief ? (await deps.directory.person(commsChief))?.departmentId : undefined;
    return { leads, ...(centralDepartmentId ? { centralDepartmentId } : {}) };
  }

  /**
   * R1: the department communicator names who decides the chief step (no manager, or the manager away):
   * a chief in the applicant's department or the communications chief's, as the directory has them now.
   */
  const assign = picked({
    surface: 'assign',
    input: assignData,
    chief: true,
    check: (state, actor, approvers) => (waitingStep(state) !== 'chief' ? { reason: 'notWaiting' } : actor !== approvers.communicator ? { reason: 'notAllowed' } : undefined),
    command: (person, { input, meta, context }) => ({
      type: 'AssignApprover',
      meta: { ...meta, approvers: context.approvers, version: input.version, ...(context.chief?.centralDepartmentId ? { centralDepartmentId: context.chief.centralDepartmentId } : {}) },
      person,
      standing: { leads: context.chief?.leads ?? false, departmentId: context.person?.departmentId ?? '' },
    }),
    done: (name, t) => t.assign.done(name),
  });

  /** The owner left: their chief, the communicator or the communications chief names who takes over. */
  const appoint = picked({
    surface: 'appoint',
    input: appointData,
    check: (state, actor, approvers) => (!ownerLeftAt(state) ? { reason: 'notWaiting' } : !mayAppointOwner(actor, approvers) ? { reason: 'notAllowed' } : undefined),
    command: (newOwner, { meta, context }) => ({ type: 'AppointOwner', meta: { ...meta, approvers: context.approvers }, newOwner }),
    done: (name, t) => t.appoint.done(name),
  });

  /** The applicant takes back a plan nobody has decided on yet; it is a draft again. The owner of an active one takes back a change of it (R6). */
  const withdraw = verb({
    input: onVersion,
    authorise: ({ stored, turn }) => (!stored.value.plan ? { reason: 'notFound' } : stored.value.applicant.aadObjectId !== turn.user.aadObjectId ? { reason: 'notYours' } : undefined),
    command: ({ input, meta, stored }): Command =>
      stored.value.status === 'active' ? { type: 'WithdrawChange', meta: { ...meta, version: input.version } } : { type: 'WithdrawPlan', meta: { ...meta, version: input.version } },
    done: ({ turn }, { events }, t) => (events[0]?.type === 'ChangeWithdrawn' ? texts(turn.locale).planChange.withdrawn : t.withdrawn),
  });

  return {
    assign,
    appoint,
    withdraw,
    approve: decision('ApprovePlan'),
    requestChanges: decision('RequestChanges'),
    reject: decision('RejectPlan'),
    refresh: show,
    history: show,
  };
}
