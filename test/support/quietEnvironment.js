// The app logs a JSON line for every activity, sweep and send: thousands in a test run. They are
// kept per test and printed only when that test fails (or always with KANALKOLL_LOG=1), so `npm test`
// shows the results and the figures the tests print with console.log.
// A test environment is loaded by jest as CommonJS, untransformed.
/* eslint-disable @typescript-eslint/no-require-imports */
const { TestEnvironment } = require('jest-environment-node');
const { format } = require('node:util');
/* eslint-enable @typescript-eslint/no-require-imports */

const held = ['info', 'warn', 'error', 'debug'];

class QuietEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.lines = [];
  }

  async setup() {
    await super.setup();
    if (process.env.KANALKOLL_LOG === '1') return;
    const console = this.global.console;
    for (const level of held) console[level] = (...args) => this.lines.push(`${level}: ${format(...args)}`);
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.lines = [];
    if ((event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure') {
      const name = event.test ? event.test.name : event.hook.type;
      if (this.lines.length > 0) process.stderr.write(`\n--- the app's log during "${name}" ---\n${this.lines.join('\n')}\n--- end of log ---\n`);
      this.lines = [];
    }
  }
}

module.exports = QuietEnvironment;
