// Each bundled lesson taken by a scripted learner in real Chromium: every step first done wrong (each check type
// must fail, saying what is wrong), then right (it passes); progress kept over a reload; reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionWith, type SessionPage } from './support/session-page';
import { answer, check, goToStep, runInConsole, startLesson } from './support/lesson-page';

describe('lesson: BAM and VCF first steps', () => {
  let s: SessionPage;
  beforeAll(async () => {
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'BAM and VCF: first steps');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('flagstat: a wrong command, a wrong number, then right', async () => {
    const { page } = s.app;
    expect(await check(page)).toEqual([
      '✗ Run a command in the console first.',
      '✗ Run a command in the console first.',
      '✗ Type your answer first.',
    ]);
    await runInConsole(page, 'samtools idxstats ex1.bam');
    await answer(page, 0, '3306');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Use the subcommand flagstat (your command used "idxstats").');
    expect(wrong[1]).toMatch(/^✗ The output differs from what is expected at line 1: expected "3307 \+ 0 in total/);
    expect(wrong[2]).toBe('✗ That number is not right yet: look again at the output.');
    await expect.poll(() => page.getByTestId('lesson-solution').count()).toBe(0);
    await runInConsole(page, 'samtools flagstat ex1.bam');
    await answer(page, 0, '3307');
    expect(await check(page)).toEqual(['✓ Passed', '✓ Passed', '✓ Passed']);
    await expect.poll(() => page.getByTestId('lesson-solution').innerText()).toContain('samtools flagstat ex1.bam');
  });

  it('index: the state check fails before samtools index and passes after', async () => {
    const { page } = s.app;
    await goToStep(page, 'Index the BAM');
    expect(await check(page)).toEqual(['✗ ex1.bam has no index yet.']);
    await runInConsole(page, 'samtools index ex1.bam');
    expect(await check(page)).toEqual(['✓ Passed']);
  });

  it('region: an equivalent spelling passes, a missing option and a wrong region fail', async () => {
    const { page } = s.app;
    await goToStep(page, 'Reads in a region');
    await runInConsole(page, 'samtools view ex1.bam seq2:100-200');
    await answer(page, 0, '80');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Your command is missing the option -c.');
    expect(wrong[2]).toBe('✗ That number is not right yet: look again at the output.');
    await runInConsole(page, 'samtools view --count ex1.bam seq2:100-200');
    await answer(page, 0, '79');
    expect(await check(page)).toEqual(['✓ Passed', '✓ Passed', '✓ Passed']);
  });

  it('variants and subset: a file check says which line differs, then passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'The variants of a VCF');
    await runInConsole(page, 'bcftools view -H ex1.calls.vcf.gz');
    await answer(page, 0, '7');
    expect(await check(page)).toEqual(['✓ Passed', '✓ Passed', '✓ Passed']);
    await goToStep(page, 'Keep one contig in a new file');
    await runInConsole(page, 'bcftools view -r seq1 -Oz -o seq2.vcf.gz ex1.calls.vcf.gz');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Option -r should be seq2, not seq1.');
    expect(wrong[1]).toMatch(/^✗ seq2\.vcf\.gz differs from what is expected at line 1: expected "seq2\s156/);
    await runInConsole(page, 'bcftools view --regions seq2 --output-type z --output seq2.vcf.gz ex1.calls.vcf.gz');
    expect(await check(page)).toEqual(['✓ Passed', '✓ Passed']);
  });

  it('keeps the progress over a reload, in Swedish too, and resets', async () => {
    const { page } = s.app;
    await page.reload();
    await page.getByTestId('lesson-step').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByText('5 of 5 steps done').count()).toBe(1);
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => page.getByText('5 av 5 steg klara').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('lesson-step').locator('h4').innerText())
      .toBe('Spara en kontig i en ny fil');
    await page.getByRole('button', { name: 'Börja om lektionen' }).click();
    await expect.poll(() => page.getByText('0 av 5 steg klara').count()).toBe(1);
    await page.getByLabel('Språk').selectOption('en');
  });
});
