/**
 * R10: "Minst två personer samt förvaltningens kommunikatör bör kunna administrera varje konto."
 * The department communicator is added by Kanalkoll itself and is never one of the two, wherever
 * admins are counted: the plan's administration step (activityPlan.ts) and the weekly coverage
 * duty (duties.ts) both ask `enoughAdmins`, so a plan that is approved is never nagged for it.
 */

/** How many people besides the department communicator must be able to administer an account. */
export const requiredAdmins = 2;

/** The admins that count toward the two: each person once, never the department communicator. */
export const countedAdmins = (admins: readonly string[], communicatorAadObjectId: string | undefined): readonly string[] =>
  [...new Set(admins)].filter((id) => id !== communicatorAadObjectId);

/** Whether an account has the admins R10 asks for, besides the department communicator. */
export const enoughAdmins = (admins: readonly string[], communicatorAadObjectId: string | undefined): boolean =>
  countedAdmins(admins, communicatorAadObjectId).length >= requiredAdmins;

/** Everyone who can administer the account: the named admins plus the department communicator. */
export const administrators = (admins: readonly string[], communicatorAadObjectId: string | undefined): readonly string[] => [
  ...new Set([...admins, ...(communicatorAadObjectId ? [communicatorAadObjectId] : [])]),
];
