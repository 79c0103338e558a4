import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

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

/** ESLint's messages of `rule` for files on disk (a cycle needs two files: no-cycle skips code given on stdin). */
const lintFiles = (files: readonly string[], rule: string): number => {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files], { cwd: root, encoding: 'utf8' });
  const results = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return results.flatMap((r) => r.messages).filter((m) => m.ruleId === rule).length;
};

/** The import cycles among the TypeScript files under `dirs`, type-only imports included: each as a path a -> b -> a. */
function importCycles(dirs: readonly string[]): string[] {
  const filesIn = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const files = new Set(dirs.flatMap((d) => filesIn(path.join(root, d))));
  const imports = (file: string) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .flatMap((name) => [`${path.resolve(path.dirname(file), name)}.ts`, path.resolve(path.dirname(file), name, 'index.ts')])
      .filter((f) => files.has(f));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, stack: string[]) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of imports(file)) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(root, f)).join(' -> '));
      else if (!state.has(next)) visit(next, stack);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, []);
  return cycles;
}

describe('flow groups stay apart (lint)', () => {
  const sibling = "import { accountVerb } from '../account/access';\nexport const v = accountVerb;\n";
  it('a flow group may not import another group', async () => {
    expect(await restricted(sibling, 'bot/flows/duties/example.ts')).toBe(1);
    expect(await restricted("import { approvalHandlers } from '../approval/handlers';\nexport const h = approvalHandlers;\n", 'bot/flows/report/example.ts')).toBe(1);
    // A group of its own, and what groups share, are fine.
    expect(await restricted(sibling, 'bot/flows/account/example.ts')).toBe(0);
    expect(await restricted("import { periodLabel } from '../shared/periodLabel';\nimport { cardVerb } from '../commands/press';\nexport const p = [periodLabel, cardVerb];\n", 'bot/flows/duties/example.ts')).toBe(0);
  });

  it('what groups share imports no group', async () => {
    expect(await restricted(sibling, 'bot/flows/shared/example.ts')).toBe(1);
  });
});

describe('no import cycles', () => {
  it('the lint rule fails on two modules that import each other', () => {
    const dir = mkdtempSync(path.join(root, 'bot/store/cycleProbe-'));
    try {
      writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
      writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() - 1;\n");
      writeFileSync(path.join(dir, 'c.ts'), "import { a } from './a';\nexport const c = (): number => a();\n");
      expect(lintFiles([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')], 'import-x/no-cycle')).toBe(2);
      // Importing a module of a cycle is no cycle.
      expect(lintFiles([path.join(dir, 'c.ts')], 'import-x/no-cycle')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bot/domain, bot/store and bot/flows have none, type-only imports counted too', () => {
    expect(importCycles(['bot/domain', 'bot/store', 'bot/flows'])).toEqual([]);
  });
});
