import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  buildVcfExport,
  describeQueryError,
  EMPTY_FILTER,
  filterProblem,
} from '../../../../src/core/variants/browser-query';
import { compareCells } from '../../../../src/core/variants/variant-table';
import { QueryRows } from '../../../../src/core/variants/query-rows';
import { formatJob } from '../../../../src/core/tools/job';
import { parseVcfHeader } from '../../../../src/core/parsers/vcf-header';
import { toolOutput } from '../parsers/tool-output';

const header = parseVcfHeader(toolOutput('bcftools-view-header.1kg_phase1_chr22_5samples.vcf.gz.txt'));
const FILE = '1kg_phase1_chr22_5samples.vcf.gz';

describe('buildQuery', () => {
  it('queries site columns, chosen INFO fields and each sample’s genotype, as the fixture was made', () => {
    const query = buildQuery(FILE, header, { ...EMPTY_FILTER, region: '22:50,300,000-50,310,000' }, ['AF', 'VT']);
    expect(formatJob(query.job)).toBe(
      `bcftools query -f '%CHROM\\t%POS\\t%ID\\t%REF\\t%ALT\\t%QUAL\\t%FILTER\\t%INFO/AF\\t%INFO/VT[\\t%GT]\\n' -r 22:50300000-50310000 ${FILE} > ${FILE}.browser.tsv`,
    );
    expect(query.columns).toEqual([
      'CHROM',
      'POS',
      'ID',
      'REF',
      'ALT',
      'QUAL',
      'FILTER',
      'AF',
      'VT',
      'HG00096',
      'HG00097',
      'HG00099',
      'HG00100',
      'HG00101',
    ]);
  });

  it.each([
    [{ panel: 'panel.bed' }, ['-R', 'panel.bed']],
    [{ samples: ['HG00096', 'HG00100'] }, ['-s', 'HG00096,HG00100']],
  ])('lets bcftools query itself apply %o as %o', (patch, args) => {
    const steps = buildQuery(FILE, header, { ...EMPTY_FILTER, ...patch }, []).job.steps;
    expect(steps).toHaveLength(1);
    expect(steps[0]!.argv.slice(3, -1)).toEqual(args);
  });

  const FORMAT = "'%CHROM\\t%POS\\t%ID\\t%REF\\t%ALT\\t%QUAL\\t%FILTER[\\t%GT]\\n'";
  it.each([
    [{ expression: 'QUAL>=30' }, `bcftools query -f ${FORMAT} -i 'QUAL>=30' ${FILE}`],
    [
      { expression: 'INFO/AF<0.01', expressionMode: 'exclude' as const, region: '22' },
      `bcftools query -f ${FORMAT} -r 22 -e 'INFO/AF<0.01' ${FILE}`,
    ],
    [
      { expression: 'AF>0.1 && TYPE="snp"', samples: ['HG00096'] },
      `bcftools query -f ${FORMAT} -s HG00096 -i 'AF>0.1 && TYPE="snp"' ${FILE}`,
    ],
  ])(
    'lets bcftools query select the sites itself for the site-level %o (same rows as view | query, one pass)',
    (patch, line) => {
      expect(formatJob(buildQuery(FILE, header, { ...EMPTY_FILTER, ...patch }, []).job)).toBe(
        `${line} > ${FILE}.browser.tsv`,
      );
    },
  );

  it.each([
    [
      { expression: 'FMT/GT="het"' },
      `bcftools view --no-version -i 'FMT/GT="het"' -Ou ${FILE} | bcftools query -f ${FORMAT} -`,
    ],
    [
      { expression: 'GT="alt" && QUAL>10', expressionMode: 'exclude' as const, region: '22' },
      `bcftools view --no-version -r 22 -e 'GT="alt" && QUAL>10' -Ou ${FILE} | bcftools query -f ${FORMAT} -`,
    ],
    [
      { genotype: 'alt' as const, expression: 'INFO/AF>0.1' },
      `bcftools view --no-version -i '(INFO/AF>0.1) && GT="alt"' -Ou ${FILE} | bcftools query -f ${FORMAT} -`,
    ],
    // Samples first: one view with -s and -i would test the genotype of every sample, not of the chosen ones.
    [
      { genotype: 'het' as const, samples: ['HG00096'], panel: 'panel.bed' },
      `bcftools view --no-version -R panel.bed -s HG00096 -Ou ${FILE} | bcftools view --no-version -i 'GT="het"' -Ou - | bcftools query -f ${FORMAT} -`,
    ],
  ])(
    'selects sites with bcftools view for %o (query -i would drop the genotypes of samples that fail)',
    (patch, line) => {
      expect(formatJob(buildQuery(FILE, header, { ...EMPTY_FILTER, ...patch }, []).job)).toBe(
        `${line} > ${FILE}.browser.tsv`,
      );
    },
  );

  it('exports the same filtered set as bgzipped VCF', () => {
    expect(formatJob(buildVcfExport(FILE, { ...EMPTY_FILTER, region: '22' }, 'filtered.vcf.gz'))).toBe(
      `bcftools view --no-version -r 22 -Oz -o filtered.vcf.gz ${FILE}`,
    );
    expect(
      formatJob(
        buildVcfExport(FILE, { ...EMPTY_FILTER, expression: 'QUAL>=30', samples: ['HG00096'] }, 'filtered.vcf.gz'),
      ),
    ).toBe(
      `bcftools view --no-version -s HG00096 -Ou ${FILE} | bcftools view --no-version -i 'QUAL>=30' -Ou - | bcftools view --no-version -Oz -o filtered.vcf.gz -`,
    );
  });
});

