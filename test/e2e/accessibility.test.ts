// Accessibility as axe-core sees it: no serious or critical violations on the empty app, with the example
// session open, and after a command ran; the main controls have the accessible names people and tests use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(app: AppPage): Promise<string[]> {
  await app.page.addScriptTag({ content: axeSource });
  const violations = await app.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  let app: AppPage;
  beforeAll(async () => {
    // axe-core is injected as an inline script, which the app's own CSP rightly forbids.
    const browser = await launchBrowser();
    app = await openApp({ browser, context: await browser.newContext({ bypassCSP: true }) });
    await app.page.getByLabel('Notes').waitFor();
  });
  afterAll(async () => {
    await app?.browser.close();
  });

  it('names the main controls', async () => {
    const { page } = app;
    expect(await page.getByLabel('Open files', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Command' }).count()).toBe(1);
    expect(await page.getByRole('log').count()).toBe(1);
  });

  it('has no serious violations on the empty app', async () => {
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('has no serious violations with the example session open and a command run', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try the example session' }).click();
    await expect.poll(() => page.getByTestId('file-row').count()).toBeGreaterThanOrEqual(8);
    const command = page.getByRole('textbox', { name: 'Command' });
    await command.fill('samtools idxstats ex1.bam');
    await command.press('Enter');
    await expect.poll(() => page.getByRole('log').innerText()).toMatch(/seq2\t1584\t/);
    expect(await seriousViolations(app)).toEqual([]);
  });

  it('can be driven from the keyboard: Tab reaches the command line and Enter runs it', async () => {
    const { page } = app;
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 200 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Command');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('samtools view -c ex1.bam');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('log').innerText()).toMatch(/\n3307\n|\n3307$/);
  });
});
