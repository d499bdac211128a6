import { describe, expect, it } from 'vitest';
import { namingProblem } from '../../../../src/core/analyses/family-triage';

const INPUTS = { variants: 'trio.vcf.gz', clinvar: 'clinvar.vcf.gz', gff: 'genes.gff3', reference: 'ref.fa' };

describe('chromosome naming of the triage inputs, before the run', () => {
  it.each([
    ['all plain', { variants: 'plain', clinvar: 'plain', gff: 'plain', reference: 'plain' }, 0, undefined],
    ['chr VCF, plain ClinVar and GFF3', { variants: 'chr', clinvar: 'plain', gff: 'plain' }, 0, 2],
    ['plain VCF, chr FASTA and GFF3', { variants: 'plain', gff: 'chr', reference: 'chr' }, 0, 1],
    ['already bridged', { variants: 'chr', clinvar: 'plain' }, 2, undefined],
    ['bridged the wrong way', { variants: 'chr', clinvar: 'plain' }, 1, 2],
    ['renamed though the names agree', { variants: 'plain', clinvar: 'plain' }, 2, undefined],
    ['renamed away from agreeing names', { variants: 'plain', clinvar: 'plain' }, 1, 0],
    ['a file of unknown naming says nothing', { variants: 'chr', clinvar: 'unknown' }, 0, undefined],
  ] as const)('%s', (_name, naming, rename, fix) => {
    const out = namingProblem(naming, INPUTS, rename);
    if (fix === undefined) expect(out).toBeUndefined();
    else {
      expect(out?.fix?.params).toEqual({ renameChrs: fix });
      expect(out?.problem).toMatch(/bcftools would silently find nothing\. Set "Chromosome names of the VCF" to/);
    }
  });

  it('names the files and the fix in the message', () => {
    expect(namingProblem({ variants: 'chr', clinvar: 'plain' }, INPUTS, 0)?.problem).toBe(
      'trio.vcf.gz names chromosomes like "chr1", but clinvar.vcf.gz like "1": bcftools would silently find nothing. Set "Chromosome names of the VCF" to "Rename chr1 → 1 (to match Ensembl/ClinVar)".',
    );
  });

  it('annotation files that disagree among themselves have no fix here', () => {
    const out = namingProblem({ variants: 'chr', clinvar: 'plain', gff: 'chr' }, INPUTS, 0);
    expect(out?.fix).toBeUndefined();
    expect(out?.problem).toMatch(/^genes\.gff3 name chromosomes like "chr1" but clinvar\.vcf\.gz like "1"/);
  });
});
