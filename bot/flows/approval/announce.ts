import { planStatusCard, type PlanStatusCardData } from '../../../cards';
import { DateTime } from 'luxon';
import type { Approvers } from '../../domain/approval';
import { passiveSince, type DutySettings } from '../../domain/duties';
import type { Assignment, Event } from '../../domain/assignment';
import { localeOf, type Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { AssignmentStore } from '../../store/assignments';
import type { AuditLog } from '../../store/audit';
import type { ConversationReferences } from '../../store/conversations';
import type { DirectoryStore } from '../../store/directory';
import type { Announce } from '../lifecycle';
import type { Delivery, Messenger } from '../messenger';
import { loadView } from '../plan/session';
import { planTitle } from '../plan/view';
import { approversFor, currentApprover } from './approvers';
import { approvalCardFor, type ApprovalContext } from './view';


export interface ApprovalDeps {
  readonly clock: () => Date;
  readonly dutySettings: DutySettings;
  readonly assignments: AssignmentStore;
  readonly audit: AuditLog;
  readonly directory: DirectoryStore;
  readonly conversations: ConversationReferences;
  readonly messenger: Messenger;
  readonly platforms: readonly string[];
  readonly forcedLocale?: Locale;
}

/** Everything an approval card needs, for one language. */
export async function approvalContext(deps: ApprovalDeps, state: Assignment, locale: Locale, approvers: Approvers, tenantId: string): Promise<ApprovalContext> {
  const approverAad = currentApprover(state, approvers);
  const [view, history, versions, approverRef] = await Promise.all([
    loadView(deps, locale),
    deps.audit.history(state.id),
    state.version > 1 ? deps.assignments.versions(state.id) : Promise.resolve([]),
    approverAad ? deps.conversations.user(tenantId, approverAad) : Promise.resolve(undefined),
  ]);
  return {
    passiveSince: passiveSince(state, DateTime.fromJSDate(deps.clock()), deps.dutySettings),
    view,
    history,
    previous: versions.find((v) => v.version === state.version - 1)?.plan,
    communicatorAadObjectId: approvers.communicator,
    approver: approverAad ? { aadObjectId: approverAad, userId: approverRef?.userId ?? approverAad } : undefined,
  };
}

/**
 * After every change of a submitted plan: each copy of its card shows the new state, the next
 * approver gets their card, and the applicant is told what happened and what comes next.
 */
export function announcer(deps: ApprovalDeps): Announce {
  return async (events, state, reach) => {
    if (!state.plan) return;
    const approvers = await approversFor(deps.directory, state);
    const contexts = new Map<Locale, Promise<ApprovalContext>>();
    const localeFor = async (aad: string) =>
      localeOf((await deps.conversations.user(reach.tenantId, aad))?.locale, deps.forcedLocale);
    const cardFor = async (aad: string) => {
      const locale = await localeFor(aad);
      if (!contexts.has(locale)) contexts.set(locale, approvalContext(deps, state, locale, approvers, reach.tenantId));
      return approvalCardFor(await contexts.get(locale)!, state, aad);
    };
    const deliver = async (aad: string): Promise<Delivery> => {
      const delivery = await deps.messenger.sendCard(reach, aad, await cardFor(aad));
      if (delivery.ok) await deps.assignments.addCopy(state.id, delivery.sent);
      return delivery;
    };
    // Someone with several plans must see which one the news is about.
    const about = (locale: Locale) => [{ title: texts(locale).plan.mine.about, value: planTitle(locale, state) }];
    const tellPerson = async (aad: string, paragraphs: (t: ReturnType<typeof texts>) => string[]) => {
      const locale = await localeFor(aad);
      const t = texts(locale);
      const card = planStatusCard({ heading: t.plan.heading, title: t.plan.mine.status[state.status], paragraphs: paragraphs(t).map((text) => ({ text })), facts: about(locale), actions: [] });
      await deps.messenger.sendCard(reach, aad, card);
    };
    const tell = async (paragraphs: (t: ReturnType<typeof texts>) => string[], withEdit = false) => {
      const locale = await localeFor(state.applicant.aadObjectId);
      const t = texts(locale);
      const actions: PlanStatusCardData['actions'] = [
        ...(withEdit ? [{ title: t.approval.toApplicant.edit, verb: 'plan.resume', data: { draftId: state.id } } as const] : []),
        { title: t.plan.actions.mine, verb: 'plan.mine', data: {} },
      ];
      const card = planStatusCard({ heading: t.plan.heading, title: t.plan.mine.status[state.status], paragraphs: paragraphs(t).map((text) => ({ text })), facts: about(locale), actions });
      await deps.messenger.sendCard(reach, state.applicant.aadObjectId, card);
    };
    const nameOf = async (aad: string | undefined) => (aad ? (await deps.directory.person(aad))?.name : undefined) ?? aad ?? '';
    /** The card to the approver whose turn it is; if they cannot be reached, the applicant hears whom to ask. */
    const toApprover = async () => {
      const approver = currentApprover(state, approvers);
      if (!approver) return;
      const delivery = await deliver(approver);
      if (!delivery.ok) {
        const name = await nameOf(approver);
        await tell((t) => [t.approval.toApplicant.unreachable(name)]);
      }
    };

    for (const copy of await deps.assignments.copies(state.id)) {
      await deps.messenger.updateCard(reach.tenantId, copy, await cardFor(copy.aadObjectId));
    }
    for (const event of events) await announceOne(event);

    async function announceOne(event: Event): Promise<void> {
      switch (event.type) {
        case 'PlanSubmitted':
          await toApprover();
          await deliver(state.applicant.aadObjectId);
          return;
        case 'PlanApproved': {
          if (state.status === 'active') {
            await tell((t) =>
              state.plan?.kind === 'account'
                ? [t.approval.toApplicant.active, t.approval.toApplicant.dutiesTitle, ...t.approval.toApplicant.duties.map((d) => `- ${d}`)]
                : [t.approval.toApplicant.monitoringActive],
            );
            return;
          }
          const next = await nameOf(currentApprover(state, approvers));
          await tell((t) => [t.approval.toApplicant.approvedBy(event.by.name, next)]);
          await toApprover();
          return;
        }
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
          await tellPerson(event.previousOwner.aadObjectId, (t) => [t.approval.toOwner.approved(event.newOwner.name, event.by.name)]);
          await tell((t) => [t.approval.toOwner.youOwn(account, event.by.name)]);
          return;
        }
        case 'OwnerChangeRejected':
          await tell((t) => [t.approval.toOwner.rejected(event.by.name), `"${event.comment}"`]);
          return;
        default:
          return;
      }
    }
  };
}
