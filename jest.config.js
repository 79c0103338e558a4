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
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 30000,
};
