import { localDate } from '../../domain/calendar';
import type { Department, Person } from '../../domain/directory';
import { registerEntries, type RegisterEntry, type RegisterRecord, type ResponsibleShown } from '../../domain/register';
import { registerCsv, registerJson } from './formats';
import { registerPage, type PageFilters } from './page';

export type RegisterFormat = 'html' | 'json' | 'csv';

/** Where a closed account's public records are kept (the register is published in Swedish). */
export const archive = 'Kommunarkivet';

/** How this app draws the register: what every page depends on besides the register and the directory. */
export interface Drawing {
  readonly registerResponsible: ResponsibleShown;
  readonly publicBaseUrl: string;
}

/** The register's entries in one format (the HTML page with its filters). */
export const draw = (drawing: Drawing, format: RegisterFormat, entries: readonly RegisterEntry[], filters: PageFilters): string =>
  format === 'html' ? registerPage(entries, filters) : format === 'json' ? registerJson(entries, drawing.publicBaseUrl) : registerCsv(entries);

/**
 * What the running code draws, as text: a small sample register in every format, with this app's
 * settings. Part of every ETag, so a new version of the code (another page, another JSON) is a new
 * ETag even where the register and the directory did not change.
 */
export function drawingOfCode(drawing: Drawing): string {
  const departments: Department[] = [{ id: 'd', name: 'Förvaltningen', communicatorAadObjectId: 'c', mailbox: 'forvaltningen@example.org' }];
  const people = new Map<string, Person>([['o', { aadObjectId: 'o', name: 'Åsa Ägare', email: 'asa@example.org', departmentId: 'd', title: 'Titel' }]]);
  const account = { platform: 'Facebook', accountUrl: 'https://example.org/"<&>', departmentId: 'd', ownerAadObjectId: 'o', purpose: 'Syfte =1', audience: 'Alla', activeSince: '2026-01-01T09:00:00.000Z' };
  const records: RegisterRecord[] = [
    { ...account, id: 'a', accountName: 'Aktivt' },
    { ...account, id: 'l', accountName: 'Ägaren har slutat', ownerLeft: true },
    { ...account, id: 's', accountName: 'Stängt', closedAt: '2026-06-01T09:00:00.000Z' },
  ];
  const entries = registerEntries(records, { departments, people, shown: drawing.registerResponsible, dateOf: localDate, archive });
  return [
    draw(drawing, 'html', entries, {}),
    draw(drawing, 'html', entries, { department: 'Förvaltningen', platform: 'Facebook', status: 'stangda' }),
    draw(drawing, 'json', entries, {}),
    draw(drawing, 'csv', entries, {}),
  ].join('\n');
}
