import { describe, expect, it } from 'vitest';
import { parseVcfHeader } from '../../../../src/core/parsers/vcf-header';
import { parseQueryTable } from '../../../../src/core/parsers/bcftools-query';
import { toolOutput } from './tool-output';

const header = parseVcfHeader(toolOutput('bcftools-view-header.1kg_phase1_chr22_5samples.vcf.gz.txt'));

describe('parseVcfHeader', () => {
  it('lists INFO and FORMAT fields with their types', () => {
    expect(header.info.map((f) => f.id)).toContain('AF');
    expect(header.info.find((f) => f.id === 'AF')).toEqual({ id: 'AF', number: '1', type: 'Float', description: 'Global Allele Frequency based on AC/AN' });
    expect(header.format.map((f) => f.id)).toEqual(['GT', 'DS', 'GL']);
  });

  it('reads the samples from the #CHROM line', () => {
    expect(header.samples).toEqual(['HG00096', 'HG00097', 'HG00099', 'HG00100', 'HG00101']);
  });

  it('finds the sub-fields of a VEP CSQ annotation', () => {
    const csq = parseVcfHeader('##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n');
    expect(csq.annotation).toEqual({ tag: 'CSQ', fields: ['Allele', 'Consequence', 'IMPACT', 'SYMBOL'] });
  });

  it('names a line that is not a header line', () => {
    expect(() => parseVcfHeader('##fileformat=VCFv4.2\n22\t100\t.\tA\tG\t.\t.\t.\n')).toThrow('VCF header, line 2: expected a header line starting with ##');
  });
});

describe('parseQueryTable', () => {
  const columns = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'AF', 'VT', ...header.samples];

  it('reads every row of a region query', () => {
    const table = parseQueryTable(toolOutput('bcftools-query.1kg_phase1_chr22_5samples.vcf.gz.region.txt'), columns);
    expect(table.rows).toHaveLength(194);
    expect(table.rows[0]).toEqual(['22', '50300078', 'rs7410291', 'A', 'G', '100', 'PASS', '0.34', 'SNP', '0|0', '0|0', '1|0', '0|0', '0|0']);
  });

  it('names a row with the wrong number of columns', () => {
    expect(() => parseQueryTable('22\t1\n22\t2\t3\n', ['CHROM', 'POS'])).toThrow('bcftools query output, line 2: expected 2 tab-separated columns');
  });
});
