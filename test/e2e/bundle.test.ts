import { statSync } from 'node:fs';
import path from 'node:path';
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
      expect(host.output()).toContain('Functions (from deploy): archive (httpTrigger), directorySync (timerTrigger), dutySweep (timerTrigger), effectsSweep (timerTrigger), health (httpTrigger), messages (httpTrigger), register (httpTrigger), registerCsv (httpTrigger), registerJson (httpTrigger), runEffects (queueTrigger), sendNudge (queueTrigger), weeklyDigest (timerTrigger)');

      const response = await post(`${functions}/api/messages`, activityFrom('employee', connector.serviceUrl, { type: 'message', text: 'hej' }));

      expect(response.status).toBe(200);
      expect(JSON.stringify(connector.sent())).toContain('Hej Elin! Jag är Kanalkoll.');
      expect((await fetch(`${functions}/api/register.json`)).status).toBe(200);
    } finally {
      host.child.kill('SIGINT');
      await host.exited;
      await connector.close();
    }
  }, 90_000);
});
