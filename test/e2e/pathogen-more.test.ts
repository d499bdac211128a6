// The pathogen workflow in Chromium beyond plain Illumina pairs: a single FASTQ of Nanopore-like long reads (the
// panel must pick minimap2 -x map-ont from the read length) and Illumina pairs with a primer BED (samtools
// ampliconclip). In each case the session history must hold exactly the native run's commands, and the app's
// variant calls and consensus must equal what the native tools gave for the same argv
// (test/fixtures/expected/pathogen/*.json, written by scripts/make-pathogen-expected.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { parseDepth } from '../../src/core/pathogen/outputs';
import type { AppPage } from './support/browser';
import { downloadText, exportedTable } from './support/downloads';
import { openSessionWith } from './support/session-page';
import { FIXTURES } from './support/engine-page';
import { expectedConsensus, PATHOGEN_FIXTURES, variantKeys, type Truth } from '../unit/core/analyses/pathogen-truth';

const RUN_TIMEOUT = 300_000;

interface Expected {
  commands: string[];
  variants: string;
  consensus: string;
  /** The depth table's rows, "contig start end meanDepth minDepth" tab-separated lines. */
  depthTable: string;
}
const expectedOf = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'expected/pathogen', `${name}.json`), 'utf8')) as Expected;

/** The variant lines (bcftools query: contig, pos, REF, ALT, QUAL, DP, AD) as the variants table has them. */
function nativeCalls(text: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [, pos, ref, alt, qual, dp, ad] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const altReads = ad
        .split(',')
        .slice(1)
        .reduce((s, n) => s + Number(n), 0);
      return `${pos} ${ref}>${alt} qual=${Number(qual)} depth=${dp} alt=${altReads}`;
    });
}

const sequenceOf = (fasta: string) =>
  fasta
    .split('\n')
    .filter((l) => !l.startsWith('>'))
    .join('');

/** Opens the files in a fresh app (fresh IndexedDB), runs the one sample, and returns what the app shows and gives. */
async function runSample(
  app: AppPage,
  files: string[],
  sample: string,
  setup: (panel: Locator) => Promise<void> = async () => {},
) {
  const { page } = app;
  const panel = page.getByRole('region', { name: 'Pathogen consensus', exact: true });
  await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
  await page
    .getByLabel('Open files', { exact: true })
    .setInputFiles(files.map((name) => join(PATHOGEN_FIXTURES, name)));
  await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 30_000 }).toBe(files.length);
  await expect.poll(() => panel.getByRole('checkbox').count()).toBe(1);
  expect(await panel.getByLabel('Reference genome (FASTA)').inputValue()).toBe('lambda.fa');
  // Read type stays "auto": the panel decides.
  expect(await panel.getByLabel('Read type').inputValue()).toBe('0');
  await setup(panel);
  await panel.getByRole('button', { name: 'Start 1 sample' }).click();
  const row = panel
    .getByRole('table', { name: 'Samples summary' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: sample, exact: true }) });
  await expect.poll(() => row.getByRole('cell').nth(5).innerText(), { timeout: RUN_TIMEOUT }).toBe('done');
  await panel.getByRole('button', { name: `Result of ${sample}` }).click();
  await panel
    .getByRole('heading', { name: new RegExp(`^Pathogen consensus: ${sample}`) })
    .waitFor({ timeout: RUN_TIMEOUT });
  const readsNote = await panel.locator('[data-metric="reads"]').innerText({ timeout: RUN_TIMEOUT });

  const fasta = await downloadText(page, panel.getByRole('button', { name: 'Consensus genome (FASTA)' }));
  const calls = (await exportedTable(page, panel, 'variants')).map(
    (r) =>
      `${r['position']} ${r['ref']}>${r['alt']} qual=${Number(r['quality'])} depth=${r['depth']} alt=${r['altReads']}`,
  );
  const depthRows = (await exportedTable(page, panel, 'depth')).map((r) =>
    ['contig', 'start', 'end', 'meanDepth', 'minDepth'].map((name) => r[name]).join('\t'),
  );

  // Every run of the workflow is in the session history with its command line.
  await expect
    .poll(
      () => page.getByTestId('run').filter({ hasText: 'bcftools query' }).getByTestId('run-status').allTextContents(),
      { timeout: 60_000 },
    )
    .toEqual(['succeeded']);
  const commands = await page.getByTestId('run').locator('code.command').allTextContents();
  return { readsNote, fasta, calls, depthRows, commands };
}

