// The variant browser as a person uses it, with the real wasm bcftools: a gene panel BED, an expression,
// chosen samples, a genotype filter and columns; the rows (exported as TSV and VCF) are the ones native
// bcftools prints; after a reload the filters and rows are back; VEP annotations come as +split-vep columns;
// on an indexed file without a region the query runs as parts on the workers and gives the single query's rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppPage } from './support/browser';
import { openSessionWith } from './support/session-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const VCF = '1kg_phase1_chr22_5samples.vcf.gz';
const VEP = 'vep_csq_chr1.vcf.gz';
const SPLIT = 'ex1.mpileup.vcf.gz';
const lines = (name: string) =>
  readFileSync(join(FIXTURES, 'tool-output', name), 'utf8')
    .trimEnd()
    .split('\n');

// native, in test/fixtures:
//   bcftools view --no-version -R chr22_panel.bed -s HG00097,HG00100 -Ou $VCF \
//   | bcftools view --no-version -i '(INFO/AF>0.1) && GT="het"' -Ou - \
//   | bcftools query -f '%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER\t%INFO/AF\t%INFO/AN\t%INFO/VT[\t%GT]\n' -
const PANEL_ROWS = lines(`bcftools-query.${VCF}.panel.txt`);
// native: bcftools +split-vep -a CSQ -s worst -f '%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER\t%Consequence\t%SYMBOL\t%IMPACT\n' $VEP
const VEP_ROWS = lines(`bcftools-split-vep.${VEP}.txt`);
// native: bcftools query -f '%CHROM\t%POS\t%ID\t%REF\t%ALT\t%QUAL\t%FILTER\t%INFO/DP\t%INFO/AC\t%INFO/AN\t%INFO/MQ[\t%GT]\n' -i 'INFO/DP>10' $SPLIT
const SPLIT_ROWS = lines(`bcftools-query.${SPLIT}.txt`);
const SPLIT_COLUMNS = 'CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tDP\tAC\tAN\tMQ\tex1.bam';

async function exportedTsv(page: Page): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export TSV' }).click();
  return readFileSync((await (await download).path())!, 'utf8')
    .trimEnd()
    .split('\n');
}

