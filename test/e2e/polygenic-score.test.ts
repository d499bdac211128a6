// Polygenic score as a person runs it in the built app: open a PGS Catalog scoring file and a VCF, run the
// analysis with the real wasm tools, and check the score against native plink2 --score on the matched variants
// the app exports; then the refusal below the minimum overlap, and the example opened from its button.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSessionWith, type SessionPage } from './support/session-page';
import { tableRows } from './support/report';
import { downloadText, exportedTable } from './support/downloads';
import { computePolygenicScore } from '../../src/core/prs/polygenic-score';
import { TARGET_QUERY_FORMAT } from '../../src/core/prs/target';

const PRS = join(import.meta.dirname, '..', 'fixtures', 'prs');
const SCORING = 'PGS_LOKUS_EXAMPLE.txt';
const VCF = 'SYNTH01.vcf';

async function runScore(page: Page, minOverlap?: string): Promise<void> {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  await page.getByRole('button', { name: 'Polygenic score', exact: true }).click();
  await page.getByLabel('Scoring file', { exact: false }).selectOption(SCORING);
  await page.getByLabel('Genotypes (VCF/BCF)', { exact: false }).selectOption(VCF);
  if (minOverlap !== undefined)
    await page.getByLabel('Minimum share of variants matched', { exact: false }).fill(minOverlap);
  await page.getByRole('button', { name: 'Run Polygenic score' }).click();
  await page
    .locator('[data-metric], [data-outcome="not-applicable"], .result [role="alert"]')
    .first()
    .waitFor({ timeout: 120_000 });
  const alert = page.locator('.result [role="alert"]');
  if (await alert.count()) throw new Error(`The analysis failed: ${await alert.innerText()}`);
}

describe('polygenic score', () => {
  let session: SessionPage;

  beforeAll(async () => {
    session = await openSessionWith([join(PRS, SCORING), join(PRS, VCF)]);
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('scores the sample as plink2 --score does on the matched variants', async () => {
    const { page } = session.app;
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(2);
    await runScore(page);
    expect((await tableRows(page, 'Scores'))[0]!['sample']).toBe('SYNTH01');
    const header = Object.fromEntries((await tableRows(page, 'Scoring file')).map((r) => [r['field'], r['value']]));
    expect(header).toMatchObject({ 'PGS ID': 'PGS_LOKUS_EXAMPLE', 'Build of the VCF': 'GRCh37', Licence: 'CC0 1.0' });
    // The exported table carries the full precision the screen rounds.
    const [score] = await exportedTable(page, page.locator('.result'), 'scores');
    const matched = await downloadText(
      page,
      page.getByRole('button', { name: 'Matched variants for plink2 --score (TSV)' }),
    );
    const lines = matched.trim().split('\n');
    expect(lines[0]).toBe('ID\teffect_allele\teffect_weight\teffect_type');
    // 1,900 of the 2,000 sites are genotyped; the few A/T and C/G sites among them are excluded.
    expect(lines.length - 1).toBeGreaterThan(1700);
    expect(lines.length - 1).toBeLessThan(1900);

    const dir = mkdtempSync(join(tmpdir(), 'lokus-prs-e2e-'));
    writeFileSync(join(dir, 'matched.tsv'), matched);
    execFileSync(
      'plink2',
      [
        '--vcf',
        join(PRS, VCF),
        '--set-all-var-ids',
        '@:#:$r:$a',
        '--score',
        join(dir, 'matched.tsv'),
        '1',
        '2',
        '3',
        'header',
        'cols=+scoresums',
        'no-mean-imputation',
        '--out',
        join(dir, 'plink'),
      ],
      { stdio: 'ignore' },
    );
    const [head, row] = readFileSync(join(dir, 'plink.sscore'), 'utf8').trim().split('\n');
    const plink = Object.fromEntries(head!.split('\t').map((c, i) => [c, row!.split('\t')[i]!]));
    const sig6 = (x: string | number) => Number(Number(x).toPrecision(6));
    expect(sig6(score!['SUM']!)).toBe(sig6(plink['SCORE1_SUM']!));
    expect(Number(score!['ALLELE_CT'])).toBe(Number(plink['ALLELE_CT']));
    expect(sig6(score!['AVG']!)).toBe(sig6(plink['SCORE1_AVG']!));
    const summary = await tableRows(page, 'Match summary');
    expect(summary.some((r) => r['status'] === 'excluded' && r['ambiguous'] === 'yes')).toBe(true);
    expect(summary.some((r) => r['status'] === 'unmatched')).toBe(true);
  });

  it('refuses to report below the minimum overlap and says why', async () => {
    const { page } = session.app;
    await runScore(page, '90');
    await expect
      .poll(() => page.locator('[data-outcome="not-applicable"]').innerText())
      .toMatch(/only \d+ of 2000 variants .* below the minimum of 90\.0 %/);
  });
});

describe('polygenic score example', () => {
  let session: SessionPage;

  beforeAll(async () => {
    session = await openSessionWith([]);
  });
  afterAll(async () => {
    await session?.browser.close();
  });

  it('opens from its button and scores the synthetic genome as the core does on the fixture files', async () => {
    const { page } = session.app;
    await page.getByRole('button', { name: 'Try a polygenic score' }).click();
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(2);
    await runScore(page);
    const [score] = await exportedTable(page, page.locator('.result'), 'scores');
    const query = execFileSync('bcftools', ['query', '-H', '-f', TARGET_QUERY_FORMAT, join(PRS, VCF)], {
      encoding: 'utf8',
    });
    const expected = computePolygenicScore(readFileSync(join(PRS, SCORING), 'utf8'), query, {
      keepAmbiguous: false,
      keepMultiallelic: false,
      minOverlap: 0.75,
    }).scores[0]!;
    expect(score!['sample']).toBe('SYNTH01');
    expect(Number(score!['SUM'])).toBe(expected.sum);
    expect(Number(score!['ALLELE_CT'])).toBe(expected.alleleCount);
  });
});