describe('pathogen consensus: Nanopore reads in one file', () => {
  let browser: Browser;
  let app: AppPage;
  const expected = expectedOf('lambda-long');
  const truth = JSON.parse(readFileSync(join(PATHOGEN_FIXTURES, 'lambda-long.truth.json'), 'utf8')) as Omit<
    Truth,
    'pairs'
  > & { reads: number };
  let outcome: Awaited<ReturnType<typeof runSample>>;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith([]));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'runs the single long-read file as one sample with the read type left on auto',
    async () => {
      outcome = await runSample(app, ['lambda.fa', 'lambda-long.fastq.gz'], 'lambda-long');
    },
    RUN_TIMEOUT + 180_000,
  );

  it('aligns with minimap2 -x map-ont, chosen from the read length', () => {
    expect(outcome.readsNote).toContain('map-ont preset');
    expect(outcome.commands.filter((c) => c.startsWith('minimap2'))).toEqual([
      "minimap2 -a -x map-ont lambda.fa lambda-long.fastq.gz | samtools sort --write-index -l 1 -o 'lambda-long.bam##idx##lambda-long.bam.bai' -",
    ]);
    // The history holds exactly the commands the native run used.
    expect([...outcome.commands].sort()).toEqual([...expected.commands].sort());
  });

  it('calls the same variants as native bcftools on the same argv', () => {
    expect(outcome.calls).toEqual(nativeCalls(expected.variants));
    // bcftools' ONT profile (-X ont) calls no indels: exactly the four spiked SNVs; the spiked 3 bp deletion at
    // 27,112 is left to the consensus (below). Without the profile a false 1 bp deletion at 23,711 was called.
    const keys = variantKeys(
      outcome.calls
        .map((c) => /^(\d+) (\w+)>(\w+)/.exec(c)!)
        .map((m) => ({ pos: Number(m[1]), ref: m[2]!, alt: m[3]! })),
    );
    const snvs = variantKeys(truth.variants.filter((v) => v.ref.length === 1));
    expect(keys).toEqual(snvs);
    expect(outcome.commands.some((c) => c.startsWith('bcftools mpileup -X ont '))).toBe(true);
  });

  it('measures the same depth as native samtools depth', () => {
    expect(outcome.depthRows).toEqual(expected.depthTable.split('\n'));
  });

  it('builds the same consensus as native samtools consensus', () => {
    expect(outcome.fasta.split('\n')[0]).toBe('>lambda-long consensus of NC_001416.1');
    expect(sequenceOf(outcome.fasta)).toBe(sequenceOf(expected.consensus));
    // Where it is not N (low depth, or fewer than 75% of reads agree) it is the spiked haplotype, with the
    // 3 bp deletion the caller leaves out; the gap is N throughout.
    const haplotype = expectedConsensus({ ...truth, pairs: 0 });
    const consensus = sequenceOf(outcome.fasta);
    expect(consensus).toHaveLength(haplotype.length);
    expect([...consensus].map((b, i) => (b === 'N' ? 'N' : haplotype[i])).join('')).toBe(consensus);
    const shift = truth.variants
      .filter((v) => v.pos < truth.gap.start)
      .reduce((s, v) => s + v.ref.length - v.alt.length, 0);
    expect(consensus.slice(truth.gap.start - 1 - shift, truth.gap.end - shift)).toBe(
      'N'.repeat(truth.gap.end - truth.gap.start + 1),
    );
    expect(app.errors).toEqual([]);
  });

  it('shows the single-file sample in the summary again after a reload', async () => {
    await app.page.reload();
    const panel = app.page.getByRole('region', { name: 'Pathogen consensus', exact: true });
    const row = panel
      .getByRole('table', { name: 'Samples summary' })
      .getByRole('row')
      .filter({ has: app.page.getByRole('rowheader', { name: 'lambda-long', exact: true }) });
    await expect.poll(() => row.getByRole('cell').nth(5).innerText(), { timeout: RUN_TIMEOUT }).toBe('done');
    const cells = await row.getByRole('cell').allInnerTexts();
    const ns = sequenceOf(expected.consensus)
      .split('')
      .filter((b) => b === 'N').length;
    expect(cells[0]).toBe(String(truth.reads));
    expect(cells[3]).toBe(String(nativeCalls(expected.variants).length));
    expect(cells[4]).toMatch(new RegExp(`^${ns} \\(`));
  });
});

