// An engine source file as plain JavaScript in a temporary folder, so a Node worker thread can import the very
// code under test (worker threads load files, not Vitest's transformed modules).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/** `name` is a file of src/engine without its extension, e.g. 'shared-pipe'; it must import nothing. */
export function compiledEngineModule(name: string): string {
  const source = readFileSync(join(import.meta.dirname, `../../../src/engine/${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(mkdtempSync(join(tmpdir(), `lokus-${name}-`)), `${name}.mjs`);
  writeFileSync(file, outputText);
  return file;
}
