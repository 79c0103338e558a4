import { createHash } from 'node:crypto';
import { localDate } from '../../domain/calendar';
import { inRegisterOrder, registerEntries, type RegisterCardEntry, type RegisterRecord, type ResponsibleShown } from '../../domain/register';
import type { Department } from '../../domain/directory';
import type { DirectoryStore } from '../../store/directory';
import type { RegisterStore } from '../../store/register';
import { registerCsv, registerJson } from './formats';
import { registerPage, type PageFilters } from './page';

export type RegisterFormat = 'html' | 'json' | 'csv';

/** Where a closed account's public records are kept (the register is published in Swedish). */
const archive = 'Kommunarkivet';

export interface RegisterDeps {
  readonly register: RegisterStore;
  readonly directory: DirectoryStore;
  readonly registerResponsible: ResponsibleShown;
  readonly publicBaseUrl: string;
  readonly clock: () => Date;
}

export interface Published {
  readonly status: 200 | 304;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const contentTypes: Record<RegisterFormat, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The register's records in force now, in its order (an account approved to start later is listed from its start date), and the departments. */
export async function currentRecords(deps: RegisterDeps): Promise<{ records: RegisterRecord[]; departments: Department[] }> {
  const [stored, departments] = await Promise.all([deps.register.all(), deps.directory.allDepartments()]);
  const records = stored.filter((r) => Date.parse(r.activeSince) <= deps.clock().getTime());
  return { records: inRegisterOrder(records, departments), departments };
}

/** The public entries of these records: their owners are read from the directory, so a card reads only its page's. */
export async function entriesOf(deps: RegisterDeps, records: readonly RegisterRecord[], departments: readonly Department[]): Promise<RegisterCardEntry[]> {
  const people = await deps.directory.peopleById(records.map((r) => r.ownerAadObjectId));
  return registerEntries(records, { departments, people, shown: deps.registerResponsible, dateOf: localDate, archive });
}

/** The register's entries now, as the public sees them. */
export async function currentEntries(deps: RegisterDeps): Promise<RegisterCardEntry[]> {
  const { records, departments } = await currentRecords(deps);
  return entriesOf(deps, records, departments);
}

/**
 * The register in a format, with an ETag of its content: a client that already has this version
 * (If-None-Match) gets 304 and no body; caches may keep it five minutes.
 */
export async function publishRegister(deps: RegisterDeps, format: RegisterFormat, ifNoneMatch: string | null, filters: PageFilters = {}): Promise<Published> {
  const entries = await currentEntries(deps);
  const body = format === 'html' ? registerPage(entries, filters) : format === 'json' ? registerJson(entries, deps.publicBaseUrl) : registerCsv(entries);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'Content-Type': contentTypes[format],
    'Cache-Control': 'public, max-age=300',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    ...(format === 'html' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *" } : {}),
    ...(format === 'csv' ? { 'Content-Disposition': 'attachment; filename="konton-i-sociala-medier.csv"' } : {}),
  };
  const matches = (ifNoneMatch ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  return matches.includes(etag) ? { status: 304, headers } : { status: 200, headers, body };
}
