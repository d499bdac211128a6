// Notes are saved into the session they were typed in, even when the user switches session during the pause
// before the save (issue #16: they used to land in the session switched to).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSessionWith, type SessionPage } from './support/session-page';

let session: SessionPage;
beforeAll(async () => {
  session = await openSessionWith([]);
});
afterAll(async () => session?.browser.close());

it('keeps notes typed just before "New session" in the session they were typed in', async () => {
  const { page } = session.app;
  const notes = page.getByLabel('Notes');
  const picker = page.getByLabel('Session', { exact: true });
  const first = await picker.inputValue();
  await notes.fill('Typed in the first session');
  // At once, well inside the pause before the save.
  await page.getByRole('button', { name: 'New session' }).click();
  await expect.poll(() => picker.inputValue()).not.toBe(first);
  await expect.poll(() => page.locator('label.notes').getAttribute('data-saved')).toBe('true');
  expect(await notes.inputValue()).toBe('');

  await picker.selectOption(first);
  await expect.poll(() => notes.inputValue()).toBe('Typed in the first session');
  // And after a reload, from storage: each session has its own notes.
  await page.reload();
  await expect.poll(() => notes.inputValue(), { timeout: 60_000 }).toBe('Typed in the first session');
  const second = (
    await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
  ).find((id) => id !== first)!;
  await picker.selectOption(second);
  await expect.poll(() => picker.inputValue()).toBe(second);
  expect(await notes.inputValue()).toBe('');
});
