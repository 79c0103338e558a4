#!/usr/bin/env node
// Makes sure the Debian packages the tests drive are there: Chromium for the browser tests
// (playwright-core drives it; it never downloads a browser of its own) and Java for the W3C Nu HTML
// Checker (vnu-jar's vnu.jar, run with `java -jar`). Installs what is missing with apt-get when run as
// root, as in CI. Usage: node dev/ensureTools.mjs chromium java
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = {
  chromium: { there: () => existsSync('/usr/bin/chromium'), packages: ['chromium', 'fonts-noto-color-emoji'], usedBy: 'The browser tests need /usr/bin/chromium' },
  java: { there: () => spawnSync('java', ['-version']).status === 0, packages: ['default-jre-headless'], usedBy: 'The HTML checker (vnu-jar) needs java' },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in tools));
if (unknown.length > 0) {
  console.error(`Unknown tool ${unknown.join(', ')}; known: ${Object.keys(tools).join(', ')}`);
  process.exit(1);
}
const missing = wanted.map((name) => tools[name]).filter((tool) => !tool.there());
if (missing.length === 0) process.exit(0);
const packages = missing.flatMap((tool) => tool.packages).join(' ');
if (process.getuid?.() !== 0) {
  console.error(`${missing.map((tool) => tool.usedBy).join('; ')}. Install them with: sudo apt-get install -y ${packages}`);
  process.exit(1);
}
console.log(`Installing ${packages} for the tests…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
