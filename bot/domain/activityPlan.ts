// Longer than most files: the activity plan (bilaga 1) is one schema, step by step.
import { z } from 'zod';
import { enoughAdmins } from './administration';
import { looksLikeCredential } from './credentials';
import { isEnabled, type Person } from './directory';
import { cardId, https as httpsField, isoDate, oneOf, parseFields, text, type FieldError } from './fields';

/**
 * The activity plan (bilaga 1, "Aktivitetsplan för sociala medier"), filled in step by step.
 * Each step is validated on its own as it is saved; `planProblems` says what keeps a whole plan
 * from being submitted. Field errors are codes; the texts for them live in i18n.
 */
export type PlanKind = 'account' | 'monitoring';

export const stepNames = ['who', 'channel', 'purpose', 'administration', 'commitments'] as const;
export type StepName = (typeof stepNames)[number];

/** R2: monitoring only (omvärldsbevakning) has no account, so it skips the account's steps. */
export const stepsFor = (kind: PlanKind): readonly StepName[] =>
  kind === 'account' ? stepNames : ['who', 'purpose', 'commitments'];

export type { FieldError, FieldErrorCode } from './fields';

export const limits = { name: 100, url: 500, text: 2000, goal: 500, goals: 3, admins: 5 } as const;

const https = httpsField(limits.url);

const confirmed = z.literal(true, { error: 'mustConfirm' });

/** The choices a step is validated against: the directory's departments, the configured platforms. */
export interface PlanChoices {
  readonly applicantAadObjectId: string;
  readonly departmentIds: readonly string[];
  /**
   * R1: the applicant's chief is their manager in Entra ID, as the directory says now; nobody picks
   * it. Undefined when they have none (or only themselves, or a leaver): the plan cannot be sent then.
   */
  readonly chief: string | undefined;
  /**
   * R1: the applicant's department in the directory now. They may name another one for the plan, which
   * then records this one too: until the chief confirms the choice by approving, the plan stays with the
   * communicator of this department (approval.ts `routedDepartment`).
   */
  readonly directoryDepartmentId?: string;
  readonly platforms: readonly string[];
  /** Platform → the hosts its accounts are on (a platform not here takes any https address). */
  readonly platformHosts?: Readonly<Record<string, readonly string[]>>;
  /** R7: the hosts of the municipality's own web, where the source page must be (none: any https address). */
  readonly sourceHosts?: readonly string[];
  /**
   * R10, R14: the directory entries of the people the answers name (admins, substitute), looked up
   * before validating; a picked id missing here is not in the directory.
   */
  readonly people: ReadonlyMap<string, Person>;
  /**
   * R10: the communicator of the plan's department, whom Kanalkoll adds to the admins itself and who
   * never counts toward the two (administration.ts). Absent when the department has none.
   */
  readonly communicatorAadObjectId?: string;
}

/** A person picked in a Teams people picker: their Entra ID object id, of someone in the directory who has not left. */
const directoryPerson = (choices: PlanChoices) =>
  text(limits.name).refine((id) => {
    const person = choices.people.get(id);
    return person !== undefined && isEnabled(person);
  }, { error: 'unknownPerson' });

/** Whether `url` is on one of `hosts` (or a subdomain of one); any address when there are none. */
const onHosts = (url: string, hosts: readonly string[] | undefined): boolean => {
  // Not an address at all: the https check says so, and this one has nothing to add.
  if (!hosts || hosts.length === 0 || !URL.canParse(url)) return true;
  const host = new URL(url).hostname.toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
};

/**
 * R6: a goal says how it is measured: a number or a date in it, or what is counted ("fler följare",
 * "andelen frågor som får svar"). A goal such as "Synas mer" is not something an evaluation can check.
 */
const measuring =
  /(?<![\p{L}])(ök|minsk|fler|färre|högre|lägre|kortare|snabbare|större|mindre|fördubbl|halver|hälften|alla(?![\p{L}])|andel|antal|procent|mät|enkät|räckvidd|följare|besök|visning|svar|besvar|deltag|delning|senast|varje(?![\p{L}])|per(?![\p{L}])|number|share|percent|more(?![\p{L}])|fewer|increas|reduc|higher|lower|faster|shorter|measur|survey|reach|follower|visit|view|answer|repl|every(?![\p{L}])|each(?![\p{L}]))/iu;
export const measurable = (goal: string): boolean => /\d/.test(goal) || measuring.test(goal);

