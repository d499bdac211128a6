// The run-QC, CYP2C19 and somatic-hotspot lessons taken by a scripted learner in real Chromium: each step first
// done wrong (its checks fail and say what is wrong), then right (they pass); the answers the lessons expect are
// the ones the app's own analyses show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionWith, type SessionPage } from './support/session-page';
import { answer, check, goToStep, runAnalysis, runInConsole, startLesson } from './support/lesson-page';
import { tableRows } from './support/report';

const PASSED = '✓ Passed';
const WRONG_NUMBER = '✗ That number is not right yet: look again at the output.';
const WRONG_CHOICE = '✗ That is not the right choice.';

describe('lesson: QC of a sequencing run', () => {
  let s: SessionPage;
  beforeAll(async () => {
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'QC of a sequencing run');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('fqchk: the wrong read file and a wrong quality fail, read 1 and avgQ pass', async () => {
    const { page } = s.app;
    await runInConsole(page, 'seqtk fqchk ex1_R2.fastq.gz');
    await answer(page, 0, '30');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Your command does not name ex1_R1.fastq.gz.');
    expect(wrong[1]).toMatch(/^✗ The output differs from what is expected at line \d+: expected "/);
    expect(wrong[2]).toBe(WRONG_NUMBER);
    await runInConsole(page, 'seqtk fqchk ex1_R1.fastq.gz');
    await answer(page, 0, '25.9');
    expect(await check(page)).toEqual([PASSED, PASSED, PASSED]);
  });

  it('mapped: idxstats instead of flagstat fails, the mapped percentage passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'How many reads mapped?');
    await runInConsole(page, 'samtools idxstats ex1.bam');
    await answer(page, 0, '100');
    expect(await check(page)).toEqual(['✗ Use the subcommand flagstat (your command used "idxstats").', WRONG_NUMBER]);
    await runInConsole(page, 'samtools flagstat ex1.bam');
    await answer(page, 0, '98.91');
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('bad run: a good run picked fails, the failed run passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'What a bad run looks like');
    await answer(page, 0, 'good');
    expect(await check(page)).toEqual([WRONG_CHOICE]);
    await answer(page, 0, 'bad');
    expect(await check(page)).toEqual([PASSED]);
    await expect.poll(() => page.getByText('3 of 3 steps done').count()).toBe(1);
  });
});

describe('lesson: CYP2C19 and clopidogrel', () => {
  let s: SessionPage;
  beforeAll(async () => {
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'CYP2C19 and clopidogrel');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('positions: a wrong region fails, the CYP2C19 region passes', async () => {
    const { page } = s.app;
    const query = (region: string) =>
      `bcftools query -t ${region} -i 'GT="alt"' -f '%ID\\t%REF\\t%ALT[\\t%GT]\\n' pgx-grch37-allsites.vcf`;
    await runInConsole(page, query('10:94000000-94100000'));
    await answer(page, 0, '1');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Option -t should be 10:96521000-96613000, not 10:94000000-94100000.');
    expect(wrong[1]).toMatch(/^✗ The output differs from what is expected at line 1: expected "rs/);
    expect(wrong[2]).toBe(WRONG_NUMBER);
    await runInConsole(page, query('10:96521000-96613000'));
    await answer(page, 0, '2');
    expect(await check(page)).toEqual([PASSED, PASSED, PASSED]);
  });

  it('diplotype: fails before the analysis ran; the diplotype the analysis shows passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'The diplotype');
    await answer(page, 0, '1-2');
    expect(await check(page)).toEqual(['✗ Run the analysis Pharmacogenomics first.', WRONG_CHOICE]);
    await runAnalysis(page, 'Pharmacogenomics', { 'Variants (VCF/BCF)': 'pgx-grch37-allsites.vcf' });
    const calls = await tableRows(page, 'Pharmacogenomic calls');
    const cyp2c19 = calls.find((row) => (row['Gene'] ?? row['gene']) === 'CYP2C19');
    expect(Object.values(cyp2c19 ?? {}).join(' ')).toMatch(/\*2\/\*2/);
    expect(Object.values(cyp2c19 ?? {}).join(' ')).toMatch(/Poor Metabolizer/i);
    expect(await check(page)).toEqual([PASSED, WRONG_CHOICE]);
    await answer(page, 0, '2-2');
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('phenotype and advice: wrong choices fail, the CPIC ones pass', async () => {
    const { page } = s.app;
    for (const [title, wrong, right] of [
      ['The phenotype', 'intermediate', 'poor'],
      ['What the prescriber is told', 'double', 'avoid'],
    ] as const) {
      await goToStep(page, title);
      await answer(page, 0, wrong);
      expect(await check(page)).toEqual([WRONG_CHOICE]);
      await answer(page, 0, right);
      expect(await check(page)).toEqual([PASSED]);
    }
    await expect.poll(() => page.getByText('4 of 4 steps done').count()).toBe(1);
  });
});

describe('lesson: BRAF V600E, KRAS and why depth matters', () => {
  let s: SessionPage;
  beforeAll(async () => {
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'BRAF V600E, KRAS and why depth matters');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('depth: the KRAS position instead of BRAF fails, BRAF V600E passes (options in another order)', async () => {
    const { page } = s.app;
    await runInConsole(page, 'samtools depth -a -r chr12:25245350-25245350 hotspots.grch38.bam');
    await answer(page, 0, '150');
    const wrong = await check(page);
    expect(wrong[0]).toBe('✗ Option -r should be chr7:140753336-140753336, not chr12:25245350-25245350.');
    expect(wrong[1]).toMatch(/^✗ The output differs from what is expected at line 1: expected "chr7\s140753336\s200"/);
    expect(wrong[2]).toBe(WRONG_NUMBER);
    await runInConsole(page, 'samtools depth -r chr7:140753336-140753336 -a hotspots.grch38.bam');
    await answer(page, 0, '200');
    expect(await check(page)).toEqual([PASSED, PASSED, PASSED]);
  });

  it('VAF: reads counted wrong fail, 10 % passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'The variant allele fraction');
    await runInConsole(page, 'samtools view -c hotspots.grch38.bam chr7:140753336-140753336');
    await answer(page, 0, '20');
    expect(await check(page)).toEqual(['✗ Use the subcommand mpileup (your command used "view").', WRONG_NUMBER]);
    await runInConsole(page, 'samtools mpileup --region chr7:140753336-140753336 hotspots.grch38.bam');
    await answer(page, 0, '10');
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('hotspots: the analysis must run; T790M is not assessable as the analysis shows', async () => {
    const { page } = s.app;
    await goToStep(page, 'All hotspots at once');
    await answer(page, 0, 'absent');
    expect(await check(page)).toEqual(['✗ Run the analysis Somatic hotspots first.', WRONG_CHOICE]);
    await runAnalysis(page, 'Somatic hotspots', { 'Tumour alignments': 'hotspots.grch38.bam' });
    const rows = await tableRows(page, 'Hotspots');
    expect(rows.find((r) => r['change'] === 'p.T790M')).toMatchObject({ depth: '8', status: 'not assessable' });
    await answer(page, 0, 'not-assessable');
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('why depth: a wrong chance fails, 0.9^8 passes', async () => {
    const { page } = s.app;
    await goToStep(page, 'Why depth matters');
    await answer(page, 0, '10');
    expect(await check(page)).toEqual([WRONG_NUMBER]);
    await answer(page, 0, '43');
    expect(await check(page)).toEqual([PASSED]);
    await expect.poll(() => page.getByText('4 of 4 steps done').count()).toBe(1);
  });
});
