/** @type {import('jest').Config} */
// `npm run test:browser`: the journey in the Agents Playground, in Chromium, against the dev host.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 120000,
};