/** Each step's schema, built for the choices it is checked against (only the step asked for is built). */
const stepSchemas = {
  who: (choices: PlanChoices) =>
    z
      .object({
        kind: z.enum(['account', 'monitoring'], { error: 'required' }),
        departmentId: oneOf(choices.departmentIds),
      })
      // The chief, and the department in the directory when the plan names another, are recorded from the directory, whatever a card sent.
      .transform(
        (who) =>
          ({
            ...who,
            ...(choices.chief ? { chiefAadObjectId: choices.chief } : {}),
            ...(choices.directoryDepartmentId && choices.directoryDepartmentId !== who.departmentId ? { directoryDepartmentId: choices.directoryDepartmentId } : {}),
          }) as typeof who & { readonly chiefAadObjectId?: string; readonly directoryDepartmentId?: string },
      ),
  // R8: the account name makes the sender clear; R6: a time-limited activity has an end date.
  channel: (choices: PlanChoices) =>
    z
      .object({
        platform: oneOf(choices.platforms),
        accountName: text(limits.name),
        accountUrl: https,
        startDate: isoDate,
        endDate: isoDate.optional(),
      })
      .refine((c) => !c.endDate || c.endDate > c.startDate, { error: 'endBeforeStart', path: ['endDate'] })
      // The address is on the platform chosen (an Instagram account is not at facebook.com).
      .refine((c) => onHosts(c.accountUrl, choices.platformHosts?.[c.platform]), { error: 'wrongPlatform', path: ['accountUrl'] }),
  // R3: purpose and audience are published in the register; R6: measurable goals; R7: the website first.
  purpose: (choices: PlanChoices) =>
    z.object({
      purpose: text(limits.text),
      audience: text(limits.text),
      goals: z.array(text(limits.goal).refine(measurable, { error: 'notMeasurable' })).min(1, { error: 'required' }).max(limits.goals, { error: 'tooLong' }),
      complement: text(limits.text),
      // R7: the source is on the municipality's own web, not on the social medium.
      sourceUrl: https.refine((url) => onHosts(url, choices.sourceHosts), { error: 'notOwnWeb' }),
    }),
  // R10: two admins besides the communicator (the one rule the coverage duty counts by too), picked
  // from the directory; login details kept centrally. R14: a substitute, someone other than the applicant.
  administration: (choices: PlanChoices) =>
    z.object({
      admins: z
        .array(directoryPerson(choices))
        .max(limits.admins, { error: 'tooLong' })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'samePerson' })
        .refine((ids) => enoughAdmins(ids, choices.communicatorAadObjectId), { error: 'tooFewAdmins' }),
      loginStorage: text(limits.text).refine((v) => !looksLikeCredential(v), { error: 'credential' }),
      substitute: directoryPerson(choices).refine((id) => id !== choices.applicantAadObjectId, { error: 'notYourself' }),
    }),
  // R5 (three promises of the seed's own), R8, R12, R14: what the applicant promises.
  commitments: () =>
    z.object({
      knowsMedium: confirmed,
      hasTime: confirmed,
      knowsGuidelines: confirmed,
      // R7: posts link to their source on the municipality's web.
      linksToSource: confirmed,
      // R10: the communicator can administer the account only with its login.
      communicatorHasLogin: confirmed,
      answersWithin48h: confirmed,
      removesPostsWithin48h: confirmed,
      publishesModerationNotice: confirmed,
      followsGraphicProfile: confirmed,
      followsLegalTerms: confirmed,
    }),
};

/** Monitoring only: the purpose is what is watched and why; there is no account to moderate. */
const monitoringSchemas = {
  purpose: () => z.object({ purpose: text(limits.text) }),
  commitments: () => z.object({ knowsMedium: confirmed, hasTime: confirmed, knowsGuidelines: confirmed, followsLegalTerms: confirmed }),
  who: stepSchemas.who,
};

/** The answers of each step of an account plan. */
export type Steps = { [S in StepName]: z.infer<ReturnType<(typeof stepSchemas)[S]>> };
type MonitoringSchemas = typeof monitoringSchemas;
/** The answers of each step of a monitoring-only plan. */
export type MonitoringSteps = { [S in keyof MonitoringSchemas]: z.infer<ReturnType<MonitoringSchemas[S]>> };

export type StepResult<S extends StepName> =
  | { readonly ok: true; readonly value: Steps[S] | (S extends keyof MonitoringSteps ? MonitoringSteps[S] : never) }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

