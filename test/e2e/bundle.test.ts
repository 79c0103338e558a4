import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunctions, copyPdfAssets } from '../../dev/bundle';
import { pdfText } from '../support/pdfText';
import { activityFrom, post } from '../support/activities';
import { startConnector } from '../support/connector';
import { startDevHost } from '../support/devHost';

describe('the deployment bundle (npm run build:deploy, run by pretest)', () => {
  it('is one file that registers every function and answers a message over HTTP', async () => {
    expect(statSync(path.resolve(__dirname, '../../deploy/dist/main.js')).isFile()).toBe(true);
    const connector = await startConnector();
    const host = startDevHost(['--app', 'deploy', '--no-playground']);
    try {
      const functions = await host.ready();
      expect(host.output()).toContain('Functions (from deploy): accessibilityStatement (httpTrigger), chiefUpdates (timerTrigger), countFigures (timerTrigger), directorySync (timerTrigger), dutySweep (timerTrigger), effectsSweep (timerTrigger), health (httpTrigger), messages (httpTrigger), register (httpTrigger), registerCsv (httpTrigger), registerJson (httpTrigger), registrarReminders (timerTrigger), retention (timerTrigger), runEffects (queueTrigger), sendNudge (queueTrigger), weeklyDigest (timerTrigger)');

      const response = await post(`${functions}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }));

      expect(response.status).toBe(200);
      expect(JSON.stringify(connector.sent())).toContain('Hej Elin! Jag är Kanalkoll.');
      expect((await fetch(`${functions}/api/register.json`)).status).toBe(200);
    } finally {
      host.child.kill('SIGINT');
      await host.exited;
      await connector.close();
    }
  });

  it('writes PDFs (PDF/A, every name as written) with the fonts and colour profile it carries', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-pdf-'));
    try {
      await bundleFunctions([path.resolve(__dirname, '../support/pdfProbe.ts')], path.join(dir, 'dist', 'main.js'));
      expect(copyPdfAssets(path.join(dir, 'dist'))).toEqual(['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf', 'data/sRGB_IEC61966_2_1.icc']);
      const out = path.join(dir, 'probe.pdf');
      // Run where node_modules cannot be reached, as in Azure.
      execFileSync(process.execPath, [path.join(dir, 'dist', 'main.js')], { cwd: dir, env: { PATH: process.env.PATH, KANALKOLL_PDF_PROBE_OUT: out } });
      const pdf = readFileSync(out);
      expect(pdf.toString('latin1')).toContain('pdfaid:part');
      expect(pdfText(pdf).text).toContain('Đorđe Åsa Öberg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
