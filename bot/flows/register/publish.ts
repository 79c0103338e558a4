import { createHash } from 'node:crypto';
import { localDate } from '../../domain/calendar';
import { inRegisterOrder, registerEntries, type RegisterCardEntry, type RegisterRecord, type ResponsibleShown } from '../../domain/register';
import type { Department } from '../../domain/directory';
import type { DirectoryStore } from '../../store/directory';
import type { RegisterStore } from '../../store/register';
import { archive, draw, drawingOfCode, type RegisterFormat } from './drawing';
import type { PageFilters } from './page';
import { accessibilityStatement } from './statement';

export type { RegisterFormat } from './drawing';

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

/** Drawn pages of the current version one process keeps (a format and a choice of filters each); the oldest goes first. */
const keptPages = 32;

const tagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;

const headersOf = (format: RegisterFormat, etag: string): Record<string, string> => ({
  'Content-Type': contentTypes[format],
  'Cache-Control': 'public, max-age=300',
  ETag: etag,
  'X-Content-Type-Options': 'nosniff',
  ...(format === 'html' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *" } : {}),
  ...(format === 'csv' ? { 'Content-Disposition': 'attachment; filename="konton-i-sociala-medier.csv"' } : {}),
});

const matches = (ifNoneMatch: string | null, etag: string) =>
  (ifNoneMatch ?? '').split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);

/** 304 to a client that has this ETag, the body to any other. */
const answer = (format: RegisterFormat, etag: string, ifNoneMatch: string | null, body: string): Published =>
  matches(ifNoneMatch, etag) ? { status: 304, headers: headersOf(format, etag) } : { status: 200, headers: headersOf(format, etag), body };

const statement = accessibilityStatement();
const statementTag = tagOf(statement);

/** The accessibility statement, the same page for everyone: with the register page's headers, and 304 for the current ETag. */
export const publishStatement = (ifNoneMatch: string | null): Published => answer('html', statementTag, ifNoneMatch, statement);

/**
 * The stored version of everything the public pages show, from two rows: the register's (its stamp,
 * and how many of the accounts listed to start later have started by now) and the directory's stamp.
 * Undefined while the register has no version row (before the app's start made it).
 */
async function storedVersion(deps: RegisterDeps): Promise<string | undefined> {
  const [register, directory] = await Promise.all([deps.register.version(), deps.directory.version()]);
  if (!register) return undefined;
  const now = deps.clock().getTime();
  const started = Object.values(register.starts).filter((start) => Date.parse(start) <= now).length;
  return `${register.stamp} ${started} ${directory ?? '-'}`;
}

/**
 * The public register (web page, JSON, CSV), as anyone on the internet asks for it. Each request reads
 * only the stored version (two rows); the ETag is made from it, so a client that has the current
 * version (If-None-Match) gets 304 before anything is read or drawn. The register is read and drawn
 * once per version and process, and the drawn pages kept: a flood of requests costs two point reads
 * each. Every instance reads the version from storage on every request, so none serves a register
 * older than the last change stored; caches may keep a page five minutes.
 */
export class RegisterPublisher {
  private code?: string;
  private current?: { readonly version: string; readonly entries: Promise<RegisterCardEntry[]>; readonly pages: Map<string, string> };

  constructor(private readonly deps: RegisterDeps) {}

  async publish(format: RegisterFormat, ifNoneMatch: string | null, filters: PageFilters = {}): Promise<Published> {
    const variant = JSON.stringify(format === 'html' ? [format, filters.department ?? '', filters.platform ?? '', filters.status ?? ''] : [format]);
    const version = await storedVersion(this.deps);
    if (version === undefined) {
      // No version to go by: read and drawn for this request, tagged by what was drawn.
      const body = draw(this.deps, format, await currentEntries(this.deps), filters);
      return answer(format, tagOf(body), ifNoneMatch, body);
    }
    this.code ??= drawingOfCode(this.deps);
    const etag = tagOf(`${this.code}\n${version}\n${variant}`);
    if (matches(ifNoneMatch, etag)) return { status: 304, headers: headersOf(format, etag) };
    return answer(format, etag, null, await this.page(version, variant, format, filters));
  }

  /** The page of this version, drawn once: the register is read when the version is new to this process. */
  private async page(version: string, variant: string, format: RegisterFormat, filters: PageFilters): Promise<string> {
    if (this.current?.version !== version) {
      // Read anew, the directory too: not what this process kept of it from before the change.
      this.deps.directory.refresh();
      const entries = currentEntries(this.deps);
      const current = { version, entries, pages: new Map<string, string>() };
      this.current = current;
      // A failed read is not kept: the next request reads again.
      entries.catch(() => {
        if (this.current === current) this.current = undefined;
      });
    }
    const { entries, pages } = this.current;
    let body = pages.get(variant);
    if (body === undefined) {
      body = draw(this.deps, format, await entries, filters);
      if (pages.size >= keptPages) pages.delete(pages.keys().next().value as string);
      pages.set(variant, body);
    }
    return body;
  }
}