function schemaFor(kind: PlanKind, step: StepName, choices: PlanChoices): z.ZodType | undefined {
  if (kind === 'account') return stepSchemas[step](choices);
  return step in monitoringSchemas ? monitoringSchemas[step as keyof MonitoringSchemas](choices) : undefined;
}

/** Validates one step's answers as a card sent them; unknown fields are dropped, never stored. */
export function validateStep<S extends StepName>(kind: PlanKind, step: S, input: unknown, choices: PlanChoices): StepResult<S> {
  const schema = schemaFor(kind, step, choices);
  if (!schema) return { ok: false, errors: [{ field: step, code: 'unknownChoice' }] };
  return parseFields(schema, input, step) as StepResult<S>;
}

/** How long each field of a step kept as a draft may be (what the cards allow). */
const draftLimits: Readonly<Record<string, number>> = {
  accountName: limits.name,
  accountUrl: limits.url,
  purpose: limits.text,
  audience: limits.text,
  complement: limits.text,
  sourceUrl: limits.url,
  goals: limits.goal,
  admins: limits.name,
  substitute: limits.name,
  loginStorage: limits.text,
};

/**
 * A step's answers kept as they are, half-filled or not yet valid ("Spara", "Tillbaka"): only what
 * the step has, text trimmed and cut to the field's length, wrong types left out. Checked as final
 * only on "Fortsätt" and when sending. The one thing never kept: a password where the place of the
 * login belongs (R10).
 */
export function keepDraft(step: StepName, answers: Readonly<Record<string, unknown>>): { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(answers)) {
    const max = draftLimits[field] ?? limits.name;
    if (typeof value === 'string') kept[field] = value.trim().slice(0, max);
    else if (typeof value === 'boolean') kept[field] = value;
    else if (Array.isArray(value)) kept[field] = value.filter((v): v is string => typeof v === 'string').map((v) => v.trim().slice(0, max)).slice(0, limits.admins);
  }
  if (step === 'administration' && typeof kept.loginStorage === 'string' && looksLikeCredential(kept.loginStorage)) {
    return { ok: false, errors: [{ field: 'loginStorage', code: 'credential' }] };
  }
  return { ok: true, value: kept };
}

/** A complete plan: every step of its kind, validated. This is what is submitted and frozen. */
export type ActivityPlan = ({ readonly kind: 'account' } & Steps) | ({ readonly kind: 'monitoring' } & MonitoringSteps);

/**
 * A plan as saved so far: the answers of each step given. Answers of steps that do not belong to
 * the kind (the applicant switched kind) are kept, so switching back loses nothing.
 */
export type PlanDraft = { readonly kind: PlanKind } & { readonly [S in StepName]?: unknown };

export type PlanCheck =
  | { readonly ok: true; readonly plan: ActivityPlan }
  | { readonly ok: false; readonly problems: readonly FieldError[] };

/** Re-validates every step of the draft's kind: the complete plan, or what keeps it from being one. */
export function checkPlan(draft: PlanDraft, choices: PlanChoices): PlanCheck {
  const problems: FieldError[] = [];
  const plan: Record<string, unknown> = { kind: draft.kind };
  for (const step of stepsFor(draft.kind)) {
    const answers = draft[step];
    if (answers === undefined) {
      problems.push({ field: step, code: 'required' });
      continue;
    }
    const result = validateStep(draft.kind, step, answers, choices);
    if (result.ok) plan[step] = result.value;
    else problems.push(...result.errors);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: plan as ActivityPlan };
}

/** What keeps the plan from being submitted. Empty: complete. */
export const planProblems = (draft: PlanDraft, choices: PlanChoices): readonly FieldError[] => {
  const check = checkPlan(draft, choices);
  return check.ok ? [] : check.problems;
};

/** R10: everyone who can administer the account (administration.ts). */
export { administrators } from './administration';

/** The people a step's answers name (admins, substitute), to look up before validating it. */
export function peopleNamed(answers: unknown): string[] {
  if (typeof answers !== 'object' || answers === null) return [];
  const { admins, substitute } = answers as { admins?: unknown; substitute?: unknown };
  return [...(Array.isArray(admins) ? admins : []), substitute].filter((id): id is string => typeof id === 'string' && cardId.safeParse(id).success);
}

/** A step's answers in a draft or a complete plan (an empty object when the step is not answered). */
export const answersOf = (plan: PlanDraft, step: StepName): object => {
  const answers = plan[step];
  return typeof answers === 'object' && answers !== null ? answers : {};
};
