// Longer than most files: what each event of a plan tells whom, in one switch, so no event is announced twice or forgotten.
import { planStatusCard, type AdaptiveCard, type PlanStatusCardData } from '../../../cards';
import { localDate } from '../../domain/calendar';
import { approverOf, waitingStep, type Approvers } from '../../domain/approval';
import { changeWaiting } from '../../domain/planChange';
import type { Assignment } from '../../domain/assignment';
import { isEnabled } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import { sentKey } from '../../store/assignmentLayout';
import type { Outbox } from '../../store/outbox';
import type { Effect } from '../commands/effects';
import { localeOfPerson } from '../messenger';
import { planTitle } from '../shared/planView';
import { changedFieldNames } from '../shared/planChanges';
import { departmentsCardFor } from '../shared/departmentsCard';
import { approversFor, currentApprover } from '../shared/approvers';
import { approvalContext, type ApprovalDeps } from './context';
import { approvalCardFor } from './view';

export interface AnnounceDeps extends ApprovalDeps {
  readonly outbox: Pick<Outbox, 'sent' | 'recordSent'>;
}

/** The approval card for `aad` on `state`, in their language. */
async function approvalCard(deps: ApprovalDeps, state: Assignment, approvers: Approvers, tenantId: string, aad: string) {
  const locale = await localeOfPerson(deps, tenantId, aad);
  return approvalCardFor(await approvalContext(deps, state, locale, approvers, tenantId), state, aad);
}

/**
 * Every card sent about the assignment shows its state as stored now; a copy showing it already is
 * left alone, and so is the copy whose button made the change (`pressed`). A copy Teams asked to try
 * again fails the effect once the others are done, so it stays in the outbox; a copy that is gone is left as it is.
 */
export async function refreshCopies(deps: ApprovalDeps, current: Assignment, tenantId: string, pressed?: string, given?: Approvers): Promise<void> {
  const approvers = given ?? (await approversFor(deps.directory, current));
  let later = 0;
  for (const copy of await deps.assignments.copies(current.id)) {
    if ((copy.shownRevision ?? 0) >= current.revision) continue;
    // The card pressed was changed by the press's own answer; drawing it again would take away what it said.
    if (copy.activityId === pressed) {
      await deps.assignments.addCopy(current.id, { ...copy, shownRevision: current.revision });
      continue;
    }
    const outcome = await deps.messenger.updateCard(tenantId, copy, await approvalCard(deps, current, approvers, tenantId, copy.aadObjectId));
    if (outcome === 'retry') later++;
    else await deps.assignments.addCopy(current.id, { ...copy, shownRevision: current.revision });
  }
  if (later > 0) throw new Error(`${later} card(s) about ${current.id} not updated yet`);
}

/**
 * What one event of a submitted plan means for the people concerned: the next approver gets their
 * card, the applicant a copy or the news. Each card is sent once: its record (`sent_…`) is
 * checked before and written after, so an announcement carried out again sends only what is missing.
 * A send Teams asks to try again fails the effect, which then stays in the outbox.
 */
