import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards';
import { mayView, waitingStep, type ApprovalRefusal } from '../../domain/approval';
import { mayAppointOwner, ownerLeftAt } from '../../domain/routing';
import { isEnabled } from '../../domain/directory';
import { cardId, wholeNumber } from '../../domain/fields';
import type { Assignment, Command } from '../../domain/assignment';
import { texts } from '../../i18n';
import type { Stored } from '../../store/repository';
import type { FlowDeps } from '../deps';
import type { CardHandler, CardTurn } from '../turn';
import { loadView } from '../plan/session';
import { messageCard } from '../plan/status';
import { approvalContext, type ApprovalDeps } from './announce';
import { approversFor, currentApprover } from './approvers';
import { approvalCardFor, type ApprovalShown } from './view';

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

  /** R1: the department communicator names who decides the chief step (no manager, or the manager away). */
  const assign: CardHandler = async (turn) => {
    const t = texts(turn.locale).approval;
    const parsed = assignData.safeParse(turn.data);
    if (!parsed.success) return say(turn, 'unreadable');
    const stored = await deps.assignments.get(parsed.data.assignmentId);
    if (!stored?.value.plan) return say(turn, 'notFound');
    const approvers = await approversFor(deps.directory, stored.value);
    // Someone with no part in the plan sees nothing of it.
    if (!mayView(stored.value, turn.user.aadObjectId, approvers)) return messageCard(await loadView(deps, turn.locale), texts(turn.locale).plan.notices.notYours);
    // Said first, so that a refused pick is only ever shown under a picker the card has.
    if (waitingStep(stored.value) !== 'chief') return cardFor(turn, stored.value, { notice: t.refused.notWaiting });
    if (turn.user.aadObjectId !== approvers.communicator) return cardFor(turn, stored.value, { notice: t.assign.notAllowed });
    const person = parsed.data.person ? await deps.directory.person(parsed.data.person) : undefined;
    if (!person || !isEnabled(person)) return cardFor(turn, stored.value, { assignError: t.assign.unknown });
    const command: Command = {
      type: 'AssignApprover',
      meta: { actor: turn.user, now: deps.clock().toISOString(), approvers, version: parsed.data.version },
      person: { aadObjectId: person.aadObjectId, name: person.name },
    };
    const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
    if (result.ok) return cardFor(turn, result.state, { done: t.assign.done(person.name) });
    if (result.reason === 'ownPlan') return cardFor(turn, stored.value, { assignError: t.assign.applicant });
    const now = (await deps.assignments.get(stored.value.id))?.value ?? stored.value;
    return cardFor(turn, now, { notice: result.reason === 'notAllowed' ? t.assign.notAllowed : result.reason === 'conflict' ? t.refused.lostRace : t.refused.notWaiting });
  };

  /** The owner left: their chief, the communicator or the communications chief names who takes over. */
  const appoint: CardHandler = async (turn) => {
    const t = texts(turn.locale).approval;
    const parsed = appointData.safeParse(turn.data);
    if (!parsed.success) return say(turn, 'unreadable');
    const stored = await deps.assignments.get(parsed.data.assignmentId);
    if (!stored?.value.plan) return say(turn, 'notFound');
    const approvers = await approversFor(deps.directory, stored.value);
    // Someone with no part in the plan sees nothing of it.
    if (!mayView(stored.value, turn.user.aadObjectId, approvers)) return messageCard(await loadView(deps, turn.locale), texts(turn.locale).plan.notices.notYours);
    if (!ownerLeftAt(stored.value)) return cardFor(turn, stored.value, { notice: t.appoint.notNeeded });
    if (!mayAppointOwner(stored.value, turn.user.aadObjectId, approvers)) return cardFor(turn, stored.value, { notice: t.refused.notApprover });
    const person = parsed.data.person ? await deps.directory.person(parsed.data.person) : undefined;
    if (!person || !isEnabled(person)) return cardFor(turn, stored.value, { assignError: t.assign.unknown });
    const command: Command = { type: 'AppointOwner', meta: { actor: turn.user, now: deps.clock().toISOString(), approvers }, newOwner: { aadObjectId: person.aadObjectId, name: person.name } };
    const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
    if (result.ok) return cardFor(turn, result.state, { done: t.appoint.done(person.name) });
    if (result.reason === 'ownPlan') return cardFor(turn, stored.value, { assignError: t.assign.unknown });
    const now = (await deps.assignments.get(stored.value.id))?.value ?? stored.value;
    return cardFor(turn, now, { notice: result.reason === 'notAllowed' ? t.refused.notApprover : result.reason === 'conflict' ? t.refused.lostRace : t.appoint.notNeeded });
  };

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
