import type { RegisterEntry } from '../../domain/register';

/**
 * The register as open data and as a spreadsheet. The JSON shape is documented and versioned in
 * docs/register.md; a change to it is a new schemaVersion.
 */
export const registerJson = (entries: readonly RegisterEntry[], publicBaseUrl: string): string =>
  JSON.stringify({
    schemaVersion: 2,
    documentation: `${publicBaseUrl}/api/register#om-registret`,
    accounts: entries.map((e) => ({
      platform: e.platform,
      accountName: e.accountName,
      accountUrl: e.accountUrl,
      department: e.department,
      responsible: e.responsible,
      purpose: e.purpose,
      audience: e.audience,
      activeSince: e.activeSince,
      status: e.status,
      ...(e.closedOn ? { closedOn: e.closedOn } : {}),
      records: e.records,
    })),
  });

const csvHeader = ['Plattform', 'Konto', 'Adress', 'Förvaltning', 'Ansvarig', 'Syfte', 'Målgrupp', 'Aktivt sedan', 'Status', 'Stängt', 'Handlingar finns hos'];
const statusWord = { active: 'Aktivt', closed: 'Stängt' } as const;

/**
 * A cell a spreadsheet will not run as a formula (CSV injection): text starting with = + - @ or a
 * control character gets a leading apostrophe, and every cell is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with a byte order mark and semicolons, so Swedish Excel opens it with å, ä and ö intact. */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = [
    csvHeader,
    ...entries.map((e) => [e.platform, e.accountName, e.accountUrl, e.department, e.responsible, e.purpose, e.audience, e.activeSince, statusWord[e.status], e.closedOn ?? '', e.records]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
