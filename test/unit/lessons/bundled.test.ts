// Every lesson shipped in lessons/ is valid: schema, both languages, every text present, data files of the declared
// size and sha256, solution lines that parse, and the tools it names installed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLesson, verifyData } from '../../../src/core/lessons/validate';
import { parseCommandLine } from '../../../src/core/console/parse-command-line';
import type { Lesson } from '../../../src/core/lessons/lesson';

const root = join(import.meta.dirname, '../../../lessons');
const ids = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const installed = new Set(
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../../../wasm/tools.json'), 'utf8')) as {
      tools: { programs: { name: string }[] }[];
    }
  ).tools.flatMap((tool) => tool.programs.map((program) => program.name)),
);

describe('bundled lessons', () => {
  it('there are at least six', () => expect(ids.length).toBeGreaterThanOrEqual(6));

  it.each(ids)('%s is valid, with its texts and data', async (id) => {
    const folder = join(root, id);
    const lesson = JSON.parse(readFileSync(join(folder, 'lesson.json'), 'utf8')) as Lesson;
    const texts = Object.fromEntries(
      readdirSync(join(folder, 'steps')).map((name) => [
        `steps/${name}`,
        readFileSync(join(folder, 'steps', name), 'utf8'),
      ]),
    );
    const result = validateLesson(lesson, texts);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(lesson.id).toBe(id);
    const data = Object.fromEntries(
      lesson.data.map((d) => [d.name, new Blob([readFileSync(join(folder, 'data', d.name))])]),
    );
    expect(await verifyData({ lesson, texts, data })).toEqual([]);
    // A solution is a console line when it starts with a program (others say what to click or answer).
    for (const step of lesson.steps)
      for (const line of step.solution.filter((l) => installed.has(l.split(' ')[0]!)))
        expect(parseCommandLine(line).kind, line).toBe('job');
    expect(lesson.tools.filter((tool) => !installed.has(tool))).toEqual([]);
  });
});
