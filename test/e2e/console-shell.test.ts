// The console as a shell people know: the pipelines `help` shows, through the text tools (busybox in wasm), give
// what the same pipeline gives in a Linux shell (native bcftools | GNU coreutils/grep, run here step by step
// with argv arrays); `>` writes a file; Tab completes subcommands.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const INPUTS = ['ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi', '1kg_phase1_chr22_5samples.vcf.gz'];

/** Runs a pipeline natively, one process per step, each step's stdout the next one's stdin. */
function native(steps: string[][]): string {
  let data = Buffer.alloc(0);
  for (const [program, ...argv] of steps)
    data = execFileSync(program!, argv, { cwd: FIXTURES, input: data, maxBuffer: 1 << 28 });
  return data.toString('utf8');
}

async function runInConsole(page: Page, line: string): Promise<string> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill('clear');
  await command.press('Enter');
  await expect.poll(() => page.getByRole('log').innerText()).not.toContain('$ ');
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
  await expect.poll(() => page.getByRole('log').innerText()).toContain(`$ ${line}`);
  return (await page.getByRole('log').innerText()).replace(/\r/g, '');
}

describe('console pipelines against the native shell', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
    await app.page.getByLabel('Open files', { exact: true }).setInputFiles(INPUTS.map((f) => join(FIXTURES, f)));
    await app.page.getByTestId('file-row').nth(2).waitFor();
  });
  afterAll(async () => app?.close());

  it.each([
    {
      line: 'bcftools view -H ex1.calls.vcf.gz | head',
      steps: [['bcftools', 'view', '-H', 'ex1.calls.vcf.gz'], ['head']],
    },
    {
      line: "bcftools query -f '%CHROM\\n' ex1.calls.vcf.gz | sort | uniq -c | sort -rn | head",
      steps: [
        ['bcftools', 'query', '-f', '%CHROM\\n', 'ex1.calls.vcf.gz'],
        ['sort'],
        ['uniq', '-c'],
        ['sort', '-rn'],
        ['head'],
      ],
    },
    {
      line: "bcftools query -f '%REF>%ALT\\n' 1kg_phase1_chr22_5samples.vcf.gz | sort | uniq -c | sort -rn | head -n 5",
      steps: [
        ['bcftools', 'query', '-f', '%REF>%ALT\\n', '1kg_phase1_chr22_5samples.vcf.gz'],
        ['sort'],
        ['uniq', '-c'],
        ['sort', '-rn'],
        ['head', '-n', '5'],
      ],
    },
    {
      line: "zcat 1kg_phase1_chr22_5samples.vcf.gz | grep -v '^#' | cut -f 1,2,4,5 | awk '$3 != \"A\"' | wc -l",
      steps: [
        ['zcat', '1kg_phase1_chr22_5samples.vcf.gz'],
        ['grep', '-v', '^#'],
        ['cut', '-f', '1,2,4,5'],
        ['awk', '$3 != "A"'],
        ['wc', '-l'],
      ],
    },
    {
      line: "zcat ex1.calls.vcf.gz | grep -c -E 'INDEL|DP=1[0-9]'",
      steps: [
        ['zcat', 'ex1.calls.vcf.gz'],
        ['grep', '-c', '-E', 'INDEL|DP=1[0-9]'],
      ],
    },
  ])('$line', async ({ line, steps }) => {
    const expected = native(steps).trimEnd();
    expect(expected.length).toBeGreaterThan(0);
    const text = await runInConsole(app.page, line);
    // htslib's warnings (the 1000 Genomes VCF has no ##contig lines) are stderr, shown as a terminal shows them
    const shown = text.slice(text.indexOf(`$ ${line}`) + line.length + 3).split('\n');
    expect(
      shown
        .filter((l) => !l.startsWith('[W::'))
        .join('\n')
        .trimEnd(),
    ).toBe(expected);
  });

  it('writes a pipeline with > into a file that later commands read', async () => {
    const { page } = app;
    await runInConsole(page, "bcftools query -f '%POS\\t%REF\\n' ex1.calls.vcf.gz | sort -k1,1nr > positions.txt");
    const expected = native([
      ['bcftools', 'query', '-f', '%POS\\t%REF\\n', 'ex1.calls.vcf.gz'],
      ['sort', '-k1,1nr'],
    ]).trimEnd();
    const text = await runInConsole(page, 'cat positions.txt');
    expect(text.slice(text.indexOf('$ cat positions.txt') + '$ cat positions.txt'.length).trim()).toBe(expected);
  });

  it.each([
    ['bcftools st', 'bcftools stats '],
    ['samtools flagst', 'samtools flagstat '],
    ['bcftools view -H ex1.calls.vcf.gz | hea', 'bcftools view -H ex1.calls.vcf.gz | head '],
  ])('Tab completes %s to the subcommand or program', async (typed, completed) => {
    const command = app.page.getByRole('textbox', { name: 'Command' });
    await command.fill(typed);
    await command.press('Tab');
    await expect.poll(() => command.inputValue()).toBe(completed);
  });
});
