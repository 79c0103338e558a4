/** @type {import('jest').Config} */
module.exports = {
  // Keeps the app's logs out of the output unless a test fails (or KANALKOLL_LOG=1): see the file.
  testEnvironment: '<rootDir>/test/support/quietEnvironment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `npm run typecheck`; here each file is only transpiled (isolatedModules).
  transform: { '^.+\\.ts$': 'ts-jest' },
  // The function files register through the dev host's stand-in for the Functions host module.
  moduleNameMapper: {
    '^@azure/functions-core$': '<rootDir>/dev/functionsCore.ts',
    // ESM-only, which jest's CommonJS loader cannot require (see the file).
    '^strip-bom$': '<rootDir>/test/support/stripBom.js',
  },
  // Connections to the tests' Azurite are pooled: see the file.
  setupFiles: ['<rootDir>/test/support/storageConnections.ts'],
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // The suites spend much of their time waiting on their Azurites, dev hosts and Chromium: two
  // workers keep the project's two CPUs busy (jest's default there would be one, the suites in turn).
  maxWorkers: 2,
  // An hour: catches a hang, nothing else. A slower or busier machine must make the run slower, never
  // red, so no test or hook sets a time of its own, and waits poll for what they wait for.
  testTimeout: 60 * 60 * 1000,
};
