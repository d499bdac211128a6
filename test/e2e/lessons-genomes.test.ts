// The pathogen and rare-disease lessons taken by a scripted learner in real Chromium: each step first done wrong
// (its checks fail and say what is wrong), then right. The numbers the pathogen lesson expects are recomputed here
// with Debian's native minimap2, samtools and bcftools on the lesson's own data.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionWith, type SessionPage } from './support/session-page';
import { answer, check, goToStep, runInConsole, startLesson } from './support/lesson-page';

const PASSED = '✓ Passed';
const WRONG_NUMBER = '✗ That number is not right yet: look again at the output.';
const LAMBDA = join(import.meta.dirname, '..', '..', 'lessons', 'pathogen-two-samples', 'data');

/** A sample's haploid variants as "POS REF ALT", called natively as the lesson's solution calls them. */
function nativeVariants(dir: string, sample: 'a' | 'b'): Set<string> {
  const script = [
    `minimap2 -ax sr lambda.fa lambda-${sample}_R1.fastq.gz lambda-${sample}_R2.fastq.gz 2>/dev/null`,
    'samtools sort -O bam 2>/dev/null',
    'bcftools mpileup -f lambda.fa - 2>/dev/null',
    'bcftools call -mv --ploidy 1 2>/dev/null',
    "bcftools query -f '%POS %REF %ALT\\n'",
  ].join(' | ');
  const out = execFileSync('bash', ['-o', 'pipefail', '-c', script], { cwd: dir, maxBuffer: 1 << 26 });
  return new Set(out.toString('utf8').trim().split('\n').filter(Boolean));
}

describe('lesson: reads to consensus, what separates two samples', () => {
  let s: SessionPage;
  let a: Set<string>;
  let b: Set<string>;
  beforeAll(async () => {
    // A copy: bcftools mpileup writes lambda.fa.fai beside the reference, which must not join the lesson's data.
    const dir = mkdtempSync(join(tmpdir(), 'lokus-lesson-'));
    cpSync(LAMBDA, dir, { recursive: true });
    [a, b] = [nativeVariants(dir, 'a'), nativeVariants(dir, 'b')];
    rmSync(dir, { recursive: true });
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'Reads to consensus: what separates two samples');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('map: an unsorted BAM fails the sorted check, minimap2 | samtools sort passes', async () => {
    const { page } = s.app;
    expect(await check(page)).toEqual(['✗ Run a command in the console first.', '✗ There is no file a.bam yet.']);
    await runInConsole(
      page,
      'minimap2 -ax sr lambda.fa lambda-a_R1.fastq.gz lambda-a_R2.fastq.gz | samtools view -b -o a.bam',
    );
    expect(await check(page)).toEqual([PASSED, '✗ a.bam is not sorted by coordinate (its header says: unknown).']);
    await runInConsole(
      page,
      'minimap2 -a -x sr lambda.fa lambda-a_R1.fastq.gz lambda-a_R2.fastq.gz | samtools sort -o a.bam',
    );
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('call: all sites instead of variants fail the file check, the variant calls pass', async () => {
    const { page } = s.app;
    await goToStep(page, 'The variants of sample a');
    await answer(page, 0, String(a.size + 1));
    expect(await check(page)).toEqual(['✗ There is no file a.vcf yet.', WRONG_NUMBER]);
    await runInConsole(page, 'bcftools mpileup -f lambda.fa a.bam | bcftools call -m --ploidy 1 -o a.vcf');
    const wrong = await check(page);
    expect(wrong[0]).toMatch(
      /^✗ a\.vcf differs from what is expected at line 1: expected "\d+ [ACGT]+ [ACGT]+", found "1 /,
    );
    await runInConsole(page, 'bcftools mpileup -f lambda.fa a.bam | bcftools call -mv --ploidy 1 -o a.vcf');
    await answer(page, 0, String(a.size));
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('compare: the differences between a and b are those native bcftools finds', async () => {
    const { page } = s.app;
    await goToStep(page, 'Sample b, and the difference');
    const differ = [...a].filter((v) => !b.has(v)).length + [...b].filter((v) => !a.has(v)).length;
    await answer(page, 0, String(a.size + b.size + 1));
    expect(await check(page)).toEqual(['✗ There is no file b.vcf yet.', WRONG_NUMBER]);
    await runInConsole(
      page,
      'minimap2 -ax sr lambda.fa lambda-b_R1.fastq.gz lambda-b_R2.fastq.gz | samtools sort -o b.bam',
    );
    await runInConsole(page, 'bcftools mpileup -f lambda.fa b.bam | bcftools call -mv --ploidy 1 -o b.vcf');
    await answer(page, 0, String(differ));
    expect(await check(page)).toEqual([PASSED, PASSED]);
    await expect.poll(() => page.getByText('3 of 3 steps done').count()).toBe(1);
  });
});

describe('lesson: rare disease, a trio', () => {
  let s: SessionPage;
  beforeAll(async () => {
    s = await openSessionWith([]);
    await startLesson(s.app.page, 'Rare disease: a trio');
  });
  afterAll(async () => {
    await s?.browser.close();
  });

  it('samples: the header instead of the sample list fails, query -l passes', async () => {
    const { page } = s.app;
    await runInConsole(page, 'bcftools view -h trio.vcf');
    expect(await check(page)).toEqual([
      '✗ Use the subcommand query (your command used "view").',
      expect.stringMatching(
        /^✗ The output differs from what is expected at line 1: expected "child", got "##fileformat/,
      ),
    ]);
    await runInConsole(page, 'bcftools query --list-samples trio.vcf');
    expect(await check(page)).toEqual([PASSED, PASSED]);
  });

  it('de novo: a filter on the child alone fails, the trio filter and GENB pass', async () => {
    const { page } = s.app;
    await goToStep(page, 'The de novo candidate');
    await runInConsole(page, `bcftools view -H -i 'GT[0]="het"' trio.vcf`);
    await answer(page, 0, 'GENA');
    const wrong = await check(page);
    expect(wrong[0]).toBe(PASSED);
    expect(wrong[1]).toMatch(/^✗ The output differs from what is expected at line 1: expected "chr1\s2034567/);
    expect(wrong[2]).toBe('✗ That is not the right choice.');
    await runInConsole(page, `bcftools view -H -i 'GT[0]="het" && GT[1]="RR" && GT[2]="RR"' trio.vcf`);
    await answer(page, 0, 'GENB');
    expect(await check(page)).toEqual([PASSED, PASSED, PASSED]);
  });

  it('recessive: a dominant-looking filter fails, the recessive one and its position pass', async () => {
    const { page } = s.app;
    await goToStep(page, 'The recessive candidate');
    await runInConsole(page, `bcftools view -H -i 'GT[0]="AA"' trio.vcf`);
    await answer(page, 0, '1123456');
    const wrong = await check(page);
    expect(wrong[0]).toMatch(
      /^✗ The output differs from what is expected at line 2: expected "\(end of output\)", got "chr2 1123456 /,
    );
    expect(wrong[1]).toBe(WRONG_NUMBER);
    await runInConsole(page, `bcftools view -H -i 'GT[0]="AA" && GT[1]="het" && GT[2]="het"' trio.vcf`);
    await answer(page, 0, '3056789');
    expect(await check(page)).toEqual([PASSED, PASSED]);
    await expect.poll(() => page.getByText('3 of 3 steps done').count()).toBe(1);
  });
});
