import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a PDF says, page by page, and its title: read by pdf.js in a Node process of its own (readPdf.mjs). */
export function pdfText(pdf: Buffer): { pages: string[]; title: string; text: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const read = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'readPdf.mjs'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { pages: string[]; title: string };
    return { ...read, text: read.pages.join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
