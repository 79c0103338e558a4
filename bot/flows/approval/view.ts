import { localStamp } from '../../domain/calendar';
import { approvalCard, type AdaptiveCard, type ApprovalCardData, type Choice } from '../../../cards';
import { answersOf, stepsFor } from '../../domain/activityPlan';
import { mayClose } from '../../domain/account';
import { routedDepartment, versionWaiting, waitingStep, type Approvers } from '../../domain/approval';
import { changeWaiting, mayStartChange } from '../../domain/planChange';
import { changedFieldName } from '../shared/planChanges';
import { planDiff } from '../../domain/planDiff';
import type { ActivityPlan } from '../../domain/activityPlan';
import { mayAppointOwner, ownerLeftAt } from '../../domain/routing';
import { editable, type Assignment } from '../../domain/assignment';
import { texts } from '../../i18n';
import type { AuditRecord } from '../../domain/auditRecord';
import { historyText, quoted } from '../shared/history';
import { communicatorOf, planFacts } from '../shared/planFacts';
import { shortened } from '../turn';
import type { PlanView } from '../shared/planView';
import { chiefsDataset } from './chiefSearch';

/** What an approval card shows besides the assignment. */
export interface ApprovalContext {
  readonly view: PlanView;
  readonly history: readonly AuditRecord[];
  /** The plan version before this one, to show what changed. */
  readonly previous?: Assignment['plan'];
  /** The department communicator, who may close an active account. */
  readonly communicatorAadObjectId?: string;
  /** Who decides each step now (from the directory). */
  readonly approvers: Approvers;
  /** Whose turn it is, and their Teams user id for `refresh`. */
  readonly approver?: { readonly aadObjectId: string; readonly userId: string };
  /** R11: set when the account has not been confirmed in use and the check has escalated. */
  readonly passiveSince?: string;
}


/** What happened on the card: `done` what was done (green), `notice` what was refused, the errors under their inputs. */
export interface ApprovalShown {
  readonly done?: string;
  readonly notice?: string;
  readonly error?: string;
  readonly assignError?: string;
}

/** The plan as `viewer` sees it: with the decision inputs only if it is their turn. */
export function approvalCardFor(
  context: ApprovalContext,
  state: Assignment,
  viewerAadObjectId: string,
  shown: ApprovalShown = {},
): AdaptiveCard {
  const { view } = context;
  const t = texts(view.locale).approval;
  // R6: a change waiting for a decision is what its approvers decide on; the version in force is what it changes.
  const change = changeWaiting(state);
  const plan = change?.plan ?? state.plan;
  const name = (aad: string | undefined) => (aad && view.people.get(aad)?.name) || aad || '';
  const channel = plan?.kind === 'account' ? `${plan.channel.accountName} (${plan.channel.platform})` : t.monitoring;
  const yourTurn = context.approver?.aadObjectId === viewerAadObjectId && waitingStep(state) !== undefined;
  const communicator = communicatorOf(view, state);
  const details = plan
    ? stepsFor(plan.kind).map((step) => ({
        title: texts(view.locale).plan[step].title,
        facts: planFacts(view, plan.kind, step, answersOf(plan, step), communicator),
      }))
    : [];
  const data: ApprovalCardData = {
    heading: t.heading,
    title: t.title(state.applicant.name, channel),
    ...status(context, state, yourTurn, name),
    notice: shown.done ?? shown.notice,
    noticeColor: shown.done ? 'Good' : 'Attention',
    assignmentId: state.id,
    version: versionWaiting(state),
    step: waitingStep(state) ?? '',
    refreshUserIds: context.approver ? [context.approver.userId] : [],
    facts: summary(context, state),
    changes: change && state.plan ? changedLines(view, state.plan, change.plan) : changes(context, details, communicator),
    details,
    // The latest events: an account's years of duties and removals would grow the card past what Teams takes.
    history: [
      ...(context.history.length > historyShown ? [{ text: texts(view.locale).approval.historyEarlier(context.history.length - historyShown) }] : []),
      ...context.history.slice(-historyShown).map((e) => ({
        text: `${localStamp(e.at)} · ${e.actorName} ${historyText(view, e)}${e.comment ? `: ${quoted(view.locale, shortened(e.comment))}` : ''}`,
      })),
    ],
    labels: change ? { ...t.labels, changes: texts(view.locale).planChange.changesTitle } : t.labels,
    decide: yourTurn ? { ...t.decide, error: shown.error } : undefined,
    assign: assignFor(context, state, viewerAadObjectId, shown.assignError),
    withdrawLabel:
      viewerAadObjectId !== state.applicant.aadObjectId ? undefined : state.status === 'awaiting_chief' ? t.withdraw : change ? texts(view.locale).planChange.withdraw : undefined,
    planChangeLabel: mayStartChange(state, viewerAadObjectId, context.approvers.chief) ? texts(view.locale).planChange.action : undefined,
    editLabel: editable(state) && viewerAadObjectId === state.applicant.aadObjectId ? t.toApplicant.edit : undefined,
    correctLabel: yourTurn && state.status === 'awaiting_chief' ? texts(view.locale).plan.together.correct : undefined,
    closeLabel:
      state.status === 'active' && mayClose(state, viewerAadObjectId, { chief: context.approvers.chief, communicator: context.communicatorAadObjectId })
        ? state.plan.kind === 'account'
          ? texts(view.locale).account.close
          : texts(view.locale).account.endMonitoring.title
        : undefined,
  };
  return approvalCard(data);
}

