import { setTimeout as sleep } from 'node:timers/promises';
import { useCoreStandIn } from '../dev/coreStandIn';
import { functionEntryFiles, loadFunctions } from '../dev/functionHost';
import { projectRoot } from '../dev/projectRoot';
import { startTriggers } from '../dev/triggers';
import { countStorage, storagePorts } from './storageCount';

/**
 * One instance of the queue function for the send part of `npm run bench` (bench/duties.ts), in a
 * process of its own, as Azure Functions scales it out: the app's `sendNudge` registration, fed
 * from the `nudges` queue the way the host feeds it, with the app's environment from the parent
 * (AzureWebJobsStorage, clock, language). It counts its own storage requests and hands them to the
 * parent when told to stop.
 */
async function main() {
  const storage = process.env.AzureWebJobsStorage ?? '';
  const counter = countStorage(storagePorts(storage));
  useCoreStandIn();
  const registrations = loadFunctions(functionEntryFiles(projectRoot())).filter((r) => r.metadata.name === 'sendNudge');
  const triggers = startTriggers(registrations, storage, () => undefined, { schedule: false });
  let stopping = false;
  process.on('message', (message) => {
    if (message !== 'stop') return;
    stopping = true;
  });
  process.send?.('ready');
  while (!stopping) {
    if ((await triggers.drain()) === 0) await sleep(200);
  }
  triggers.stop();
  process.send?.({ handled: triggers.handled(), storage: counter.snapshot() }, () => process.exit(0));
}

// The app logs a line per nudge; thousands of them would bury the figures.
console.info = () => undefined;
console.warn = () => undefined;
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
