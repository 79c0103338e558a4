import { httpsLink } from '../../domain/fields';
import type { RegisterEntry } from '../../domain/register';
import { escapeHtml, publicPage } from './publicPage';

export interface PageFilters {
  readonly department?: string;
  readonly platform?: string;
  /** Active accounts, closed ones, or both (active first): `aktiva`, `stangda`, or unset. */
  readonly status?: string;
}

const columns = ['Konto', 'Plattform', 'Förvaltning', 'Ansvarig', 'Syfte', 'Målgrupp', 'Aktivt sedan'] as const;
/** Each column's share of the table: fixed, so one long word cannot widen the page or squeeze the others. */
const widths = [16, 9, 15, 15, 20, 13, 12];
/** Closed accounts: when they were in use, and where their records are now (R3). */
const closedColumns = ['Konto', 'Plattform', 'Förvaltning', 'Syfte', 'Aktivt sedan', 'Stängt', 'Handlingar finns hos'] as const;
const closedWidths = [16, 9, 14, 20, 11, 10, 20];
const statuses = [
  ['', 'Aktiva och stängda'],
  ['aktiva', 'Aktiva'],
  ['stangda', 'Stängda'],
] as const;

/** A table of entries: a header row, a row per entry (the account's name as the row's header). */
function table(id: string, caption: string, names: readonly string[], widthsOf: readonly number[], rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row" data-label="${names[i]}">${c}</th>` : `<td data-label="${names[i]}">${c}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table id="${id}">
<caption>${caption}</caption>
<colgroup>${widthsOf.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>
<thead><tr>${names.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody>
${body || `<tr><td colspan="${names.length}">Inga konton matchar.</td></tr>`}
</tbody>
</table>`;
}

const count = (n: number, closed = false) => (n === 1 ? `1 ${closed ? 'stängt konto' : 'konto'}` : `${n} ${closed ? 'stängda konton' : 'konton'}`);
/** The account's name, a link to its address when that is an https address (never javascript: or data:). */
const link = (e: RegisterEntry) => {
  const href = httpsLink(e.accountUrl);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(e.accountName)}</a>` : escapeHtml(e.accountName);
};
const time = (date: string) => `<time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>`;

const options = (values: readonly string[], chosen: string | undefined) =>
  values.map((v) => `<option value="${escapeHtml(v)}"${v === chosen ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');

/**
 * The public register page (R3): plain HTML a person reads and botkyrka.se can link to or embed.
 * No scripts, no external fonts; a real table with headers; filters are an ordinary GET form to
 * the page's own address (no `action`: wherever the page is served, embedded or proxied);
 * on a narrow screen each row becomes a labelled block.
 */
export function registerPage(all: readonly RegisterEntry[], filters: PageFilters): string {
  const shown = all.filter(
    (e) => (!filters.department || e.department === filters.department) && (!filters.platform || e.platform === filters.platform),
  );
  const departments = [...new Set(all.map((e) => e.department))].sort((a, b) => a.localeCompare(b, 'sv'));
  const platforms = [...new Set(all.map((e) => e.platform))].sort((a, b) => a.localeCompare(b, 'sv'));
  const active = shown.filter((e) => e.status === 'active');
  const closed = shown.filter((e) => e.status === 'closed');
  const activeTable = table('aktiva', count(active.length), columns, widths, active.map((e) => [link(e), escapeHtml(e.platform), escapeHtml(e.department), escapeHtml(e.responsible), escapeHtml(e.purpose), escapeHtml(e.audience), time(e.activeSince)]));
  const closedTable = table(
    'stangda-konton',
    count(closed.length, true),
    closedColumns,
    closedWidths,
    closed.map((e) => [link(e), escapeHtml(e.platform), escapeHtml(e.department), escapeHtml(e.purpose), time(e.activeSince), time(e.closedOn ?? ''), escapeHtml(e.records)]),
  );
  const tables = [
    ...(filters.status === 'stangda' ? [] : [activeTable]),
    ...(filters.status === 'aktiva' ? [] : [`<h2 id="stangda">Stängda konton</h2>\n<p>Konton som inte används längre. Det som skrevs där är kvar som allmänna handlingar.</p>\n${closedTable}`]),
  ].join('\n');
  return publicPage({
    name: 'register',
    title: 'Botkyrka kommuns konton i sociala medier',
    styles: `  form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
  label { display: block; font-weight: 600; }
  select, button { font: inherit; padding: .4rem .6rem; border: 1px solid #555; border-radius: 4px; background: #fff; color: #1b1b1b; }
  button { background: #0b4f8a; color: #fff; border-color: #0b4f8a; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  caption { text-align: left; font-weight: 600; padding: .5rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #ccc; }
  /* Cells wrap as the page's text does (publicPage): at syllables, never mid-word unless a word is longer than its line. */
  tbody th, tbody td { overflow-wrap: break-word; hyphens: auto; -webkit-hyphens: auto; }
  thead th, td[data-label="Plattform"], td[data-label="Aktivt sedan"] { overflow-wrap: normal; white-space: nowrap; }
  thead th { background: #f0f0f0; }
  tbody th { font-weight: 600; }
  @media (max-width: 48rem) {
    thead { position: absolute; left: -9999px; }
    tr { display: block; border-bottom: 2px solid #999; padding: .5rem 0; }
    th, td { display: block; border: 0; padding: .15rem 0; }
    th[data-label]::before, td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  }
`,
    main: `<h1>Botkyrka kommuns konton i sociala medier</h1>
<p>Här ser du kommunens officiella konton i sociala medier: vem som ansvarar, varför kontot finns och vem det vänder sig till. Det som skrivs där kan vara allmänna handlingar.</p>
<form method="get">
  <div><label for="forvaltning">Förvaltning</label>
  <select id="forvaltning" name="forvaltning"><option value="">Alla</option>${options(departments, filters.department)}</select></div>
  <div><label for="plattform">Plattform</label>
  <select id="plattform" name="plattform"><option value="">Alla</option>${options(platforms, filters.platform)}</select></div>
  <div><label for="status">Visa</label>
  <select id="status" name="status">${statuses.map(([value, label]) => `<option value="${value}"${value === (filters.status ?? '') ? ' selected' : ''}>${label}</option>`).join('')}</select></div>
  <button type="submit">Visa</button>
</form>
${tables}
<h2 id="om-registret">Om registret</h2>
<p>Registret visar konton som är godkända enligt kommunens policy för sociala medier. Ett konto som stängs står kvar här, markerat som stängt, med var dess handlingar finns. Samma uppgifter finns som öppna data: <a href="register.json">JSON</a> och <a href="register.csv">CSV</a>.</p>`,
  });
}