/** A value of the plan as the list of changes shows it: short, people by name. */
function shownValue(view: PlanView, value: unknown): string {
  const one = (v: unknown): string => (typeof v === 'string' ? (view.people.get(v)?.name ?? v) : typeof v === 'boolean' ? (v ? '✓' : '–') : '');
  const text = Array.isArray(value) ? value.map(one).join('; ') : one(value);
  return shortened(text || '–', changeShown);
}

/** R6: what a change alters against the version in force, field by field (planDiff), each value shortened: the card stays small with every field changed. */
function changedLines(view: PlanView, before: ActivityPlan, after: ActivityPlan): Choice[] {
  const t = texts(view.locale);
  return planDiff(before, after).map((c) => ({ title: changedFieldName(t, c), value: `${shownValue(view, c.before)} → ${shownValue(view, c.after)}` }));
}

/** How much of each value the list of changes shows, and the summary at the top (the whole version is under "Visa hela aktivitetsplanen"): the card stays under Teams' 40 KB with every field at its longest. */
const changeShown = 100;
const summaryShown = 300;

/** Someone to name on the card, if the viewer may: a new owner once the owner left; who decides the chief step. */
function assignFor(context: ApprovalContext, state: Assignment, viewer: string, error: string | undefined): ApprovalCardData['assign'] {
  const t = texts(context.view.locale).approval;
  if (ownerLeftAt(state) && mayAppointOwner(viewer, context.approvers)) {
    return { intro: t.appoint.intro(state.applicant.name), label: t.appoint.label, button: t.appoint.button, verb: 'approval.appoint', dataset: 'graph.microsoft.com/users', error };
  }
  // R1: the department communicator names who decides the chief step: always when the applicant has no manager, or in their place;
  // the picker offers the chiefs of the department the plan waits in and of the communications chief's.
  if (waitingStep(state) === 'chief' && viewer === context.communicatorAadObjectId && viewer !== state.applicant.aadObjectId) {
    const dataset = chiefsDataset(routedDepartment(state) ?? '');
    return { intro: context.approver ? t.assign.intro : t.assign.noChief, label: t.assign.label, button: t.assign.button, verb: 'approval.assign', dataset, error };
  }
  return undefined;
}

