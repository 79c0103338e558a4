import { z } from 'zod';
import { registerCard, type AdaptiveCard } from '../../../cards';
import type { Locale } from '../../domain/locale';
import { texts } from '../../i18n';
import type { AssignmentStore } from '../../store/assignments';
import { departmentName, type RegisterRecord } from '../../domain/register';
import { httpsLink } from '../../domain/fields';
import { entriesOf, type RegisterDeps } from './publish';

const pageSize = 5;
/** The choice that shows every department (a choice needs a value). */
const everyDepartment = '*';
const showData = z.object({ page: z.coerce.number().int().min(0).max(10_000).catch(0), department: z.string().max(200).catch('') }).catch({ page: 0, department: '' });

/**
 * "registret": the public register as a card, a page at a time, filterable by department. Those who
 * may (the communications chief, the registrar, an account's chiefs and communicator) get "Hämta
 * akten" under an account; the button only shows the way, the handler decides from storage.
 */
export async function registerCardFor(deps: RegisterDeps & { readonly registrarAadObjectId?: string; readonly assignments: Pick<AssignmentStore, 'holds'> }, locale: Locale, data: unknown, viewer?: string): Promise<AdaptiveCard> {
  const t = texts(locale).register;
  const { page, department: chosen } = showData.parse(data ?? {});
  const department = chosen || everyDepartment;
  // In Teams, the accounts in use, from the counts per department and one page of one or two of them;
  // the public page reads the whole register (closed accounts too: R3).
  const [counts, departments] = await Promise.all([deps.register.counts(), deps.directory.allDepartments()]);
  const now = deps.clock().toISOString();
  const collator = new Intl.Collator('sv');
  const inUse = [...counts]
    .map(([id, c]) => ({ id, name: departmentName({ departmentId: id }, departments), count: c.count - c.starts.filter((s) => Date.parse(s) > Date.parse(now)).length }))
    .filter((d) => d.count > 0)
    .sort((a, b) => collator.compare(a.name, b.name));
  const shown = department === everyDepartment ? inUse : inUse.filter((d) => d.name === department);
  const total = shown.reduce((sum, d) => sum + d.count, 0);
  const last = Math.max(Math.ceil(total / pageSize) - 1, 0);
  const current = Math.min(page, last);
  // The page's records: past the departments before it, then from as many departments as it spans.
  const records: RegisterRecord[] = [];
  let skip = current * pageSize;
  for (const d of shown) {
    if (records.length >= pageSize) break;
    if (skip >= d.count) {
      skip -= d.count;
      continue;
    }
    records.push(...(await deps.register.inUse(d.id, skip, pageSize - records.length, now)));
    skip = 0;
  }
  // Only this page's owners are looked up in the directory.
  const entries = await entriesOf(deps, records, departments);
  const commsChief = viewer !== undefined && viewer === (await deps.directory.communicationsChief());
  const readsAll = commsChief || (viewer !== undefined && viewer === deps.registrarAadObjectId);
  // GDPR: the communications chief can stop the clean-up of an account, and allow it again.
  const holds = commsChief ? await deps.assignments.holds() : new Map<string, unknown>();
  const p = texts(locale).privacy;
  return registerCard({
    title: t.title,
    intro: t.intro,
    departmentLabel: t.department,
    department,
    departments: [{ title: t.allDepartments, value: everyDepartment }, ...[...new Set(inUse.map((d) => d.name))].map((d) => ({ title: d, value: d }))],
    filterLabel: t.filter,
    summary: t.summary(current * pageSize + 1, current * pageSize + entries.length, total),
    entries: entries.map((e) => ({
      accountName: e.accountName,
      // A link only to an https address; the name and every fact are plain text (cards/plainText.ts).
      accountUrl: httpsLink(e.accountUrl),
      platform: e.platform,
      facts: [
        { title: t.facts.department, value: e.department },
        { title: t.facts.responsible, value: e.responsible },
        { title: t.facts.purpose, value: e.purpose },
        { title: t.facts.audience, value: e.audience },
      ],
      ...(viewer !== undefined && (readsAll || e.recordReaders.includes(viewer)) ? { record: { title: texts(locale).records.fetch, assignmentId: e.id } } : {}),
      ...(commsChief ? { hold: holds.has(e.id) ? { title: p.release, assignmentId: e.id, hold: 'off' as const } : { title: p.hold, assignmentId: e.id, hold: 'on' as const } } : {}),
    })),
    previous: current > 0 ? { title: t.previous, page: current - 1 } : undefined,
    next: current < last ? { title: t.next, page: current + 1 } : undefined,
    openPage: t.openPage,
    pageUrl: `${deps.publicBaseUrl}/api/register`,
  });
}
