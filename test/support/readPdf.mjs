// The text of a PDF, page by page, as a reader sees it: Mozilla's pdf.js (through unpdf) reads the
// file named on the command line and prints JSON. A script of its own because unpdf is an ES module,
// which jest's CommonJS loader cannot import (see pdfText.ts).
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
const { text } = await extractText(pdf, { mergePages: false });
const { info } = await getMeta(pdf);
process.stdout.write(JSON.stringify({ pages: text, title: info.Title ?? '' }));
