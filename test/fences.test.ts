import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The import fences of eslint.config.mjs, tried on code placed in each layer (ESLint in its own process, as `npm run lint` runs it). */
const root = path.resolve(__dirname, '..');
const restricted = async (code: string, file: string): Promise<number> => {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
};

const azure = "import { TableClient } from '@azure/data-tables';\nexport const t = TableClient;\n";
const botbuilder = "import { CardFactory } from 'botbuilder';\nexport const c = CardFactory;\n";

describe('layer fences (lint)', () => {
  it('no flow imports an Azure SDK or botbuilder', async () => {
    expect(await restricted(azure, 'bot/flows/plan/example.ts')).toBe(1);
    expect(await restricted(botbuilder, 'bot/flows/commands/example.ts')).toBe(1);
  });

  it('botbuilder only in bot/teams and bot/notify', async () => {
    expect(await restricted(botbuilder, 'bot/store/example.ts')).toBe(1);
    expect(await restricted(botbuilder, 'bot/app.ts')).toBe(1);
    expect(await restricted(botbuilder, 'functions/example.ts')).toBe(1);
    expect(await restricted(botbuilder, 'bot/teams/example.ts')).toBe(0);
    expect(await restricted(botbuilder, 'bot/notify/example.ts')).toBe(0);
  });

  it('the domain imports no SDK at all; stores may use Azure', async () => {
    expect(await restricted(azure, 'bot/domain/example.ts')).toBe(1);
    expect(await restricted(botbuilder, 'bot/domain/example.ts')).toBe(1);
    expect(await restricted(azure, 'bot/store/example.ts')).toBe(0);
  });
});