describe('filterProblem', () => {
  it.each([
    [{ region: '22:1-100' }, false, /needs the file’s index/],
    [{ region: '22 1 100' }, true, /is not a region/],
    [
      { genotype: 'het' as const, expression: 'QUAL<10', expressionMode: 'exclude' as const },
      true,
      /either an include or an exclude/,
    ],
  ])('refuses %o', (patch, hasIndex, message) => {
    expect(filterProblem({ ...EMPTY_FILTER, ...patch }, hasIndex)).toMatch(message);
  });

  it('accepts a region list with thousands separators', () => {
    expect(filterProblem({ ...EMPTY_FILTER, region: '22:50,300,000-50,310,000,22:50400000' }, true)).toBeUndefined();
  });
});

describe('describeQueryError (messages of native bcftools 1.16)', () => {
  it('names an undefined tag and lists the ones the file has', () => {
    expect(
      describeQueryError(
        '[filter.c:2933 filters_init1] Error: the tag "XYZ" is not defined in the VCF header\n',
        header,
      ),
    ).toMatch(
      /^The expression uses XYZ, which this file does not define\. It defines INFO LDAF, .*AF.* and FORMAT GT, DS, GL\.$/,
    );
  });

  it('explains a typo in the expression', () => {
    expect(describeQueryError('Error occurred while processing the filter "QUAL>>1" (1:1)\n', header)).toMatch(
      /could not read the expression "QUAL>>1"/,
    );
  });
});

describe('variant table', () => {
  it('sorts numbers as numbers and missing values last', () => {
    expect(['10', '.', '9', '100'].sort(compareCells)).toEqual(['9', '10', '100', '.']);
  });

  it('sorts rows by a column, stable for ties, either way', () => {
    const rows = QueryRows.parse(['a\t2\nb\t1\nc\t2\n'], ['NAME', 'N']);
    const names = (sorted: QueryRows) => sorted.slice(0, 3).map((r) => r[0]);
    expect(names(rows.sorted(1, 'asc'))).toEqual(['b', 'a', 'c']);
    expect(names(rows.sorted(1, 'desc'))).toEqual(['a', 'c', 'b']);
  });

  it('writes TSV with the header', () => {
    expect(QueryRows.parse(['22\t1\n'], ['CHROM', 'POS']).toTsv(['CHROM', 'POS'])).toBe('CHROM\tPOS\n22\t1\n');
  });
});

describe('annotation columns (VEP CSQ)', () => {
  const vep = parseVcfHeader(toolOutput('bcftools-view-header.vep_csq_chr1.vcf.gz.txt'));

  it('finds the CSQ sub-fields in the header', () => {
    expect(vep.annotation?.tag).toBe('CSQ');
    expect(vep.annotation?.fields).toEqual(expect.arrayContaining(['Consequence', 'SYMBOL', 'IMPACT']));
  });

  it('queries them with +split-vep, worst consequence per site, as the fixture was made', () => {
    const query = buildQuery('vep_csq_chr1.vcf.gz', vep, EMPTY_FILTER, [], ['Consequence', 'SYMBOL', 'IMPACT']);
    expect(formatJob(query.job)).toBe(
      "bcftools +split-vep -a CSQ -s worst -f '%CHROM\\t%POS\\t%ID\\t%REF\\t%ALT\\t%QUAL\\t%FILTER\\t%Consequence\\t%SYMBOL\\t%IMPACT\\n' vep_csq_chr1.vcf.gz > vep_csq_chr1.vcf.gz.browser.tsv",
    );
    const rows = QueryRows.parse([toolOutput('bcftools-split-vep.vep_csq_chr1.vcf.gz.txt')], query.columns);
    expect(rows).toHaveLength(802);
    expect(rows.row(0)).toEqual([
      '1',
      '14464',
      '.',
      'A',
      'T',
      '2235.88',
      'PASS',
      'non_coding_transcript_exon_variant',
      'WASH7P',
      'MODIFIER',
    ]);
  });

  it('refuses a sample choice with annotation columns', () => {
    expect(filterProblem({ ...EMPTY_FILTER, samples: ['S1'] }, true, true)).toMatch(/split-vep/);
  });
});
