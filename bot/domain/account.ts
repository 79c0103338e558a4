import type { Steps } from './activityPlan';
import type { Assignment, AssignmentStatus, CommandMeta, FinalSnapshot, PersonRef } from './assignmentTypes';

export type { FinalSnapshot } from './assignmentTypes';
import { rememberedForms, type Removal } from './removal';

/**
 * An active assignment's life after approval: its administration changes (R10, R14) and, when the
 * account is no longer used, it is closed (R11) and leaves the public register (R3).
 */
export interface ClosingChecklist {
  /**
   * The last snapshot of the start page (R15), before the account goes: the PDF uploaded in the chat
   * (a half-year snapshot done within the last 30 days), or the municipal archive's reference for it.
   * Deleting an account deletes public records: no account closes without it.
   */
  readonly finalSnapshot: FinalSnapshot;
  readonly closedOnPlatform: true;
  /** The last post points followers to botkyrka.se (R7). */
  readonly followersPointedToWebsite: true;
}


/** How recent an uploaded snapshot must be to count as the last one when the account closes. */
export const finalSnapshotDays = 30;

/** The snapshot uploaded in the chat within the last 30 days, if any: the one a closing can rest on (R15). */
export function recentSnapshot(state: Assignment, now: string): { readonly period: string; readonly at: string } | undefined {
  if (state.status !== 'active') return undefined;
  const since = Date.parse(now) - finalSnapshotDays * 86_400_000;
  const found = Object.entries(state.dutyLog?.evidence ?? {})
    .filter(([key, evidence]) => key.startsWith('archive|') && evidence.kind === 'snapshot')
    .map(([key]) => ({ period: key.slice('archive|'.length), at: state.dutyLog?.done?.[key] ?? '' }))
    .filter((s) => Date.parse(s.at) >= since)
    .sort((a, b) => b.at.localeCompare(a.at));
  return found[0];
}

/** Whether `aadObjectId` is the substitute of an absence of the owner that covers `day` (YYYY-MM-DD, Stockholm; R14). */
export const substituteOn = (state: Assignment, aadObjectId: string, day: string): boolean =>
  state.status === 'active' && (state.dutyLog?.absences ?? []).some((a) => a.substituteAadObjectId === aadObjectId && a.from <= day && day <= a.to);

/**
 * Whether `aadObjectId` looks after the active account on `day` (R13, R14), and so may report criticism
 * that came to it and record what was removed from it: its owner, its admins, the substitute of an
 * absence then, and the department's communicator (`communicator`, from the directory).
 */
export function looksAfter(state: Assignment, aadObjectId: string, day: string, communicator: string | undefined): boolean {
  if (state.status !== 'active' || state.plan.kind !== 'account') return false;
  return state.applicant.aadObjectId === aadObjectId || state.plan.administration.admins.includes(aadObjectId) || substituteOn(state, aadObjectId, day) || communicator === aadObjectId;
}

/** What an account is called: its name on the platform, or the purpose of a monitoring assignment. */
export const accountName = (state: Assignment): string =>
  state.plan?.kind === 'account' ? `${state.plan.channel.accountName} (${state.plan.channel.platform})` : (state.plan?.purpose.purpose ?? '').slice(0, 60);

export type AccountCommand =
  | {
      readonly type: 'CloseAccount';
      /** Who else may close it, as the directory and the duties say now (R11). */
      readonly meta: CommandMeta & Closers;
      /** An account's closing checklist (R11, R15); a monitoring assignment (R2) has no account to close and none. */
      readonly checklist?: ClosingChecklist;
    }
  | { readonly type: 'ChangeAdministration'; readonly meta: CommandMeta; readonly administration: Steps['administration'] }
  | { readonly type: 'ProposeOwner'; readonly meta: CommandMeta; readonly newOwner: PersonRef }
  /** R14: a removed post recorded on the account; `today` is the Stockholm date the command runs on. */
  | {
      readonly type: 'RecordRemoval';
      readonly meta: CommandMeta & { readonly communicator?: string; readonly today: string };
      readonly removal: Removal;
      /** The form it was written in (a new one each time the form is drawn): the same form twice records once. */
      readonly form: string;
    };

