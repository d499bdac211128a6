import { describe, expect, it } from 'vitest';
import {
  contigList,
  coverageSexApplicability,
  genotypeSexApplicability,
  hotspotsApplicability,
} from '../../../../src/core/analyses/applicability';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { parseTexts } from '../../../../src/core/analyses/run-analysis';
import { somaticHotspots } from '../../../../src/core/analyses/somatic-hotspots';
import { sampleSex } from '../../../../src/core/analyses/sample-sex';
import { HOTSPOTS } from '../../../../src/core/clinical/hotspots';
import { native } from '../clinical/native';

const HOTSPOT_CHROMS = HOTSPOTS.map((h) => h.chrom);
const HUMAN = ['chr1', 'chr12', 'chrX', 'chrY'];

describe('hotspotsApplicability', () => {
  it.each([
    // build, contigs, not applicable because (part of the sentence) or undefined
    ['GRCh38', HUMAN, undefined],
    ['GRCh37', ['1', '7', '12', 'X'], undefined],
    ['unknown', ['seq1', 'seq2'], "the BAM's contigs (seq1, seq2) are not those of the human genome"],
    ['unknown', [], 'declares no contigs'],
    ['GRCh38', ['NC_000012.12', 'NC_000007.14'], 'none of the hotspot chromosomes'],
    ['GRCh37', ['seq1', 'seq2'], 'none of the hotspot chromosomes'],
  ])('build %s, contigs %j', (build, contigs, because) => {
    const outcome = hotspotsApplicability(build, contigs, HOTSPOT_CHROMS);
    if (because === undefined) expect(outcome).toBeUndefined();
    else {
      expect(outcome?.because).toContain(because);
      expect(outcome?.todo).toMatch(/\.$/);
    }
  });
});

describe('sample sex applicability', () => {
  it.each([
    [HUMAN, undefined],
    [['seq1', 'seq2'], 'are not human chromosomes'],
    [['chr1', 'chr2', 'chr22'], 'no chrX contig'],
    [['1', 'X'], undefined],
  ])('alignments with contigs %j', (contigs, because) => {
    const outcome = coverageSexApplicability(contigs);
    if (because === undefined) expect(outcome).toBeUndefined();
    else expect(outcome?.because).toContain(because);
  });

  it.each([
    // samples, chrX records, header contigs
    [5, 0, [], 'the call set has no chrX records'],
    [5, 0, ['22'], 'no chrX records (its header declares 22)'],
    [0, 12, ['X'], 'no samples'],
    [2, 300, ['chrX'], undefined],
  ])('%i samples, %i chrX records, contigs %j', (samples, records, contigs, because) => {
    const outcome = genotypeSexApplicability(samples, records, contigs);
    if (because === undefined) expect(outcome).toBeUndefined();
    else expect(outcome?.because).toContain(because);
  });
});

it.each([
  [['a', 'b'], 'a, b'],
  [['1', '2', '3', '4', '5', '6', '7'], '1, 2, 3, 4, 5 … (7 contigs)'],
])('contigList(%j) = %s', (names, text) => {
  expect(contigList(names)).toBe(text);
});

describe('the analyses report not applicable from what their steps read', () => {
  // `samtools view -H --no-PG ex1.bam` and `samtools idxstats ex1.bam` (samtools 1.16.1) on test/fixtures/ex1.bam.
  const EX1_HEADER = '@SQ\tSN:seq1\tLN:1575\n@SQ\tSN:seq2\tLN:1584\n';
  const EX1_IDXSTATS = 'seq1\t1575\t1482\t19\nseq2\t1584\t1789\t17\n*\t0\t0\t0\n';
  // `bcftools query -H -r X,chrX -f '%CHROM\t%POS[\t%GT]\n' 1kg_phase1_chr22_5samples.vcf.gz`: no records.
  const KG_CHRX = '# [1]CHROM\t[2]POS\t[3]HG00096:GT\t[4]HG00097:GT\t[5]HG00099:GT\t[6]HG00100:GT\t[7]HG00101:GT\n';

  it.each([
    [
      'hotspots on ex1.bam',
      () =>
        parseTexts(
          somaticHotspots,
          { header: EX1_HEADER, positions: '', pileup: '' },
          { tumour: 'ex1.bam' },
          resolveParameters(somaticHotspots),
        ),
      'not those of the human genome',
    ],
    [
      'hotspots on ex1.bam with GRCh38 chosen',
      () =>
        parseTexts(
          somaticHotspots,
          { header: EX1_HEADER, positions: '', pileup: '' },
          { tumour: 'ex1.bam' },
          resolveParameters(somaticHotspots, { build: 38 }),
        ),
      'none of the hotspot chromosomes',
    ],
    [
      'sex on ex1.bam',
      () => parseTexts(sampleSex, { idxstats: EX1_IDXSTATS }, { alignments: 'ex1.bam' }, resolveParameters(sampleSex)),
      'seq1, seq2',
    ],
    [
      'sex on the chr22 call set',
      () =>
        parseTexts(
          sampleSex,
          { header: '##fileformat=VCFv4.1\n', chrX: KG_CHRX },
          { variants: '1kg_phase1_chr22_5samples.vcf.gz' },
          resolveParameters(sampleSex),
        ),
      'no chrX records',
    ],
  ])('%s', (_, outcome, because) => {
    const o = outcome();
    expect(o.ok && o.notApplicable?.because).toContain(because);
  });

  it.each([
    [
      'hotspots on hotspots.grch38.bam',
      somaticHotspots,
      { tumour: 'x.bam' },
      { header: 'hotspots-1-header', positions: 'hotspots-2-positions', pileup: 'hotspots-3-pileup' },
    ],
    ['sex on sex.male.bam', sampleSex, { alignments: 'x.bam' }, { idxstats: 'sex-idxstats-male' }],
    ['sex on sex.chrX.vcf.gz', sampleSex, { variants: 'x.vcf.gz' }, { header: 'sex-vcf-header', chrX: 'sex-vcf-chrX' }],
  ] as const)('%s (native outputs) applies', (_, def, inputs, cases) => {
    const texts = Object.fromEntries(Object.entries(cases).map(([k, name]) => [k, native(name).stdout]));
    const o = parseTexts(def, texts, inputs, resolveParameters(def));
    expect(o.ok).toBe(true);
    expect(o.ok && o.notApplicable).toBeUndefined();
  });
});
