// The clinical quick checks as a person runs them in the built app with the real wasm tools: gene-panel coverage,
// somatic hotspots, sample identity and sample sex on the fixtures, with the shown numbers checked against what
// the native tools printed (test/fixtures/expected/clinical), and the printed report's layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { reportViolations, round2, tableRows } from './support/report';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const native = (name: string): string =>
  (JSON.parse(readFileSync(join(FIXTURES, 'expected', 'clinical', `${name}.json`), 'utf8')) as { stdout: string })
    .stdout;
const nativeLines = (name: string): string[][] =>
  native(name)
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.split('\t'));

async function run(
  page: Page,
  title: string,
  inputs: Record<string, string>,
  params: Record<string, string> = {},
): Promise<void> {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  await page.getByRole('button', { name: title, exact: true }).click();
  for (const [label, file] of Object.entries(inputs)) await page.getByLabel(label, { exact: false }).selectOption(file);
  for (const [label, value] of Object.entries(params)) await page.getByLabel(label).selectOption(value);
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await expect
    .poll(() => page.locator('#result-heading').innerText(), { timeout: 30_000 })
    .toContain(Object.values(inputs)[0]!);
  await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
}

describe('clinical quick checks', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core is injected as an inline script, which the app's own CSP rightly forbids.
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the fixtures', async () => {
    const { page } = app;
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    const files = [
      'ex1.fa',
      'ex1.fa.fai',
      'ex1.bam',
      'ex1.bam.bai',
      'ex1.panel.bed',
      'hotspots.grch38.bam',
      'hotspots.grch38.bam.bai',
      'identity.HG00096.a.vcf.gz',
      'identity.HG00096.a.vcf.gz.tbi',
      'identity.HG00096.b.vcf.gz',
      'identity.HG00096.b.vcf.gz.tbi',
      'identity.HG00097.vcf.gz',
      'identity.HG00097.vcf.gz.tbi',
      'sex.male.bam',
      'sex.male.bam.csi',
      'sex.female.bam',
      'sex.female.bam.csi',
      'sex.panel.bed',
      'sex.chrX.vcf.gz',
      'sex.chrX.vcf.gz.tbi',
    ];
    await page.getByLabel('Open files', { exact: true }).setInputFiles(files.map((name) => join(FIXTURES, name)));
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(files.length);
  });

  it('runs gene-panel coverage and shows what native samtools bedcov and depth give', async () => {
    const { page } = app;
    await run(page, 'Gene-panel coverage', { Alignments: 'ex1.bam', 'Panel BED': 'ex1.panel.bed' });
    const regions = await tableRows(page, 'Coverage per region');
    const at10 = nativeLines('panel-bedcov-10');
    const at20 = nativeLines('panel-bedcov-20');
    expect(regions).toHaveLength(at10.length);
    for (const [i, row] of regions.entries()) {
      const f = at10[i]!;
      const n = f.length; // bed fields, then sum, bases >= 10, reads
      const length = Number(f[2]) - Number(f[1]);
      expect(row).toMatchObject({
        chrom: f[0],
        start: f[1],
        end: f[2],
        reads: f[n - 1],
        'mean depth': round2(Number(f[n - 3]) / length),
        '% ≥10×': round2((100 * Number(f[n - 2])) / length),
      });
      expect(row['% ≥20×']).toBe(round2((100 * Number(at20[i]!.at(-1))) / length));
    }
    const genes = await tableRows(page, 'Coverage per gene');
    expect(genes.map((g) => g['gene'])).toEqual(['GENEA', 'GENEB', 'GENEC', 'seq2:1501-1584']);
    // The first low stretch, from native samtools depth: the first run of positions below 10x.
    const depth = nativeLines('panel-depth');
    const first = depth.findIndex((f) => Number(f[2]) < 10);
    let last = first;
    while (
      depth[last + 1] &&
      Number(depth[last + 1]![2]) < 10 &&
      depth[last + 1]![0] === depth[first]![0] &&
      Number(depth[last + 1]![1]) === Number(depth[last]![1]) + 1
    )
      last += 1;
    const low = await tableRows(page, 'Low-coverage intervals');
    expect(low[0]).toMatchObject({
      chrom: depth[first]![0],
      start: String(Number(depth[first]![1]) - 1),
      end: depth[last]![1],
    });
    await expect.poll(() => page.locator('[data-chart="gene-coverage"] svg').count()).toBeGreaterThan(0);
    expect(await page.getByText('For research and education, not for clinical decisions').first().isVisible()).toBe(
      true,
    );
  });

  it('shows the report without serious accessibility violations', async () => {
    expect(await reportViolations(app.page)).toEqual([]);
  });

  it('prints the open result alone, with its provenance', async () => {
    const { page } = app;
    await page.emulateMedia({ media: 'print' });
    try {
      const provenance = page.getByTestId('report-provenance');
      expect(await provenance.isVisible()).toBe(true);
      const text = await provenance.innerText();
      expect(text).toMatch(/samtools \(samtools 1\.16\.1\)/);
      expect(text).toMatch(/wasm sha256 [0-9a-f]{64}/);
      expect(text).toContain('samtools bedcov -j -c -d 10 ex1.panel.bed ex1.bam');
      expect(text).toMatch(/ex1\.bam\s+\d{1,3}(,\d{3})*\s+[0-9a-f]{64}/);
      expect(await page.getByRole('table', { name: 'Coverage per region' }).isVisible()).toBe(true);
      expect(await page.locator('[data-chart="gene-coverage"] svg').isVisible()).toBe(true);
      expect(await page.getByText('Limits of this report').isVisible()).toBe(true);
      // The rest of the app is not printed: the file list, the console, the analysis picker, the buttons.
      expect(await page.getByTestId('file-row').first().isVisible()).toBe(false);
      expect(await page.getByRole('group', { name: 'Analysis' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
      expect(await page.getByLabel('Command', { exact: true }).isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(true);
  });

  it('opens the genome viewer at a low-coverage interval', async () => {
    const { page } = app;
    const first = (await tableRows(page, 'Low-coverage intervals'))[0]!;
    // The interval with 20 bases on each side (BED start is 0-based).
    const locus = `${first['chrom']}:${Math.max(1, Number(first['start']) + 1 - 20)}-${Number(first['end']) + 20}`;
    await page
      .getByRole('table', { name: 'Low-coverage intervals' })
      .getByRole('button', { name: `View ${locus} in the genome viewer` })
      .click();
    await expect
      .poll(() => page.getByTestId('igv-container').getAttribute('data-locus'), { timeout: 60_000 })
      .toBe(locus);
  });

  it('lists a panel gene on a contig without reads (chrY in a female sample) as low, as native samtools depth -aa does', async () => {
    const { page } = app;
    await run(page, 'Gene-panel coverage', { Alignments: 'sex.female.bam', 'Panel BED': 'sex.panel.bed' });
    // Native `samtools depth -aa -b`: every panel base, zeros on chrY and chrM; runs below 10x merged.
    const expected: { chrom: string; start: string; end: string }[] = [];
    for (const [chrom, pos, depth] of nativeLines('panel-female-depth')) {
      if (Number(depth) >= 10) continue;
      const last = expected.at(-1);
      if (last && last.chrom === chrom && Number(last.end) === Number(pos) - 1) last.end = pos!;
      else expected.push({ chrom: chrom!, start: String(Number(pos) - 1), end: pos! });
    }
    expect(expected.map((e) => e.chrom)).toEqual(expect.arrayContaining(['chrY', 'chrM']));
    const low = await tableRows(page, 'Low-coverage intervals');
    expect(low.map((row) => ({ chrom: row['chrom'], start: row['start'], end: row['end'] }))).toEqual(expected);
    expect(low.find((row) => row['chrom'] === 'chrY')).toMatchObject({ genes: 'SRY', 'min depth': '0' });
    const sry = (await tableRows(page, 'Coverage per region')).find((row) => row['gene'] === 'SRY');
    expect(sry).toMatchObject({ chrom: 'chrY', reads: '0', 'mean depth': '0', '% ≥10×': '0' });
  });

  it('reads the spiked hotspots with the VAFs native samtools mpileup counts', async () => {
    const { page } = app;
    await run(page, 'Somatic hotspots', { 'Tumour alignments': 'hotspots.grch38.bam' });
    const rows = await tableRows(page, 'Hotspots');
    const column = (pos: string): string =>
      nativeLines('hotspots-3-pileup').find((f) => f[0] === 'chr12' && f[1] === pos)![4]!;
    const g12 = column('25245350');
    const depth = (g12.match(/[ACGTacgt]/g) ?? []).length;
    const alt = (g12.match(/[Tt]/g) ?? []).length;
    expect(rows.find((r) => r['change'] === 'p.G12D' && r['gene'] === 'KRAS')).toMatchObject({
      position: 'chr12:25245350',
      depth: String(depth),
      'alt reads': String(alt),
      'VAF %': '25',
      status: 'detected',
    });
    expect(rows.find((r) => r['change'] === 'p.V600E')).toMatchObject({
      depth: '200',
      'alt reads': '20',
      'VAF %': '10',
      status: 'detected',
    });
    expect(rows.find((r) => r['change'] === 'p.T790M')).toMatchObject({ depth: '8', status: 'not assessable' });
    expect(await page.locator('[data-metric="build"]').innerText()).toMatch(/GRCh38/);
    // Each hotspot opens the viewer on its position (the reads are in the tumour BAM).
    const atG12 = rows.filter((r) => r['position'] === 'chr12:25245350').length;
    expect(atG12).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('table', { name: 'Hotspots' })
        .getByRole('button', { name: 'View chr12:25245300-25245400 in the genome viewer' })
        .count(),
    ).toBe(atG12);
    // 32 rows scroll inside their box, which axe wants reachable from the keyboard.
    expect(await reportViolations(page)).toEqual([]);
  });

  it.each([
    ['identity.HG00096.b.vcf.gz', 'identity-same', 'same person'],
    ['identity.HG00097.vcf.gz', 'identity-different', 'different people'],
  ])('compares identity.HG00096.a with %s as native bcftools gtcheck does: %s', async (second, caseName, verdict) => {
    const { page } = app;
    await run(page, 'Sample identity', { 'First call set': 'identity.HG00096.a.vcf.gz', 'Second call set': second });
    const dc = nativeLines(caseName).find((f) => f[0] === 'DC')!;
    const rows = await tableRows(page, 'Identity verdict');
    expect(rows).toEqual([
      {
        'first sample': dc[1],
        'second sample': dc[2],
        'sites compared': dc[5],
        mismatches: dc[3],
        'discordance %': round2((100 * Number(dc[3])) / Number(dc[5])),
        verdict,
      },
    ]);
  });

  it('infers sex from chrX/chrY reads and flags a recorded sex that disagrees', async () => {
    const { page } = app;
    await run(page, 'Sample sex', { 'Alignments (BAM/CRAM)': 'sex.male.bam' }, { 'Sex as recorded': '1' });
    const rows = await tableRows(page, 'Inferred sex');
    const idx = nativeLines('sex-idxstats-male');
    const autosomes = idx.filter((f) => /^chr\d+$/.test(f[0]!));
    const density = autosomes.reduce((s, f) => s + Number(f[2]), 0) / autosomes.reduce((s, f) => s + Number(f[1]), 0);
    const x = idx.find((f) => f[0] === 'chrX')!;
    expect(rows[0]).toMatchObject({
      sample: 'sex.male.bam',
      'inferred sex': 'male',
      recorded: 'female',
      'chrX ratio': String(Math.round((1000 * Number(x[2])) / Number(x[1]) / density) / 1000),
    });
    expect(await page.locator('[data-metric="agrees"]').innerText()).toMatch(/fail[\s\S]*disagrees/i);
  });

  it('infers each sample’s sex from chrX genotypes outside the PAR, as counted from native bcftools query', async () => {
    const { page } = app;
    await run(page, 'Sample sex', { 'Call set (VCF/BCF)': 'sex.chrX.vcf.gz' }, { 'Sex as recorded': '0' });
    const rows = await tableRows(page, 'Inferred sex');
    const calls = nativeLines('sex-vcf-chrX').filter((f) => Number(f[1]) > 2781479);
    const het = calls.filter((f) => f[2] === '0/1' || f[2] === '0|1').length;
    expect(rows.map((r) => [r['sample'], r['inferred sex']])).toEqual([
      ['XX_SAMPLE', 'female'],
      ['XY_SAMPLE', 'male'],
      ['XY_DIPLOID', 'male'],
    ]);
    expect(rows[0]!['het']).toBe(String(het));
    expect(await page.locator('[data-metric="agrees"] .value').innerText()).toBe('—');
  });

  it('made no request outside the app origin', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
