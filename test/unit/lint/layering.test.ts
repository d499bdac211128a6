// The layering rule in eslint.config.js: one case per way an outer layer could be reached, barrels included.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

// ESLint's first lint loads the TypeScript parser and every plugin: seconds on a busy machine.
describe('layering lint rule', { timeout: 60_000 }, () => {
  it.each([
    ['ui imports the engine barrel', 'src/ui/x.ts', "import * as e from '../engine';"],
    ['ui imports the storage barrel by index', 'src/ui/files/x.ts', "import * as s from '../../storage/index';"],
    ['state imports the storage barrel', 'src/state/x.svelte.ts', "import * as s from '../storage';"],
    ['core imports the state barrel', 'src/core/files/x.ts', "import * as s from '../../state';"],
    ['core imports an engine module', 'src/core/x.ts', "import * as e from '../engine/tool-worker';"],
    ['engine imports storage', 'src/engine/x.ts', "import * as s from '../storage';"],
    ['core imports dexie', 'src/core/x.ts', "import Dexie from 'dexie';"],
  ])('refuses: %s', async (_name, filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport const used = 1;\n`)).toBeGreaterThan(0);
  });

  it.each([
    ['core imports its own engine interface', 'src/core/tools/x.ts', "import type { ToolEngine } from './engine';"],
    [
      'state imports the core engine interface',
      'src/state/x.ts',
      "import type { ToolEngine } from '../core/tools/engine';",
    ],
    ['ui imports state', 'src/ui/x.ts', "import * as s from '../state/sessions.svelte';"],
  ])('allows: %s', async (_name, filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport const used = 1;\n`)).toBe(0);
  });
});
