#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests (playwright-core drives it; it never
// downloads a browser of its own). Installs it with apt-get when run as root, as in CI.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(`The browser tests need ${chromium}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji', { stdio: 'inherit' });
