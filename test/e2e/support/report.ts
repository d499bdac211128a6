// Reading an analysis report as the e2e tests check it: a shown table's rows by its caption, the serious axe-core
// violations inside the open result, and numbers written as the tables write them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** A shown table's rows as header -> cell text (waits for the table: tool runs can be slow on CI). */
export async function tableRows(page: Page, title: string, timeout = 180_000): Promise<Record<string, string>[]> {
  const table = page.getByRole('table', { name: title });
  await table.waitFor({ timeout });
  const headers = await table.locator('thead th').allInnerTexts();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h.trim(), cells[i]!.trim()])));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations inside the open result (every rule on). The page's context needs
 * `bypassCSP: true`: axe is injected as an inline script, which the app's own CSP rightly forbids. */
export async function reportViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run('.print-report')).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A number as the report tables print it: at most two decimals. */
export const round2 = (value: number): string => String(Math.round(value * 100) / 100);
