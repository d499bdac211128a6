// Fills in the size and sha256 of every data file a bundled lesson declares, from lessons/<id>/data/.
// Usage: node scripts/lesson-sums.mjs lessons/<id> [...]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

for (const folder of process.argv.slice(2)) {
  const path = join(folder, 'lesson.json');
  const lesson = JSON.parse(readFileSync(path, 'utf8'));
  for (const file of lesson.data) {
    const bytes = readFileSync(join(folder, 'data', file.name));
    file.size = bytes.length;
    file.sha256 = createHash('sha256').update(bytes).digest('hex');
  }
  writeFileSync(path, `${JSON.stringify(lesson, null, 2)}\n`);
  console.log(`${path}: ${lesson.data.length} data files`);
}
