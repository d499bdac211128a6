// Files the app offers for download, read back as a person would open them: a file's text, and a result table
// exported as TSV.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Clicks the button and returns the text of the file it downloads. */
export async function downloadText(page: Page, button: Locator): Promise<string> {
  const pending = page.waitForEvent('download');
  await button.click();
  return readFileSync((await (await pending).path())!, 'utf8');
}

/** The result table `key` ("variants", "depth") exported with its TSV button in `scope`, as header -> cell rows. */
export async function exportedTable(page: Page, scope: Locator, key: string): Promise<Record<string, string>[]> {
  const text = await downloadText(
    page,
    scope.locator('.table-export', { hasText: `${key}:` }).getByRole('button', { name: 'TSV' }),
  );
  const [head, ...lines] = text.trim().split('\n');
  const header = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}