function status(context: ApprovalContext, state: Assignment, yourTurn: boolean, name: (aad?: string) => string) {
  const t = texts(context.view.locale).approval;
  const step = waitingStep(state);
  if (state.status === 'active' && state.pendingOwner) {
    const newOwner = state.pendingOwner.person.name;
    return { status: yourTurn ? t.ownerChangeYourTurn(newOwner) : t.ownerChange(newOwner, name(context.approver?.aadObjectId)), statusStyle: 'accent' as const };
  }
  if (ownerLeftAt(state)) return { status: t.appoint.status(state.applicant.name), statusStyle: 'warning' as const };
  if (step === 'chief' && !context.approver) return { status: t.waitingForAssign, statusStyle: 'warning' as const };
  if (state.status === 'draft' && state.planVersion > 0) return { status: t.withdrawnForApprover, statusStyle: 'emphasis' as const };
  if (step) {
    return { status: yourTurn ? t.yourTurn : t.waitingFor(name(context.approver?.aadObjectId), t.roles[step]), statusStyle: 'accent' as const };
  }
  switch (state.status) {
    case 'changes_requested':
      return { status: t.status.changes_requested(state.decidedBy.name), statusStyle: 'attention' as const };
    case 'rejected':
      return { status: t.status.rejected(state.decidedBy.name), statusStyle: 'attention' as const };
    case 'active':
      return context.passiveSince
        ? { status: t.status.passive(context.passiveSince), statusStyle: 'attention' as const }
        : { status: t.status.active, statusStyle: 'good' as const };
    default:
      return { status: texts(context.view.locale).plan.mine.status[state.status], statusStyle: 'emphasis' as const };
  }
}

function summary(context: ApprovalContext, state: Assignment): Choice[] {
  const { view } = context;
  const t = texts(view.locale);
  const change = changeWaiting(state);
  const plan = change?.plan ?? state.plan;
  const nameOf = (id: string | undefined) => view.departments.find((d) => d.id === id)?.name ?? id ?? '';
  const facts: Choice[] = [
    { title: t.approval.facts.applicant, value: state.applicant.name },
    { title: t.approval.facts.department, value: nameOf(plan?.who.departmentId) },
    { title: t.approval.facts.version, value: change ? t.planChange.versionFact(change.version, state.planVersion) : String(state.planVersion) },
  ];
  // R1: a department other than the applicant's in the directory, said to everyone who sees the card; the chief's approval confirms it.
  const other = plan?.who.directoryDepartmentId;
  if (plan && other) {
    const { otherDepartment } = t.approval;
    const confirmed = routedDepartment(state) === plan.who.departmentId;
    facts.push({
      title: otherDepartment.title,
      value: confirmed ? otherDepartment.confirmed(nameOf(other), nameOf(plan.who.departmentId)) : otherDepartment.unconfirmed(state.applicant.name, nameOf(other), nameOf(plan.who.departmentId)),
    });
  }
  if (plan?.kind === 'account') {
    facts.push({ title: t.plan.channel.accountUrl, value: plan.channel.accountUrl });
    facts.push({ title: t.plan.purpose.audience, value: shortened(plan.purpose.audience, summaryShown) });
  }
  if (plan) facts.push({ title: plan.kind === 'monitoring' ? t.plan.purpose.monitoringFact : t.plan.purpose.purpose, value: shortened(plan.purpose.purpose, summaryShown) });
  if ('comment' in state) facts.push({ title: t.approval.facts.comment, value: state.comment });
  return facts;
}

/** The facts of this version that differ from the previous version's. */
function changes(context: ApprovalContext, details: readonly { facts: readonly Choice[] }[], communicator?: string): Choice[] {
  const previous = context.previous;
  if (!previous) return [];
  const before = stepsFor(previous.kind).flatMap((step) =>
    planFacts(context.view, previous.kind, step, answersOf(previous, step), communicator),
  );
  const old = new Map(before.map((f) => [f.title, f.value]));
  return details.flatMap((d) => d.facts).filter((f) => old.has(f.title) && old.get(f.title) !== f.value);
}

/** History lines on the card: the latest this many (the whole history is in the audit, R4). */
const historyShown = 15;
