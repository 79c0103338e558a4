import { parseArgs } from 'node:util';

/**
 * `npm run tick -- --at 2027-01-04T09:00`: asks the running dev host (npm start) to move its
 * clock to that Stockholm time, run the timer functions and send the nudges they queued.
 */
const usage = `Usage: npm run tick -- [--at <date and time, Stockholm>] [--port <n>]
  --at    Where to move the clock, e.g. 2027-01-04T09:00 (a half-year turn's first working morning).
          Leave out to run the timers at the current (possibly moved) time.
  --port  Port of the dev host's functions (default 7071)`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { at: { type: 'string' }, port: { type: 'string', default: '7071' }, help: { type: 'boolean', default: false } } });
  if (values.help) return console.log(usage);
  const response = await fetch(`http://localhost:${values.port}/admin/tick`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(values.at ? { at: values.at } : {}),
  }).catch(() => {
    throw new Error(`No dev host answers on port ${values.port}. Start it with npm start first.`);
  });
  const result = (await response.json()) as { now?: string; timers?: string[]; handled?: number; error?: string };
  if (!response.ok) throw new Error(result.error ?? `The dev host answered ${response.status}`);
  console.log(`Clock at ${result.now}. Ran ${result.timers?.join(', ') || 'no timers'}; ${result.handled} queue message(s) handled.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