export async function announce(deps: AnnounceDeps, effect: Extract<Effect, { kind: 'announce' }>, given?: Approvers): Promise<void> {
  const { event, state, reach } = effect;
  const approvers = given ?? (await approversFor(deps.directory, state));
  const keyOf = (purpose: string) => sentKey(state.revision, effect.index, purpose);

  /** Sends the card once; true if it reached them. */
  const once = async (purpose: string, aad: string, card: () => Promise<AdaptiveCard>, keep: boolean): Promise<boolean> => {
    const known = await deps.outbox.sent(state.id, keyOf(purpose));
    if (known) return known.delivered;
    // Nothing goes to someone who left: no send, no record of one.
    const person = await deps.directory.person(aad);
    if (person && !isEnabled(person)) return false;
    const delivery = await deps.messenger.sendCard(reach, aad, await card());
    if (!delivery.ok && delivery.reason === 'retry') throw new Error(`card ${purpose} to ${aad} not sent yet: ${delivery.detail}`);
    const copy = keep && delivery.ok ? { ...delivery.sent, shownRevision: state.revision } : undefined;
    await deps.outbox.recordSent(state.id, keyOf(purpose), { delivered: delivery.ok, ...(copy ? { copy } : {}) });
    return delivery.ok;
  };
  const deliver = (purpose: string, aad: string) => once(purpose, aad, () => approvalCard(deps, state, approvers, reach.tenantId, aad), true);
  // Someone with several plans must see which one the news is about.
  const news = (purpose: string, aad: string, paragraphs: (t: ReturnType<typeof texts>, locale: Locale) => string[], actions: (t: ReturnType<typeof texts>) => PlanStatusCardData['actions'] = () => []) =>
    once(purpose, aad, async () => {
      const locale = await localeOfPerson(deps, reach.tenantId, aad);
      const t = texts(locale);
      const facts = [{ title: t.plan.mine.about, value: planTitle(locale, state) }];
      return planStatusCard({ heading: t.plan.heading, title: t.plan.mine.status[state.status], paragraphs: paragraphs(t, locale).map((text) => ({ text })), facts, actions: actions(t) });
    }, false);
  const applicant = state.applicant.aadObjectId;
  const tell = (paragraphs: (t: ReturnType<typeof texts>) => string[], withEdit = false) =>
    news('news', applicant, paragraphs, (t): PlanStatusCardData['actions'] => [
      ...(withEdit ? [{ title: t.approval.toApplicant.edit, verb: 'plan.resume' as const, data: { draftId: state.id } }] : []),
      // An active account is looked after from "mina konton".
      ...(state.status === 'active' && state.plan?.kind === 'account' ? [{ title: t.welcome.actions.myAccounts, verb: 'account.mine' as const, data: {} }] : []),
      { title: t.plan.actions.mine, verb: 'plan.mine', data: {} },
    ]);
  const nameOf = async (aad: string | undefined) => (aad ? (await deps.directory.person(aad))?.name : undefined) ?? aad ?? '';
  /**
   * The card to the approver whose turn it is; if they cannot be reached, the applicant hears whom to
   * ask. A chief step nobody can decide (no manager) goes to the department communicator to name
   * who does (R1). Returns who decides, if anyone.
   */
  const toApprover = async (): Promise<string | undefined> => {
    const approver = currentApprover(state, approvers);
    if (!approver) {
      const step = waitingStep(state);
      if (step === 'chief' && approvers.communicator) await deliver('assign', approvers.communicator);
      // A department without a communicator: the communications chief names one, and the plan moves on to them.
      if (step === 'communicator' && approvers.commsChief) {
        const chief = approvers.commsChief;
        await once('noCommunicator', chief, async () => {
          const locale = await localeOfPerson(deps, reach.tenantId, chief);
          const department = (state.plan && (await deps.directory.department(state.plan.who.departmentId))?.name) ?? '';
          return departmentsCardFor(deps, locale, chief, { notice: texts(locale).organisation.waitingForCommunicator(state.applicant.name, department), noticeStyle: 'warning' });
        }, false);
      }
      return undefined;
    }
    if (await deliver('approver', approver)) return approver;
    const name = await nameOf(approver);
    await news('unreachable', applicant, (t) => [t.approval.toApplicant.unreachable(name)], (t) => [{ title: t.plan.actions.mine, verb: 'plan.mine', data: {} }]);
    return approver;
  };

  switch (event.type) {
    case 'PlanSubmitted':
      await toApprover();
      await deliver('applicant', applicant);
      return;
    case 'PlanApproved': {
      if (state.status === 'active') {
        await tell((t) =>
          state.plan?.kind === 'account'
            ? [t.approval.toApplicant.active(Date.parse(state.activatedAt) > Date.parse(event.at) ? localDate(state.activatedAt) : undefined), t.approval.toApplicant.dutiesTitle, ...t.approval.toApplicant.duties.map((d) => `- ${d}`)]
            : [t.approval.toApplicant.monitoringActive],
        );
        return;
      }
      const next = await nameOf(currentApprover(state, approvers));
      await tell((t) => [t.approval.toApplicant.approvedBy(event.by.name, next)]);
      await toApprover();
      return;
    }
    // R1: the chief is asked to fill in the draft with the applicant; the applicant hears what the chief changed.
    case 'ChiefAsked':
      await news('together', event.chief.aadObjectId, (t) => [t.plan.together.toChief(state.applicant.name)], (t) => [{ title: t.plan.together.open, verb: 'plan.together', data: { draftId: state.id } }]);
      return;
    case 'StepSaved':
      await tell((t) => [t.plan.together.toApplicant(event.by.name), ...changedFieldNames(t, event.changed ?? []).map((name) => `- ${name}`)], true);
      return;
    case 'PlanCorrected':
      await tell((t) => [t.plan.together.corrected(event.by.name, event.version), ...changedFieldNames(t, event.changed).map((name) => `- ${name}`)]);
      return;
    case 'ChangesRequested':
      await tell((t) => [t.approval.toApplicant.changesRequested(event.by.name), `"${event.comment}"`], true);
      return;
    case 'PlanRejected':
      await tell((t) => [t.approval.toApplicant.rejected(event.by.name), `"${event.comment}"`]);
      return;
    case 'OwnerChangeProposed':
      await toApprover();
      return;
    case 'OwnerChangeApproved': {
      const account = state.plan?.kind === 'account' ? state.plan.channel.accountName : '';
      await news('previousOwner', event.previousOwner.aadObjectId, (t) => [t.approval.toOwner.approved(event.newOwner.name, event.by.name)]);
      await tell((t) => [t.approval.toOwner.youOwn(account, event.by.name)]);
      return;
    }
    case 'OwnerChangeRejected':
      await tell((t) => [t.approval.toOwner.rejected(event.by.name), `"${event.comment}"`]);
      return;
    case 'ApproverAssigned':
    case 'ApprovalMoved': {
      // The applicant hears who decides now; an owner change waits on its owner's chief, nobody applied.
      const decides = await toApprover();
      if (state.status === 'active') return;
      const name = decides && (await nameOf(decides));
      await tell((t) => [name ? t.approval.toApplicant.movedTo(name) : t.approval.toApplicant.toCommunicator]);
      return;
    }
    case 'SubstituteLeft': {
      const account = state.plan?.kind === 'account' ? state.plan.channel.accountName : '';
      await tell((t) => [t.approval.toOwner.substituteLeft(event.substitute.name, account)]);
      return;
    }
    case 'ApplicantLeft': {
      // The chief hears, and whoever the plan waited for if that was someone else; the applicant, who left, nothing.
      const chief = approvers.chief ?? state.plan?.who.chiefAadObjectId;
      const waitedFor = approverOf(state, event.step, approvers);
      for (const [purpose, aad] of [['chief', chief], ['approver', waitedFor]] as const) {
        if (aad && (purpose === 'chief' || aad !== chief)) await news(`applicantLeft_${purpose}`, aad, (t) => [t.approval.applicantLeft(event.applicant.name)]);
      }
      return;
    }
    // R6: a change of an approved plan, announced as a plan is.
    case 'ChangeSubmitted':
      await toApprover();
      await deliver('applicant', applicant);
      return;
    case 'ChangeApproved': {
      if (changeWaiting(state)) {
        const next = await nameOf(currentApprover(state, approvers));
        await tell((t) => [t.planChange.toOwner.approvedBy(event.by.name, next)]);
        await toApprover();
        return;
      }
      await tell((t) => [t.planChange.toOwner.inForce(event.version)]);
      // Approved by the chief alone: the department communicator is told what changed (a short card).
      const communicator = approvers.communicator;
      if (event.step !== 'chief' || !communicator || communicator === applicant || state.plan?.kind !== 'account') return;
      const sent = (await deps.audit.history(state.id)).find((r) => r.type === 'ChangeSubmitted' && r.version === event.version);
      await news('communicator', communicator, (t, locale) => [t.planChange.toCommunicator(state.applicant.name, planTitle(locale, state), changedFieldNames(t, sent?.changed?.split(',') ?? []).join(', '), event.by.name)]);
      return;
    }
    case 'ChangeRequested':
      await news('news', applicant, (t) => [t.planChange.toOwner.requested(event.by.name), `"${event.comment}"`], (t): PlanStatusCardData['actions'] => [
        { title: t.planChange.action, verb: 'plan.change', data: { assignmentId: state.id } },
        { title: t.plan.actions.mine, verb: 'plan.mine', data: {} },
      ]);
      return;
    case 'ChangeRejected':
      await tell((t) => [t.planChange.toOwner.rejected(event.by.name), `"${event.comment}"`]);
      return;
    default: {
      const unplaced: never = event;
      throw new Error(`No announcement for ${JSON.stringify(unplaced)}`);
    }
  }
}
