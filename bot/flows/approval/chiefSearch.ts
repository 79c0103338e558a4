import { z } from 'zod';
import type { PersonRef } from '../../domain/assignment';
import type { DirectoryStore } from '../../store/directory';

/**
 * R1: the people picker naming who decides in the chief's place offers chiefs only. Its Data.Query
 * names a dataset of Kanalkoll's own, with the department the plan waits in, so Teams asks the bot
 * (`application/search`) rather than Graph; the choice is still checked when it is sent.
 */
const prefix = 'kanalkoll.chiefs/';

/** The picker's dataset for a plan waiting in `departmentId`. */
export const chiefsDataset = (departmentId: string): string => `${prefix}${departmentId}`;

/** A choice as Teams shows it in the picker. */
export interface SearchChoice {
  readonly title: string;
  readonly value: string;
}

/** What Teams sends as it searches: the text typed, the dataset, how many it shows (at most 15). */
const searchValue = z.object({
  queryText: z.string().max(200).default(''),
  dataset: z.string().max(300),
  queryOptions: z.object({ top: z.number().int().min(1).max(15).catch(15) }).catch({ top: 15 }),
});

const departmentOf = (dataset: string): string | undefined => (dataset.startsWith(prefix) ? dataset.slice(prefix.length) : undefined);

const words = (text: string) => text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);

/** Every word typed begins a word of the name. */
const matches = (name: string, typed: readonly string[]) => {
  const own = words(name);
  return typed.every((w) => own.some((o) => o.startsWith(w)));
};

/**
 * The chiefs of the dataset's department and of the communications chief's (two partitions of a few
 * dozen rows each, kept for 30 seconds), whose names match what was typed, by name; neither the
 * searcher (the communicator) nor the communications chief, who decide in later steps.
 */
export function chiefSearch(deps: { readonly directory: Pick<DirectoryStore, 'chiefsIn' | 'communicationsChief' | 'person'> }) {
  return async (user: PersonRef, data: unknown): Promise<SearchChoice[]> => {
    const parsed = searchValue.safeParse(data);
    const departmentId = parsed.success ? departmentOf(parsed.data.dataset) : undefined;
    if (!parsed.success || departmentId === undefined) return [];
    const commsChief = await deps.directory.communicationsChief();
    const central = commsChief ? (await deps.directory.person(commsChief))?.departmentId : undefined;
    const chiefs = (await Promise.all([...new Set([departmentId, central ?? departmentId])].map((d) => deps.directory.chiefsIn(d)))).flat();
    const typed = words(parsed.data.queryText);
    return chiefs
      .filter((c) => c.aadObjectId !== user.aadObjectId && c.aadObjectId !== commsChief && matches(c.name, typed))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
      .slice(0, parsed.data.queryOptions.top)
      .map((c) => ({ title: c.name, value: c.aadObjectId }));
  };
}