describe('pathogen consensus: Illumina pairs with a primer BED', () => {
  let browser: Browser;
  let app: AppPage;
  const expected = expectedOf('lambda-a-primers');
  let outcome: Awaited<ReturnType<typeof runSample>>;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith([]));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'runs the pair with the primer BED chosen',
    async () => {
      outcome = await runSample(
        app,
        ['lambda.fa', 'lambda-a_R1.fastq.gz', 'lambda-a_R2.fastq.gz', 'lambda.primers.bed'],
        'lambda-a',
        async (panel) => {
          await panel.getByLabel('Primer BED (optional)').selectOption('lambda.primers.bed');
        },
      );
    },
    RUN_TIMEOUT + 180_000,
  );

  it('clips the primers with samtools ampliconclip and the BED before calling', () => {
    expect(outcome.readsNote).toContain('sr preset');
    expect(outcome.commands).toContain(
      "samtools ampliconclip -b lambda.primers.bed lambda-a.unclipped.bam | samtools sort --write-index -l 1 -o 'lambda-a.bam##idx##lambda-a.bam.bai' -",
    );
    expect(outcome.commands).toContain(
      'minimap2 -a -x sr lambda.fa lambda-a_R1.fastq.gz lambda-a_R2.fastq.gz | samtools sort -l 1 -o lambda-a.unclipped.bam -',
    );
    expect([...outcome.commands].sort()).toEqual([...expected.commands].sort());
  });

  it('measures the same depth as native samtools on the clipped BAM: lower than without clipping exactly at the primers', () => {
    expect(outcome.depthRows).toEqual(expected.depthTable.split('\n'));
    // Native depth of the same reads without primer clipping (test/fixtures/tool-output/pathogen), binned as the app does.
    const unclipped = parseDepth(
      gunzipSync(readFileSync(join(FIXTURES, 'tool-output/pathogen/samtools-depth.lambda-a.bam.txt.gz'))).toString(),
      10,
    );
    const primers = readFileSync(join(PATHOGEN_FIXTURES, 'lambda.primers.bed'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(1, 3).map(Number) as [number, number]);
    const clippedMeans = outcome.depthRows.map((row) => Number(row.split('\t')[3]));
    expect(clippedMeans).toHaveLength(unclipped.bins.length);
    const lower = unclipped.bins
      .filter((b, i) => clippedMeans[i]! < Number(b.meanDepth.toFixed(2)))
      .map((b) => `${b.start}-${b.end}`);
    const atPrimers = unclipped.bins
      .filter((b) => primers.some(([start, end]) => b.start <= end && b.end > start))
      .map((b) => `${b.start}-${b.end}`);
    expect(lower).toEqual(atPrimers);
    expect(unclipped.bins.every((b, i) => clippedMeans[i]! <= Number(b.meanDepth.toFixed(2)))).toBe(true);
  });

  it('gives the same variants and consensus as the native tools on the same argv', () => {
    expect(outcome.calls).toEqual(nativeCalls(expected.variants));
    expect(outcome.fasta.split('\n')[0]).toBe('>lambda-a consensus of NC_001416.1');
    expect(sequenceOf(outcome.fasta)).toBe(sequenceOf(expected.consensus));
    expect(app.errors).toEqual([]);
  });
});
