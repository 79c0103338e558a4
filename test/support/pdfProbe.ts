import { writeFileSync } from 'node:fs';
import { renderPdf } from '../../bot/flows/shared/pdf';

// Bundled like the function app (bundle.test.ts): on load, writes a PDF to KANALKOLL_PDF_PROBE_OUT,
// proving the bundle finds its fonts and colour profile where dev/bundle.ts puts them.
void renderPdf({ title: 'Prov', author: 'Kanalkoll', created: new Date(), language: 'sv', pageLabel: (n, of) => `Sida ${n} av ${of}` }, (w) => {
  w.title('Đorđe Åsa Öberg');
}).then((pdf) => writeFileSync(process.env.KANALKOLL_PDF_PROBE_OUT ?? 'probe.pdf', pdf));