describe('variant browser', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith(
      [VCF, `${VCF}.tbi`, 'chr22_panel.bed', VEP, SPLIT, `${SPLIT}.tbi`, 'ex1.mpileup.bcf', 'ex1.mpileup.bcf.csi'].map(
        (name) => join(FIXTURES, name),
      ),
    ));
    await app.page.getByRole('button', { name: 'Variant browser', exact: true }).click();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters by gene panel, expression, samples and genotype with the rows native bcftools prints', async () => {
    const { page } = app;
    await expect.poll(() => page.getByLabel('VCF or BCF file').locator('option').allInnerTexts()).toContain(VCF);
    await page.getByLabel('VCF or BCF file').selectOption(VCF);
    await page.getByLabel('Gene panel (BED)').selectOption('chr22_panel.bed');
    await page.getByLabel('Expression', { exact: true }).fill('INFO/AF>0.1');
    await page.getByRole('checkbox', { name: 'HG00097' }).check();
    await page.getByRole('checkbox', { name: 'HG00100' }).check();
    await page.getByLabel('Genotype').selectOption('het');
    await page.getByRole('checkbox', { name: 'AC', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 120_000 })
      .toBe(`${PANEL_ROWS.length} variants`);
    expect(await exportedTsv(page)).toEqual([
      'CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tAF\tAN\tVT\tHG00097\tHG00100',
      ...PANEL_ROWS,
    ]);
    // The VCF export selects the same records.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export VCF' }).click();
    const records = gunzipSync(readFileSync((await (await download).path())!))
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(records.map((r) => r.split('\t').slice(0, 2).join(':'))).toEqual(
      PANEL_ROWS.map((r) => r.split('\t').slice(0, 2).join(':')),
    );
    expect(records[0]!.split('\t').length).toBe(9 + 2);
  });

  it('shows the same filters, columns and rows after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 60_000 })
      .toBe(`${PANEL_ROWS.length} variants`);
    expect(await page.getByLabel('VCF or BCF file').inputValue()).toBe(VCF);
    expect(await page.getByLabel('Gene panel (BED)').inputValue()).toBe('chr22_panel.bed');
    expect(await page.getByLabel('Expression', { exact: true }).inputValue()).toBe('INFO/AF>0.1');
    expect(await page.getByLabel('Expression mode').inputValue()).toBe('include');
    expect(await page.getByLabel('Genotype').inputValue()).toBe('het');
    const checked = async (name: string) => page.getByRole('checkbox', { name, exact: true }).isChecked();
    expect(await Promise.all(['HG00096', 'HG00097', 'HG00099', 'HG00100', 'HG00101'].map(checked))).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(await Promise.all(['AF', 'AC', 'AN', 'VT'].map(checked))).toEqual([true, false, true, true]);
    expect(await exportedTsv(page)).toEqual([
      'CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tAF\tAN\tVT\tHG00097\tHG00100',
      ...PANEL_ROWS,
    ]);
  });

  it('shows VEP annotations as bcftools +split-vep columns, worst consequence per site', async () => {
    const { page } = app;
    await page.getByLabel('VCF or BCF file').selectOption(VEP);
    await page.getByText('CSQ annotation columns').click();
    expect(await page.getByRole('checkbox', { name: 'Consequence', exact: true }).isChecked()).toBe(true);
    // Only the annotation columns, as the native command was run.
    const af = page.getByRole('group', { name: 'INFO columns' }).getByRole('checkbox', { name: 'AF', exact: true });
    if (await af.isChecked()) await af.uncheck();
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 120_000 })
      .toBe(`${VEP_ROWS.length} variants`);
    expect(await exportedTsv(page)).toEqual([
      'CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tConsequence\tSYMBOL\tIMPACT',
      ...VEP_ROWS,
    ]);
  });

  it('queries an indexed VCF as parts on the workers at once, with the rows of the single query, also after a reload', async () => {
    const { page } = app;
    // A BCF's index lists contigs in header order, not necessarily its records' order: it runs as one query.
    await page.getByLabel('VCF or BCF file').selectOption('ex1.mpileup.bcf');
    await expect
      .poll(() => page.locator('pre.command').innerText(), { timeout: 60_000 })
      .toMatch(/^bcftools query .* ex1\.mpileup\.bcf > ex1\.mpileup\.bcf\.browser\.tsv$/);
    await page.getByLabel('VCF or BCF file').selectOption(SPLIT);
    await page.getByLabel('Expression', { exact: true }).fill('INFO/DP>10');
    // The shown command is what runs: one bcftools query per part, each on its own records by POS.
    await expect
      .poll(() => page.locator('pre.command').innerText(), { timeout: 60_000 })
      .toContain('--regions-overlap pos');
    const commands = (await page.locator('pre.command').innerText()).split('\n');
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const [i, command] of commands.entries())
      expect(command).toMatch(
        new RegExp(
          `^bcftools query -f .* -r \\S+ --regions-overlap pos -i 'INFO/DP>10' ${SPLIT} > ${SPLIT}\\.browser\\.part${i + 1}\\.tsv$`,
        ),
      );
    const runsBefore = await page.getByTestId('run').count();
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 120_000 })
      .toBe(`${SPLIT_ROWS.length.toLocaleString('en-US')} variants`);
    expect(await exportedTsv(page)).toEqual([SPLIT_COLUMNS, ...SPLIT_ROWS]);
    // Each part is a run in the history with its own command.
    await expect.poll(() => page.getByTestId('run').count()).toBe(runsBefore + commands.length);
    const ran = await page.getByTestId('run').locator('code.command').allInnerTexts();
    expect(ran.slice(0, commands.length).sort()).toEqual([...commands].sort());

    await page.reload();
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 60_000 })
      .toBe(`${SPLIT_ROWS.length.toLocaleString('en-US')} variants`);
    expect(await page.getByLabel('VCF or BCF file').inputValue()).toBe(SPLIT);
    expect(await exportedTsv(page)).toEqual([SPLIT_COLUMNS, ...SPLIT_ROWS]);
  });

  it('asks only its own origin and logs no page error', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors.join('\n')).toBe('');
  });
});
