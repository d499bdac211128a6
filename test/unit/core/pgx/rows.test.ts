// The PGx tables and outside-call file for genes that could not be called: not called, no match, and many
// diplotypes left open by missing positions.
import { describe, expect, it } from 'vitest';
import { callPgx } from '../../../../src/core/pgx/call-genes';
import { outsideCalls } from '../../../../src/core/pgx/outside-call';
import { geneRows } from '../../../../src/core/pgx/rows';
import { makeVcf } from './make-vcf';

describe('PGx rows and outside calls for unresolved genes', () => {
  // CYP2D6 with only 2850C>T called (het): every allele that does not depend on rs16947 stays possible.
  const vcf = makeVcf({
    build: 'GRCh38',
    genotypes: { rs16947: 'G/A', rs7900194: 'GT:0/1', rs3758581: 'G/G' },
  }).replace(/(\trs7900194\tG\t)A\t/, '$1T\t');
  const call = callPgx(vcf, { build: 0, sample: 1, minDepth: 0 });
  const rows = geneRows(call);
  const row = (gene: string) => rows.find((r) => r['gene'] === gene)!;

  it('lists at most 8 diplotypes and says how many more fit', () => {
    expect(call.genes.find((g) => g.gene === 'CYP2D6')!.diplotypes.length).toBeGreaterThan(8);
    expect(row('CYP2D6')['diplotype']).toMatch(/^(\*[0-9]+\/\*[0-9]+ or ){7}\*[0-9]+\/\*[0-9]+ … and \d+ more$/);
  });

  it('says "no match" for an allele no definition has (CYP2C9 rs7900194 T, the *27 base)', () => {
    expect(row('CYP2C9')).toMatchObject({ diplotype: 'no match', phenotype: 'Indeterminate' });
  });

  it('says "not called" for a gene with no position in the input', () => {
    expect(row('TPMT')).toMatchObject({ diplotype: 'not called', phenotype: 'not called' });
  });

  it('exports only single diplotypes and comments the rest', () => {
    const lines = outsideCalls(call, 'x.vcf').trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual([]);
    expect(lines).toContain('# CYP2C9: not exported (no defined diplotype fits)');
    expect(lines).toContain('# TPMT: not exported (not called)');
    expect(lines.find((l) => l.startsWith('# CYP2D6:'))).toMatch(/^# CYP2D6: not exported, several diplotypes fit \(/);
  });
});
