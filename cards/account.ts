import accountAdmins from './accountAdmins.json';
import accountClose from './accountClose.json';
import accountList from './accountList.json';
import accountOwner from './accountOwner.json';
import type { Choice, NoticeStyle } from './plan';
import register from './register.json';
import removal from './removal.json';
import type { Verb } from './verbs';
import { expand } from './template';

interface Notice {
  readonly notice?: string;
  readonly noticeStyle?: NoticeStyle;
}

/** The register in Teams: a page of accounts, filterable by department. */
export interface RegisterCardData {
  readonly title: string;
  readonly intro: string;
  readonly departmentLabel: string;
  readonly department: string;
  readonly departments: readonly Choice[];
  readonly filterLabel: string;
  readonly summary: string;
  readonly entries: readonly {
    readonly accountName: string;
    /** The account's address as a link (an Action.OpenUrl: never markdown); none when it is not an https address. */
    readonly accountUrl?: string;
    readonly platform: string;
    readonly facts: readonly Choice[];
    /** "Hämta akten", for those who may (R4). */
    readonly record?: { readonly title: string; readonly assignmentId: string };
    /** GDPR: stop or allow the clean-up of the account, for the communications chief. */
    readonly hold?: { readonly title: string; readonly assignmentId: string; readonly hold: 'on' | 'off' };
  }[];
  readonly previous?: { readonly title: string; readonly page: number };
  readonly next?: { readonly title: string; readonly page: number };
  readonly openPage: string;
  readonly pageUrl: string;
}

/** "Mina konton": the owner's accounts, their status and duties. */
export interface AccountListCardData extends Notice {
  readonly title: string;
  readonly empty: string;
  /** The owner's duties, once for all their accounts in use (R5, R6, R10, R13, R14, R15). */
  readonly dutiesTitle: string;
  readonly duties: readonly { readonly text: string }[];
  readonly accounts: readonly {
    readonly id: string;
    readonly name: string;
    readonly status: string;
    readonly active: boolean;
    readonly facts: readonly Choice[];
    /** What the account has due now, each with the buttons (and input) that do it, as its nudge card has them. */
    readonly dueTitle: string;
    readonly due: readonly {
      readonly text: string;
      readonly field?: { readonly id: string; readonly label: string; readonly value: string };
      readonly dates?: readonly { readonly id: string; readonly label: string; readonly value: string }[];
      readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
    }[];
    /** R6: the evaluation, to write at any time: the earliest not written. */
    readonly evaluation?: { readonly title: string; readonly data: Readonly<Record<string, string>> };
    readonly changeLabel: string;
    /** R6: change the approved activity plan (verb `plan.change`). */
    readonly planChangeLabel: string;
    readonly ownerLabel: string;
    readonly closeLabel: string;
    /** R14: record a removed post on the account. */
    readonly removalLabel: string;
  }[];
}

/** The closing checklist (R11). */
export interface AccountCloseCardData extends Notice {
  readonly title: string;
  readonly intro: string;
  readonly assignmentId: string;
  readonly t: { readonly finalSnapshot: string; readonly finalReference: string; readonly closedOnPlatform: string; readonly followersPointedToWebsite: string };
  /** An account's closing checklist; a monitoring assignment (R2) ends without one. */
  readonly checklist: boolean;
  /** The last snapshot already in (uploaded in the chat within 30 days), in words; else the reference is asked for. */
  readonly snapshot?: string;
  /** The archive's reference as typed, on a refused close. */
  readonly reference: string;
  readonly confirm: string;
  readonly back: string;
}

/** Changing who runs an active account (R10, R14). */
export interface AccountAdminsCardData extends Notice {
  readonly title: string;
  readonly intro: string;
  readonly assignmentId: string;
  readonly t: Readonly<Record<string, string>>;
  readonly v: Readonly<Record<string, string>>;
  readonly e: Readonly<Record<string, string>>;
  readonly hints: { readonly required: string };
  /** The people pickers' chosen people (a picker shows a chosen person only as one of its choices): never a list to pick from. */
  readonly p: Readonly<Record<string, readonly Choice[]>>;
  readonly save: string;
  readonly back: string;
}

/** Proposing a new owner; the chief approves it through the approval card. */
export interface AccountOwnerCardData {
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  readonly label: string;
  readonly hint: string;
  readonly send: string;
  readonly back: string;
  readonly assignmentId: string;
}

/** R14: a removed post recorded on an account: which account, when, on which ground, what it said. */
export interface RemovalCardData extends Notice {
  readonly title: string;
  readonly intro: string;
  readonly form: boolean;
  readonly accounts: readonly Choice[];
  readonly grounds: readonly Choice[];
  readonly t: Readonly<Record<'assignmentId' | 'removedOn' | 'ground' | 'what', string>>;
  readonly v: Readonly<Record<'assignmentId' | 'removedOn' | 'ground' | 'what', string>>;
  readonly e: Readonly<Record<string, string>>;
  readonly law: string;
  readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
}

export const removalCard = (data: RemovalCardData) => expand(removal, data);
export const accountOwnerCard = (data: AccountOwnerCardData) => expand(accountOwner, data);
export const registerCard = (data: RegisterCardData) => expand(register, data);
export const accountListCard = (data: AccountListCardData) => expand(accountList, data);
export const accountCloseCard = (data: AccountCloseCardData) => expand(accountClose, data);
export const accountAdminsCard = (data: AccountAdminsCardData) => expand(accountAdmins, data);
