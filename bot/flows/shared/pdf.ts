import { existsSync } from 'node:fs';
import path from 'node:path';
import type PDFKit from 'pdfkit';

/**
 * Documents as PDF/A-2b (the archival PDF the National Archives accept) with pdfkit, in DejaVu
 * Sans, embedded, so every name prints as written (Đorđević, not the question marks of the PDF
 * standard fonts). The bundle carries the fonts and pdfkit's colour profile next to itself
 * (dev/bundle.ts); in a checkout they come from node_modules.
 */
const fontFile = (name: string): string => {
  const bundled = path.join(__dirname, 'fonts', name);
  return existsSync(bundled) ? bundled : require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
};

export interface Writer {
  title(text: string): void;
  heading(text: string): void;
  subheading(text: string): void;
  paragraph(text: string): void;
  fact(label: string, value: string): void;
}

/** A PDF of `title`, written by `write`, as bytes. */
export async function renderPdf(meta: { title: string; author: string; created: Date; language: 'sv' | 'en'; pageLabel: (n: number, of: number) => string }, write: (w: Writer) => void): Promise<Buffer> {
  // P4: pdfkit and its fonts' code load when the first PDF is made, not at every cold start.
  const { default: PDFDocument } = (await import('pdfkit')) as { default: typeof PDFKit };
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: meta.language === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    font: fontFile('DejaVuSans.ttf'),
    info: { Title: meta.title, Author: meta.author, Creator: 'Kanalkoll', CreationDate: meta.created },
  });
  doc.registerFont('regular', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer: Writer = {
    title: (text) => void doc.font('bold').fontSize(18).text(text).moveDown(0.3),
    heading: (text) => void doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3),
    subheading: (text) => void doc.moveDown(0.3).font('bold').fontSize(10.5).text(text).moveDown(0.1),
    paragraph: (text) => void doc.font('regular').fontSize(10).text(text).moveDown(0.2),
    fact: (label, value) => void doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value || '–'),
  };
  write(writer);
  // Page numbers, once the number of pages is known.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).text(meta.pageLabel(i - start + 1, count), doc.page.margins.left, doc.page.height - 36, { align: 'right', width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