export type AccountEvent =
  | {
      readonly type: 'AccountClosed';
      readonly by: PersonRef;
      readonly at: string;
      readonly checklist?: ClosingChecklist;
      /**
       * In which role someone other than the owner closed it, as the directory said then: the owner's
       * chief, the communicator, or the communications chief asked to close a passive account (R11). The audit's role.
       */
      readonly closedAs?: Exclude<CloserRole, 'owner'>;
    }
  | { readonly type: 'AdministrationChanged'; readonly by: PersonRef; readonly at: string; readonly administration: Steps['administration'] }
  | { readonly type: 'OwnerChangeProposed'; readonly by: PersonRef; readonly at: string; readonly newOwner: PersonRef }
  | { readonly type: 'RemovalRecorded'; readonly by: PersonRef; readonly at: string; readonly removal: Removal; readonly form: string };

export type AccountRefusal = { readonly reason: 'notActive' } | { readonly reason: 'notAllowed' } | { readonly reason: 'alreadyDone' };

export type AccountDecision = { readonly ok: true; readonly events: readonly AccountEvent[] } | ({ readonly ok: false } & AccountRefusal);

/**
 * Whether `aadObjectId` owns the account now (active or closed): what "mina konton" lists. A
 * monitoring assignment (R2) is not an account: it stays in "mina ansökningar".
 */
export const ownsAccount = (state: Assignment, aadObjectId: string): boolean => ownsByFacts(ownershipFacts(state), aadObjectId);

/** An active official account (not a monitoring assignment) that `aadObjectId` owns: whose duties they do. */
export const ownsActiveAccount = (state: Assignment, aadObjectId: string): state is Extract<Assignment, { status: 'active' }> =>
  ownsActiveByFacts(ownershipFacts(state), aadObjectId);

/** What tells who owns an assignment's account, and whether it is in use: kept on each person's index row, so the welcome card reads nothing else. */
export interface OwnershipFacts {
  readonly status: AssignmentStatus;
  /** An account, or monitoring only (R2); undefined before a plan was sent. */
  readonly kind?: 'account' | 'monitoring';
  readonly ownerAadObjectId: string;
}

export const ownershipFacts = (state: Assignment): OwnershipFacts => ({
  status: state.status,
  ...(state.plan ? { kind: state.plan.kind } : {}),
  ownerAadObjectId: state.applicant.aadObjectId,
});

/** `ownsAccount`, from the facts an index row keeps. */
export const ownsByFacts = (facts: OwnershipFacts, aadObjectId: string): boolean =>
  (facts.status === 'active' || facts.status === 'closed') && facts.kind === 'account' && facts.ownerAadObjectId === aadObjectId;

/** `ownsActiveAccount`, from the facts an index row keeps. */
export const ownsActiveByFacts = (facts: OwnershipFacts, aadObjectId: string): boolean =>
  facts.status === 'active' && facts.kind === 'account' && facts.ownerAadObjectId === aadObjectId;

/**
 * Who besides the owner may close an account, from the directory and the duties as they are now,
 * never from a card. The chief is the owner's manager in the directory today: the chief recorded when
 * the plan was sent may have moved on, or the account changed hands (that one stays in the audit only).
 */
export interface Closers {
  readonly chief?: string;
  readonly communicator?: string;
  /** The communications chief, once the account is passive and they were asked to close it (R11). */
  readonly passiveCommsChief?: string;
}

export type CloserRole = 'owner' | 'chief' | 'communicator' | 'commschief';

/**
 * R11: in which role `actor` may close the account, if they may: its owner, the owner's chief or the
 * department communicator; once it is passive (its activity check escalated unanswered), the
 * communications chief too. R2: a monitoring assignment is the holder's and their chief's to end.
 */
export function closerRole(state: Assignment, actor: string, closers: Closers): CloserRole | undefined {
  if (actor === state.applicant.aadObjectId) return 'owner';
  if (actor === closers.chief) return 'chief';
  if (state.plan?.kind === 'monitoring') return undefined;
  if (actor === closers.communicator) return 'communicator';
  return actor === closers.passiveCommsChief ? 'commschief' : undefined;
}

