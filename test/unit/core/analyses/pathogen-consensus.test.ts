import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { pathogenConsensus, pathogenMetrics, pathogenSteps } from '../../../../src/core/analyses/pathogen-consensus';
import { commandsOf, runAnalysis } from '../../../../src/core/analyses/run-analysis';
import { ParseError } from '../../../../src/core/parsers/parse-error';
import { toolOutput } from '../parsers/tool-output';
import { expectedConsensus, readTruth, variantKeys } from './pathogen-truth';

const gz = (name: string) =>
  gunzipSync(
    readFileSync(fileURLToPath(new URL(`../../../fixtures/tool-output/pathogen/${name}`, import.meta.url))),
  ).toString('utf8');
const PAIRED = { reads1: 'lambda-a_R1.fastq.gz', reads2: 'lambda-a_R2.fastq.gz', reference: 'lambda.fa' };
const params = resolveParameters(pathogenConsensus);

/** The native tools' outputs for lambda-a (test/fixtures/tool-output/pathogen, made with the commands below). */
const NATIVE_TEXTS: Record<string, string> = {
  faidx: '',
  align: '',
  index: '',
  flagstat: toolOutput('pathogen/samtools-flagstat.lambda-a.bam.txt'),
  depth: gz('samtools-depth.lambda-a.bam.txt.gz'),
  call: '',
  vcfIndex: '',
  variants: toolOutput('pathogen/bcftools-query.lambda-a.vcf.gz.txt'),
  consensus: gz('samtools-consensus.lambda-a.bam.fa.gz'),
};

describe('pathogen consensus steps', () => {
  it('aligns, sorts and indexes in one sort, calls haploid variants and builds the consensus with argv named after the sample', () => {
    expect(commandsOf(pathogenConsensus, PAIRED, params)).toEqual([
      'samtools faidx lambda.fa',
      "minimap2 -a -x sr lambda.fa lambda-a_R1.fastq.gz lambda-a_R2.fastq.gz | samtools sort --write-index -l 1 -o 'lambda-a.bam##idx##lambda-a.bam.bai' -",
      "bcftools mpileup -Q 20 -f lambda.fa -a AD,DP -Ou lambda-a.bam | bcftools call -m --ploidy 1 -v -Ou | bcftools norm -f lambda.fa -Ou | bcftools view -e 'QUAL<20' -Oz -o lambda-a.vcf.gz",
      'samtools consensus -a -m simple -d 10 --show-del no --show-ins yes lambda-a.bam > lambda-a.consensus.fa',
      'samtools depth -aa -J lambda-a.bam > lambda-a.depth.tsv',
      'samtools flagstat lambda-a.bam',
      'bcftools index -f lambda-a.vcf.gz',
      "bcftools query -f '%CHROM\\t%POS\\t%REF\\t%ALT\\t%QUAL\\t%INFO/DP\\t[%AD]\\n' lambda-a.vcf.gz",
    ]);
  });

  it('calls Nanopore reads with bcftools’ ONT profile (no indel calls) and short reads at base quality 20', () => {
    const call = (inputs: Record<string, string>, preset: number) =>
      commandsOf(pathogenConsensus, inputs, { ...params, preset }).find((c) => c.startsWith('bcftools mpileup'))!;
    expect(call({ reads1: 'lambda-long.fastq.gz', reference: 'lambda.fa' }, 2)).toMatch(
      /^bcftools mpileup -X ont -f lambda\.fa /,
    );
    expect(call({ reads1: 'sample_ont.fastq.gz', reference: 'lambda.fa' }, 0)).toMatch(/^bcftools mpileup -X ont /);
    expect(call(PAIRED, 0)).toMatch(/^bcftools mpileup -Q 20 -f lambda\.fa /);
  });

  it('waits for the sorted BAM (and the reference index for calling) before the steps that read them', () => {
    const after = Object.fromEntries(pathogenSteps(PAIRED, params).map((s) => [s.key, s.after ?? []]));
    expect(after).toEqual({
      faidx: [],
      align: [],
      call: ['faidx', 'align'],
      consensus: ['align'],
      depth: ['align'],
      flagstat: ['align'],
      vcfIndex: ['call'],
      variants: ['call'],
    });
  });

  it('clips primers with ampliconclip and sorts again before everything downstream', () => {
    const steps = pathogenSteps({ ...PAIRED, primers: 'scheme.primer.bed' }, params);
    const clip = steps.find((s) => s.key === 'clip')!;
    expect(steps.find((s) => s.key === 'align')!.job.steps[1]!.argv).toEqual([
      'sort',
      '-l',
      '1',
      '-o',
      'lambda-a.unclipped.bam',
      '-',
    ]);
    expect(clip.after).toEqual(['align']);
    expect(clip.job.steps.map((s) => [s.program, ...s.argv].join(' '))).toEqual([
      'samtools ampliconclip -b scheme.primer.bed lambda-a.unclipped.bam',
      'samtools sort --write-index -l 1 -o lambda-a.bam##idx##lambda-a.bam.bai -',
    ]);
    expect(steps.find((s) => s.key === 'flagstat')!.after).toEqual(['clip']);
  });

  it.each([
    [{ reads1: 'run1_ont.fastq.gz', reference: 'ref.fa' }, 0, 'map-ont'],
    [{ reads1: 'isolate.fastq', reference: 'ref.fa' }, 0, 'sr'],
    [{ reads1: 'isolate.fastq', reference: 'ref.fa' }, 2, 'map-ont'],
    [PAIRED, 2, 'map-ont'],
    [PAIRED, 0, 'sr'],
  ])('chooses the minimap2 preset for %o with choice %d: %s', (inputs, preset, expected) => {
    const align = pathogenSteps(inputs, { ...params, preset }).find((s) => s.key === 'align')!;
    expect(align.job.steps[0]!.argv.slice(0, 3)).toEqual(['-a', '-x', expected]);
  });

  it('uses the minimum depth for the consensus and pairs R2 with R1 by name', () => {
    const consensus = pathogenSteps(PAIRED, { ...params, minDepth: 25 }).find((s) => s.key === 'consensus')!;
    expect(consensus.job.steps[0]!.argv).toContain('25');
    expect(pathogenConsensus.complete!({ reads1: 'S1_L001_R1_001.fastq.gz' }, ['S1_L001_R2_001.fastq.gz'])).toEqual({
      reads2: 'S1_L001_R2_001.fastq.gz',
    });
    expect(pathogenConsensus.check!({ reads1: 'a.fq', reads2: 'a.fq', reference: 'r.fa' }, {})).toMatch(
      /two different files/,
    );
  });
});

