/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The public pages, each linked from the others' footer (relative addresses: they are served side by side). */
const pages = [
  { href: 'register', label: 'Kommunens konton i sociala medier' },
  { href: 'tillganglighetsredogorelse', label: 'Tillgänglighetsredogörelse' },
] as const;

export type PublicPageName = (typeof pages)[number]['href'];

/**
 * A public page of the municipality (lag 2018:1937 asks WCAG 2.1 AA of it): Swedish, no scripts, no
 * external fonts, text that wraps at any width and zoom, a focus that shows, and a footer linking the
 * accessibility statement. `styles` are the page's own rules besides these.
 */
export function publicPage(page: { name: PublicPageName; title: string; main: string; styles?: string }): string {
  const links = pages.map((p) => `<li><a href="${p.href}"${p.href === page.name ? ' aria-current="page"' : ''}>${p.label}</a></li>`).join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0 auto; padding: 1rem; max-width: 75rem; color: #1b1b1b; background: #fff; line-height: 1.5; }
  /* Swedish compounds break at syllables (hyphens, lang="sv"); only a word longer than its line is cut. */
  h1, h2, p, li { overflow-wrap: break-word; hyphens: auto; -webkit-hyphens: auto; }
  h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
  a { color: #0b4f8a; }
  /* The focus shows in a colour with more than 3:1 contrast against the page (WCAG 1.4.11). */
  a:focus, select:focus, button:focus { outline: 3px solid #1b1b1b; outline-offset: 2px; }
  footer { margin-top: 2rem; border-top: 1px solid #ccc; }
  footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
${page.styles ?? ''}</style>
</head>
<body>
<main>
${page.main}
</main>
<footer>
<nav aria-label="Sidor om kommunens konton"><ul>${links}</ul></nav>
</footer>
</body>
</html>
`;
}
