// A constructed trio VCF and a scoring file with one row per matching category (named in the rsID column),
// shared by the match-category tests and the plink2 agreement test. Synthetic: nothing from a real person.

const vcfRows = [
  // chrom pos ref alt mother father child
  ['1', 1000, 'A', 'G', '0/1', '0/0', '1/1'],
  ['1', 2000, 'C', 'T', '0/0', '0/1', './.'],
  ['1', 3000, 'G', 'A', '1/1', '0/1', '0/1'],
  ['1', 4000, 'T', 'C', '0/1', '0|1', '0/0'],
  ['1', 5000, 'A', 'T', '0/1', '1/1', '0/0'],
  ['1', 6000, 'C', 'A,T', '0/1', '0/2', '1/2'],
  ['1', 8000, 'T', 'G', '1/1', '0/1', '0/0'],
  ['1', 9000, 'A', 'C', '0/1', '1/1', '0/1'],
  ['1', 11000, 'A', 'C', '0/1', '0/1', '0/1'],
  ['2', 500, 'G', 'T', '0/1', '1/1', '0/0'],
  ['2', 600, 'A', 'G', '1/1', '0/1', '1/1'],
  ['2', 700, 'AT', 'A', '0/1', '0/0', '1/1'],
  ['2', 800, 'C', 'G', '0/1', '0/0', '1/1'],
  ['X', 5000000, 'T', 'C', '0/1', '1', '1'],
  ['MT', 100, 'A', 'G', '1', '0', '1'],
] as const;

export const CASES_VCF =
  [
    '##fileformat=VCFv4.2',
    '##contig=<ID=1,length=249250621>',
    '##contig=<ID=2,length=243199373>',
    '##contig=<ID=X,length=155270560>',
    '##contig=<ID=MT,length=16569>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'mother', 'father', 'child'].join('\t'),
    ...vcfRows.map(([c, p, r, a, ...gts]) => [c, p, '.', r, a, '.', 'PASS', '.', 'GT', ...gts].join('\t')),
  ].join('\n') + '\n';

/** rsID names the category the row must land in; the expected status follows the default options. */
export const CASE_ROWS = [
  // rsID, chr, pos, effect, other, weight, dominant, recessive, haplotype, expected status, match type
  ['refalt', '1', 1000, 'A', 'G', 0.5, '', '', '', 'matched', 'refalt'],
  ['altref', '1', 2000, 'T', 'C', -0.25, '', '', '', 'matched', 'altref'],
  ['refalt_flip', '1', 3000, 'C', 'T', 1.5, '', '', '', 'matched', 'refalt_flip'],
  ['altref_flip', '1', 4000, 'G', 'A', 0.75, '', '', '', 'matched', 'altref_flip'],
  ['ambiguous', '1', 5000, 'T', 'A', 2, '', '', '', 'excluded', 'altref'],
  ['multiallelic', '1', 6000, 'T', 'C', 1.25, '', '', '', 'excluded', 'altref'],
  ['duplicate_a', '1', 8000, 'G', 'T', 0.3, '', '', '', 'excluded', 'altref'],
  ['duplicate_b', '1', 8000, 'T', 'G', 0.4, '', '', '', 'excluded', 'refalt'],
  ['no_oa_alt', '1', 9000, 'C', '', 0.6, '', '', '', 'matched', 'no_oa_alt'],
  ['absent', '1', 10000, 'G', 'A', 9, '', '', '', 'unmatched', ''],
  ['wrong_alleles', '1', 11000, 'G', 'A', 9, '', '', '', 'unmatched', ''],
  ['dominant', '2', 500, 'T', 'G', 0.8, 'TRUE', 'FALSE', '', 'matched', 'altref'],
  ['recessive', '2', 600, 'G', 'A', -1.1, 'FALSE', 'TRUE', '', 'matched', 'altref'],
  ['deletion', '2', 700, 'A', 'AT', 0.9, '', '', '', 'matched', 'altref'],
  ['ambiguous_cg', '2', 800, 'C', 'G', 0.2, '', '', '', 'excluded', 'refalt'],
  ['chrX_haploid', 'X', 5000000, 'C', 'T', 0.45, '', '', '', 'matched', 'altref'],
  ['mitochondrial', 'MT', 100, 'G', 'A', 3, '', '', '', 'unmatched', ''],
  ['haplotype', '1', 1000, 'G', 'A', 5, '', '', 'TRUE', 'unscorable', ''],
] as const;

export const CASES_SCORING =
  [
    '###PGS CATALOG SCORING FILE - see the PGS Catalog for additional information',
    '#format_version=2.0',
    '##POLYGENIC SCORE (PGS) INFORMATION',
    '#pgs_id=PGS_TEST01',
    '#pgs_name=lokus_cases',
    '#trait_reported=Constructed test trait',
    '#genome_build=GRCh37',
    '#weight_type=beta',
    `#variants_number=${CASE_ROWS.length}`,
    '##SOURCE INFORMATION',
    '#citation=Lokus test data (synthetic)',
    '#license=CC0',
    [
      'rsID',
      'chr_name',
      'chr_position',
      'effect_allele',
      'other_allele',
      'effect_weight',
      'is_dominant',
      'is_recessive',
      'is_haplotype',
    ].join('\t'),
    ...CASE_ROWS.map((r) => r.slice(0, 9).join('\t')),
  ].join('\n') + '\n';
