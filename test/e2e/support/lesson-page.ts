// A scripted learner: starts a lesson, types in the console, answers, presses Check and reads what each check says.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
}

export async function startLesson(page: Page, title: string): Promise<void> {
  await page.getByTestId('lesson-card').filter({ hasText: title }).getByRole('button').click();
  await page.getByTestId('lesson-step').waitFor();
}

export async function answer(page: Page, index: number, text: string): Promise<void> {
  const box = page
    .getByTestId('lesson-step')
    .getByLabel(/Your answer|Ditt svar/)
    .nth(index);
  if ((await box.evaluate((el) => el.tagName)) === 'SELECT') await box.selectOption(text);
  else await box.fill(text);
}

/** Presses Check and returns each check's line once the results are in. */
export async function check(page: Page): Promise<string[]> {
  const step = page.getByTestId('lesson-step');
  await step.getByRole('button', { name: /^(Check|Kontrollera)$/ }).click();
  await expect
    .poll(() => step.getByRole('button', { name: /^(Check|Kontrollera)$/ }).isEnabled(), { timeout: 60_000 })
    .toBe(true);
  return step.getByTestId('check-result').allInnerTexts();
}

export async function goToStep(page: Page, title: string): Promise<void> {
  await page
    .getByRole('list', { name: /Steps|Steg/ })
    .getByRole('button', { name: title })
    .click();
  await expect.poll(() => page.getByTestId('lesson-step').locator('h4').innerText()).toBe(title);
}

/** Runs an analysis from the Analyses panel on these inputs (label -> file) and waits for its result. */
export async function runAnalysis(page: Page, title: string, inputs: Record<string, string>): Promise<void> {
  const close = page.getByRole('button', { name: 'Close result' });
  if (await close.count()) await close.click();
  await page.getByRole('button', { name: title, exact: true }).click();
  for (const [label, file] of Object.entries(inputs)) await page.getByLabel(label, { exact: false }).selectOption(file);
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await page.locator('[data-metric], .result [role="alert"]').first().waitFor({ timeout: 120_000 });
  const alert = page.locator('.result [role="alert"]');
  if (await alert.count()) throw new Error(`The analysis failed: ${await alert.innerText()}`);
}
