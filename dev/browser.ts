import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
