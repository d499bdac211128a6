import { describe, expect, it } from 'vitest';
import { parseVcfHeader } from '../../../../src/core/parsers/vcf-header';
import { toolOutput } from './tool-output';

const header = parseVcfHeader(toolOutput('bcftools-view-header.1kg_phase1_chr22_5samples.vcf.gz.txt'));

describe('parseVcfHeader', () => {
  it('lists INFO and FORMAT fields with their types', () => {
    expect(header.info.map((f) => f.id)).toContain('AF');
    expect(header.info.find((f) => f.id === 'AF')).toEqual({
      id: 'AF',
      number: '1',
      type: 'Float',
      description: 'Global Allele Frequency based on AC/AN',
    });
    expect(header.format.map((f) => f.id)).toEqual(['GT', 'DS', 'GL']);
  });

  it('reads the samples from the #CHROM line', () => {
    expect(header.samples).toEqual(['HG00096', 'HG00097', 'HG00099', 'HG00100', 'HG00101']);
  });

  it('finds the sub-fields of a VEP CSQ annotation', () => {
    const csq = parseVcfHeader(
      '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n',
    );
    expect(csq.annotation).toEqual({ tag: 'CSQ', fields: ['Allele', 'Consequence', 'IMPACT', 'SYMBOL'] });
  });

  it('names a line that is not a header line', () => {
    expect(() => parseVcfHeader('##fileformat=VCFv4.2\n22\t100\t.\tA\tG\t.\t.\t.\n')).toThrow(
      'VCF header, line 2: expected a header line starting with ##',
    );
  });
});
