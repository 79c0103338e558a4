import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const botbuilder = { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'The Bot Framework SDK belongs in bot/teams and bot/notify only.' };
const azureInFlows = { group: ['@azure/*', 'azurite'], message: 'Flows use the stores in bot/store, not the Azure SDKs.' };
// The flow groups (bot/flows/<group>/): every folder but the command path and what several groups share.
const flowGroups = readdirSync(fileURLToPath(new globalThis.URL('./bot/flows', import.meta.url)), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['commands', 'shared'].includes(entry.name))
  .map((entry) => entry.name);
const otherGroups = (group) => ({
  group: flowGroups.filter((other) => other !== group).map((other) => `../${other}/*`),
  message: 'A flow group does not import another: what several groups draw or read lives in bot/flows/shared, the command path in bot/flows/commands.',
});

export default tseslint.config(
  { ignores: ['dist/', 'deploy/', 'node_modules/', '.kanalkoll/', 'devTools/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
  {
    // botbuilder stays in the Teams edge (bot/teams, bot/notify), so moving to its successor, the
    // Microsoft 365 Agents SDK, touches only those files (DESIGN.md). The bench's echo bot is the floor it is measured against.
    files: ['**/*.ts'],
    ignores: ['bot/teams/**', 'bot/notify/**', 'bench/echo/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [botbuilder] }],
    },
  },
  {
    // Flows are the application's logic: storage and Teams reach them through stores and ports, never SDKs.
    files: ['bot/flows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [botbuilder, azureInFlows] }],
    },
  },
  // Flow groups stay apart: each may use bot/flows/shared and bot/flows/commands, never another group.
  ...flowGroups.map((group) => ({
    files: [`bot/flows/${group}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder, azureInFlows, otherGroups(group)] }] },
  })),
  {
    // What groups share depends on no group.
    files: ['bot/flows/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilder, azureInFlows, { ...otherGroups(''), message: 'bot/flows/shared depends on no flow group.' }] }] },
  },
  {
    // The domain is the functional core: no SDK, no I/O, no clock of its own (STYLE.md).
    files: ['bot/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            botbuilder,
            { group: ['@azure/*', 'azurite'], message: 'The domain must not depend on Azure SDKs.' },
            { group: ['adaptivecards', 'adaptivecards-*'], message: 'Cards are built outside the domain.' },
            {
              group: ['fs', 'node:*', 'http', 'https', 'net', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads'],
              message: 'The domain does no I/O.',
            },
            { group: ['../store/*', '../teams/*', '../flows/*', '../notify/*', '../app'], message: 'Imports flow into the domain, never out of it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'process', message: 'The domain reads no environment: pass values in.' },
        { name: 'setTimeout', message: 'The domain has no timers.' },
        { name: 'setInterval', message: 'The domain has no timers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is a parameter in the domain.' },
        { object: 'Math', property: 'random', message: 'Randomness is a parameter in the domain.' },
        { object: 'DateTime', property: 'now', message: 'The clock is a parameter in the domain.' },
        { object: 'console', message: 'The domain does not log.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The clock is a parameter in the domain.' },
      ],
    },
  },
  {
    // No import cycles: a module is loaded before what it imports has finished loading. `import type`
    // is erased, so the rule does not count it (test/fences.test.ts checks bot/domain, bot/store and
    // bot/flows with types too).
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.js', '.mjs'], 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
);