describe('pathogen consensus result from the native tools’ outputs', () => {
  const result = pathogenConsensus.parse(NATIVE_TEXTS, PAIRED, params);
  const truth = readTruth('lambda-a');
  const metrics = Object.fromEntries(pathogenMetrics(result).map((m) => [m.key, m.value]));

  it('finds exactly the spiked variants', () => {
    expect(variantKeys(result.variants)).toEqual(variantKeys(truth.variants));
    expect(result.variants.map((v) => v.kind)).toEqual(['SNV', 'SNV', 'SNV', 'deletion', 'SNV', 'SNV']);
  });

  it('gives the consensus expected from the reference, the variants and the gap', () => {
    expect(result.consensus).toHaveLength(1);
    expect(result.consensus[0]!.sequence).toBe(expectedConsensus(truth));
  });

  it('reports mapping rate, coverage at the minimum depth and N count', () => {
    expect(metrics['reads']).toBe(2 * truth.pairs);
    expect(metrics['mappedPct']).toBeGreaterThan(99.9);
    const gap = truth.gap.end - truth.gap.start + 1;
    expect(metrics['coveragePct']).toBeCloseTo((100 * (48_502 - gap)) / 48_502, 6);
    expect(metrics['nPct']).toBeCloseTo((100 * gap) / (48_502 - 3), 6);
    expect(metrics['variants']).toBe(6);
  });

  it('bins depth along the genome, with zero depth across the gap', () => {
    expect(result.depth.bins.length).toBeLessThanOrEqual(1000);
    const inGap = result.depth.bins.filter((b) => b.start >= truth.gap.start && b.end <= truth.gap.end);
    expect(inGap.length).toBeGreaterThan(0);
    expect(inGap.every((b) => b.meanDepth === 0)).toBe(true);
    const chart = pathogenConsensus.charts[0]!.rows(result);
    expect(chart.length).toBe(result.depth.bins.length);
  });

  it('offers the consensus FASTA named after the sample', () => {
    const [download] = pathogenConsensus.downloads!(result);
    expect(download!.fileName).toBe('lambda-a.consensus.fa');
    const lines = download!.text.split('\n');
    expect(lines[0]).toBe('>lambda-a consensus of NC_001416.1');
    expect(lines.slice(1).join('')).toBe(expectedConsensus(truth));
  });

  it('runs through runAnalysis to the same result', async () => {
    const outcome = await runAnalysis(pathogenConsensus, PAIRED, params, {
      run: async (step) => ({ succeeded: true, text: NATIVE_TEXTS[step.key]! }),
    });
    expect(outcome.ok && variantKeys((outcome.result as typeof result).variants)).toEqual(variantKeys(truth.variants));
  });

  it('names the line of depth output it cannot read', () => {
    expect(() =>
      pathogenConsensus.parse({ ...NATIVE_TEXTS, depth: 'NC_001416.1\t1\t5\nnot depth\n' }, PAIRED, params),
    ).toThrow(ParseError);
    expect(() =>
      pathogenConsensus.parse({ ...NATIVE_TEXTS, depth: 'NC_001416.1\t1\t5\nnot depth\n' }, PAIRED, params),
    ).toThrow(/line 2/);
  });
});