export const mayClose = (state: Assignment, actor: string, closers: Closers): boolean => closerRole(state, actor, closers) !== undefined;

/** Whether the checklist names a last snapshot that is really there: an upload of the last 30 days, or a reference. */
function finalSnapshotIn(state: Assignment, checklist: ClosingChecklist | undefined, now: string): boolean {
  const final = checklist?.finalSnapshot;
  if (!final) return false;
  return final.kind === 'reference' ? final.reference.trim().length > 0 && final.reference.length <= 200 : recentSnapshot(state, now)?.period === final.period;
}

export function decideAccount(command: AccountCommand, state: Assignment): AccountDecision {
  if (state.status !== 'active') return { ok: false, reason: 'notActive' };
  const { actor, now: at } = command.meta;
  switch (command.type) {
    case 'CloseAccount': {
      // Who closes it in which role: the first that fits (an owner who is also the communicator closes as owner).
      const role = closerRole(state, actor.aadObjectId, command.meta);
      if (!role) return { ok: false, reason: 'notAllowed' };
      // An account closes with its checklist, and its last snapshot in (R15); a monitoring assignment (R2) simply ends.
      if (state.plan.kind === 'account' && !finalSnapshotIn(state, command.checklist, at)) return { ok: false, reason: 'notAllowed' };
      return {
        ok: true,
        events: [{ type: 'AccountClosed', by: actor, at, ...(state.plan.kind === 'account' ? { checklist: command.checklist } : {}), ...(role === 'owner' ? {} : { closedAs: role }) }],
      };
    }
    case 'ChangeAdministration':
      // R10: the owner keeps the administration up to date.
      return actor.aadObjectId === state.applicant.aadObjectId && state.plan?.kind === 'account'
        ? { ok: true, events: [{ type: 'AdministrationChanged', by: actor, at, administration: command.administration }] }
        : { ok: false, reason: 'notAllowed' };
    case 'ProposeOwner': {
      // A new owner needs the chief's approval: the proposal waits for it (see approval.ts); one decision waits at a time (a change of the plan, planChange.ts).
      const owner = state.applicant.aadObjectId;
      const allowed = actor.aadObjectId === owner && command.newOwner.aadObjectId !== owner && !state.pendingOwner && !state.change?.sent;
      return allowed ? { ok: true, events: [{ type: 'OwnerChangeProposed', by: actor, at, newOwner: command.newOwner }] } : { ok: false, reason: 'notAllowed' };
    }
    case 'RecordRemoval':
      if (!looksAfter(state, actor.aadObjectId, command.meta.today, command.meta.communicator)) return { ok: false, reason: 'notAllowed' };
      if (state.dutyLog?.removalForms?.includes(command.form)) return { ok: false, reason: 'alreadyDone' };
      return { ok: true, events: [{ type: 'RemovalRecorded', by: actor, at, removal: command.removal, form: command.form }] };
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}

/** The state after an account event. */
export function evolveAccount(state: Assignment, event: AccountEvent): Assignment {
  if (state.status !== 'active') throw new Error(`${event.type} on a ${state.status} assignment`);
  switch (event.type) {
    case 'AccountClosed':
      // R15: the last snapshot it closed with stays with it (the record shows it).
      return { ...state, status: 'closed', closedAt: event.at, ...(event.checklist ? { finalSnapshot: event.checklist.finalSnapshot } : {}) };
    case 'AdministrationChanged':
      return state.plan.kind === 'account'
        ? { ...state, plan: { ...state.plan, administration: event.administration }, dutyLog: { ...state.dutyLog, adminsChangedAt: event.at } }
        : state;
    case 'OwnerChangeProposed':
      return { ...state, pendingOwner: { person: event.newOwner, proposedAt: event.at } };
    case 'RemovalRecorded':
      // Kept in the audit with the change (R4, R14), not in the state: an account's removals would grow it
      // without end. Only the latest forms are remembered, so one sent twice records once.
      return { ...state, dutyLog: { ...state.dutyLog, removalForms: [...(state.dutyLog?.removalForms ?? []), event.form].slice(-rememberedForms) } };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
