// A failing end-to-end test leaves a full-page screenshot of every page it had open, in test-results/e2e (or
// $LOKUS_ARTIFACTS_DIR), and prints where: what the user would have seen is the first thing to look at.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openPages } from './browser';

const DIR = process.env.LOKUS_ARTIFACTS_DIR ?? join('test-results', 'e2e');

const slug = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  await mkdir(DIR, { recursive: true });
  let n = 0;
  for (const page of openPages) {
    n += 1;
    const file = join(DIR, `${slug(`${task.file.name}-${task.name}`)}-${n}.png`);
    // A page that crashed or closed meanwhile cannot be photographed; the failure itself is what matters.
    const saved = await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (saved) console.error(`e2e failure screenshot: ${file}`);
  }
});
