import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { mayView, waitingStep, type ApprovalRefusal, type Approvers } from '../../domain/approval';
import { mayAppointOwner, ownerLeftAt } from '../../domain/routing';
import { isEnabled } from '../../domain/directory';
import { cardId, wholeNumber } from '../../domain/fields';
import type { Assignment, Command, PersonRef } from '../../domain/assignment';
import { texts, type Texts } from '../../i18n';
import type { Stored } from '../../store/repository';
import type { FlowDeps } from '../deps';
import type { CardHandler, CardTurn } from '../turn';
import { loadView } from '../plan/session';
import { messageCard } from '../plan/status';
import { approvalContext, type ApprovalDeps } from './announce';
import { approversFor, currentApprover } from './approvers';
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

export function approvalHandlers(deps: ApprovalDeps & Pick<FlowDeps, 'run'>): Record<
  'approve' | 'requestChanges' | 'reject' | 'refresh' | 'history' | 'assign' | 'appoint' | 'withdraw',
  CardHandler
> {
  const say = async (turn: CardTurn, message: 'notFound' | 'unreadable') => messageCard(await loadView(deps, turn.locale), texts(turn.locale).approval.refused[message]);

  /** The card for `turn.user` on the assignment as stored now, with a notice or an error. */
  async function cardFor(turn: CardTurn, state: Assignment, shown: ApprovalShown = {}): Promise<AdaptiveCard> {
    const approvers = await approversFor(deps.directory, state);
    const context = await approvalContext(deps, state, turn.locale, approvers, turn.reach.tenantId);
    return approvalCardFor(context, state, turn.user.aadObjectId, shown);
  }


  const decision =
    (type: DecisionType): CardHandler =>
    async (turn) => {
      const parsed = decisionData.safeParse(turn.data);
      if (!parsed.success) return say(turn, 'unreadable');
      const { assignmentId, version, comment, step } = parsed.data;
      const stored = await deps.assignments.get(assignmentId);
      if (!stored) return say(turn, 'notFound');
      const approvers = await approversFor(deps.directory, stored.value);
      const meta = { actor: turn.user, now: deps.clock().toISOString(), version, step, approvers };
      const command: Command = type === 'ApprovePlan' ? { type, meta, comment } : { type, meta, comment: comment ?? '' };
      return decideAndShow(turn, command, stored);
    };

  async function decideAndShow(turn: CardTurn, command: Command, stored: Stored<Assignment>): Promise<AdaptiveCard> {
    const t = texts(turn.locale).approval;
    const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
    if (!result.ok && result.reason === 'conflict') {
      const now = await deps.assignments.get(stored.value.id);
      return cardFor(turn, now?.value ?? stored.value, { notice: t.refused.lostRace });
    }
    if (!result.ok) {
      const reason = result.reason as ApprovalRefusal['reason'];
      const message = t.refused[reason] ?? t.refused.notApprover;
      return cardFor(turn, stored.value, reason === 'commentRequired' ? { error: message } : { notice: message });
    }
    const state = result.state;
    const next = currentApprover(state, await approversFor(deps.directory, state));
    const nextName = next ? ((await deps.directory.person(next))?.name ?? next) : '';
    const event = result.events[0];
    const notice =
      event?.type === 'OwnerChangeApproved'
        ? t.ownerChanged(event.newOwner.name)
        : event?.type === 'OwnerChangeRejected'
          ? t.ownerKept
          : command.type === 'RequestChanges'
            ? t.decided.changesRequested
            : command.type === 'RejectPlan'
              ? t.decided.rejected
              : state.status === 'active'
                ? t.decided.activated
                : t.decided.approved(nextName);
    return cardFor(turn, state, { done: notice });
  }

  /** The card as it is now, for someone involved: what Teams asks for on `refresh`, and "historik". */
  const show: CardHandler = async (turn) => {
    const parsed = viewData.safeParse(turn.data);
    if (!parsed.success) return say(turn, 'unreadable');
    const stored = await deps.assignments.get(parsed.data.assignmentId);
    if (!stored?.value.plan) return say(turn, 'notFound');
    if (!mayView(stored.value, turn.user.aadObjectId, await approversFor(deps.directory, stored.value))) return messageCard(await loadView(deps, turn.locale), texts(turn.locale).plan.notices.notYours);
    return cardFor(turn, stored.value);
  };

  /**
   * Someone picked on an approval card (a people picker): the card read, its plan loaded, the viewer
   * allowed to see it, `check` passed (a notice if not, said before the pick so that a refused pick is
   * only shown under a picker the card has), the picked person in the directory and still there; then
   * the command, and the card as it is after it.
   */
  const picked =
    (spec: {
      readonly schema: z.ZodType<{ assignmentId: string; person: string }>;
      readonly check: (state: Assignment, actor: string, approvers: Approvers, t: ApprovalTexts) => string | undefined;
      readonly command: (person: PersonRef, approvers: Approvers, data: Record<string, unknown>, turn: CardTurn) => Command;
      readonly done: (name: string, t: ApprovalTexts) => string;
      readonly refused: (reason: string, t: ApprovalTexts) => ApprovalShown;
    }): CardHandler =>
    async (turn) => {
      const t = texts(turn.locale).approval;
      const parsed = spec.schema.safeParse(turn.data);
      if (!parsed.success) return say(turn, 'unreadable');
      const stored = await deps.assignments.get(parsed.data.assignmentId);
      if (!stored?.value.plan) return say(turn, 'notFound');
      const approvers = await approversFor(deps.directory, stored.value);
      // Someone with no part in the plan sees nothing of it.
      if (!mayView(stored.value, turn.user.aadObjectId, approvers)) return messageCard(await loadView(deps, turn.locale), texts(turn.locale).plan.notices.notYours);
      const notice = spec.check(stored.value, turn.user.aadObjectId, approvers, t);
      if (notice) return cardFor(turn, stored.value, { notice });
      const person = parsed.data.person ? await deps.directory.person(parsed.data.person) : undefined;
      if (!person || !isEnabled(person)) return cardFor(turn, stored.value, { assignError: t.assign.unknown });
      const command = spec.command({ aadObjectId: person.aadObjectId, name: person.name }, approvers, parsed.data, turn);
      const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
      if (result.ok) return cardFor(turn, result.state, { done: spec.done(person.name, t) });
      const now = (await deps.assignments.get(stored.value.id))?.value ?? stored.value;
      return cardFor(turn, now, result.reason === 'conflict' ? { notice: t.refused.lostRace } : spec.refused(result.reason, t));
    };

  /** R1: the department communicator names who decides the chief step (no manager, or the manager away). */
  const assign = picked({
    schema: assignData,
    check: (state, actor, approvers, t) => (waitingStep(state) !== 'chief' ? t.refused.notWaiting : actor !== approvers.communicator ? t.assign.notAllowed : undefined),
    command: (person, approvers, data, turn) => ({ type: 'AssignApprover', meta: { actor: turn.user, now: deps.clock().toISOString(), approvers, version: Number(data.version) }, person }),
    done: (name, t) => t.assign.done(name),
    refused: (reason, t) => (reason === 'ownPlan' ? { assignError: t.assign.applicant } : { notice: reason === 'notAllowed' ? t.assign.notAllowed : t.refused.notWaiting }),
  });

  /** The owner left: their chief, the communicator or the communications chief names who takes over. */
  const appoint = picked({
    schema: appointData,
    check: (state, actor, approvers, t) => (!ownerLeftAt(state) ? t.appoint.notNeeded : !mayAppointOwner(state, actor, approvers) ? t.refused.notApprover : undefined),
    command: (newOwner, approvers, _data, turn) => ({ type: 'AppointOwner', meta: { actor: turn.user, now: deps.clock().toISOString(), approvers }, newOwner }),
    done: (name, t) => t.appoint.done(name),
    refused: (reason, t) => (reason === 'ownPlan' ? { assignError: t.assign.unknown } : { notice: reason === 'notAllowed' ? t.refused.notApprover : t.appoint.notNeeded }),
  });

  /** The applicant takes back a plan nobody has decided on yet; it is a draft again. */
  const withdraw: CardHandler = async (turn) => {
    const t = texts(turn.locale).approval;
    const parsed = onVersion.safeParse(turn.data);
    if (!parsed.success) return say(turn, 'unreadable');
    const stored = await deps.assignments.get(parsed.data.assignmentId);
    if (!stored?.value.plan) return say(turn, 'notFound');
    if (stored.value.applicant.aadObjectId !== turn.user.aadObjectId) return messageCard(await loadView(deps, turn.locale), texts(turn.locale).plan.notices.notYours);
    const command: Command = { type: 'WithdrawPlan', meta: { actor: turn.user, now: deps.clock().toISOString(), version: parsed.data.version } };
    const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
    if (result.ok) return cardFor(turn, result.state, { done: t.withdrawn });
    const now = (await deps.assignments.get(stored.value.id))?.value ?? stored.value;
    return cardFor(turn, now, { notice: result.reason === 'conflict' ? t.refused.lostRace : result.reason === 'oldVersion' ? t.refused.oldVersion : t.refused.notWaiting });
  };

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
