// Reads the committed outputs of the native tools (test/fixtures/tool-output, see the fixtures README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function toolOutput(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/tool-output/${name}`, import.meta.url)), 'utf8');
}

/** The same text with line `number` (1-based) replaced. */
export function withLine(text: string, number: number, replacement: string): string {
  const lines = text.split('\n');
  lines[number - 1] = replacement;
  return lines.join('\n');
}
