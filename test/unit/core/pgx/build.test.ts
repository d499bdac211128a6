// Reference build for the PGx caller: ##contig lengths, then ##reference, then the user's choice.
import { describe, expect, it } from 'vitest';
import { decideBuild } from '../../../../src/core/pgx/build';
import { callPgx } from '../../../../src/core/pgx/call-genes';
import { parseVcfText } from '../../../../src/core/pgx/vcf-text';
import { makeVcf } from './make-vcf';

const header = (spec: Parameters<typeof makeVcf>[0]) => parseVcfText(makeVcf(spec));

describe('PGx build detection', () => {
  it.each([
    { name: 'GRCh38 contig lengths', spec: { build: 'GRCh38' as const, genotypes: {} }, build: 'GRCh38' },
    {
      name: 'GRCh37 contig lengths, plain names',
      spec: { build: 'GRCh37' as const, naming: 'plain' as const, genotypes: {} },
      build: 'GRCh37',
    },
    {
      name: '##reference naming hg19',
      spec: { build: 'GRCh37' as const, genotypes: {}, noContigs: true, reference: 'file:///ref/hg19.fa' },
      build: 'GRCh37',
    },
    {
      name: '##reference naming GRCh38',
      spec: { build: 'GRCh38' as const, genotypes: {}, noContigs: true, reference: 'GRCh38_full_analysis_set.fa' },
      build: 'GRCh38',
    },
  ])('detects $name', ({ spec, build }) => {
    expect(decideBuild(header(spec), 0).build).toBe(build);
  });

  it('takes the user choice and notes a disagreement with the header', () => {
    const d = decideBuild(header({ build: 'GRCh38', genotypes: {} }), 37);
    expect(d).toMatchObject({ build: 'GRCh37', basis: 'chosen by the user' });
    expect(d.conflict).toMatch(/header suggests GRCh38/);
  });

  it('asks the user to choose when the header cannot tell', () => {
    const vcf = makeVcf({ build: 'GRCh38', genotypes: {}, noContigs: true });
    expect(() => callPgx(vcf, { build: 0, sample: 1, minDepth: 0 })).toThrow(
      /Choose GRCh37 or GRCh38 under "Reference build"/,
    );
    expect(callPgx(vcf, { build: 38, sample: 1, minDepth: 0 }).build).toBe('GRCh38');
  });
});
