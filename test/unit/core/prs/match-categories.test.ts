// Each matching category of pgsc_calc (pgscatalog.match: match.py, label.py) on a constructed row, and the
// rules around it: the minimum overlap, harmonised columns, chromosome naming, unscorable rows.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { computePolygenicScore, matchLog, matchSummary } from '../../../../src/core/prs/polygenic-score';
import { readScoringFile } from '../../../../src/core/prs/scoring-file';
import { complement } from '../../../../src/core/prs/match';
import { CASE_ROWS, CASES_SCORING, CASES_VCF } from './cases';

/** The query text the app's step gives, from native bcftools reading the VCF on stdin. */
function query(vcf: string): string {
  return execFileSync('bcftools', ['query', '-H', '-f', '%CHROM\\t%POS\\t%REF\\t%ALT[\\t%GT]\\n', '-'], {
    input: vcf,
    encoding: 'utf8',
  });
}

const target = query(CASES_VCF);
const defaults = { keepAmbiguous: false, keepMultiallelic: false, minOverlap: 0 };

describe('match categories with the default options', () => {
  const result = computePolygenicScore(CASES_SCORING, target, defaults);
  const byRsId = new Map(result.matches.all().map((m) => [m.row.rsId, m]));
  it.each(CASE_ROWS.filter((r) => r[9] !== 'unscorable').map((r) => [r[0], r[9], r[10]] as const))(
    '%s is %s (%s)',
    (rsId, status, type) => {
      const m = byRsId.get(rsId)!;
      expect(m.status).toBe(status);
      expect(m.matchType ?? '').toBe(type);
    },
  );

  it('counts the haplotype row as not scorable instead of using it', () => {
    expect(result.scoring.unscorable).toEqual({ 'haplotype or diplotype': 1 });
    expect(result.scoring.rowCount).toBe(CASE_ROWS.length);
    expect(matchSummary(result).find((r) => String(r.status).startsWith('not scorable'))?.count).toBe(1);
  });

  it('says why each excluded row was dropped', () => {
    expect(byRsId.get('ambiguous')!.reason).toContain('strand-ambiguous');
    expect(byRsId.get('multiallelic')!.reason).toContain('multi-allelic');
    expect(byRsId.get('duplicate_a')!.reason).toContain('same target variant');
    expect(byRsId.get('mitochondrial')!.reason).toContain('not scored');
  });

  it('summary counts add up to every row of the file', () => {
    expect(matchSummary(result).reduce((n, r) => n + r.count, 0)).toBe(CASE_ROWS.length);
    expect(matchLog(result)).toHaveLength(CASE_ROWS.length - 1);
  });

  it('a flipped match uses the complemented effect allele', () => {
    expect(byRsId.get('refalt_flip')!.matchedEffectAllele).toBe('G');
    expect(complement('ACGT')).toBe('TGCA');
    expect(complement('N')).toBe('N');
  });
});

describe('switches', () => {
  it.each([
    ['ambiguous', { keepAmbiguous: true }, 'matched'],
    ['ambiguous_cg', { keepAmbiguous: true }, 'matched'],
    ['multiallelic', { keepMultiallelic: true }, 'matched'],
    ['multiallelic', { keepAmbiguous: true }, 'excluded'],
  ] as const)('%s with %o is %s', (rsId, option, status) => {
    const result = computePolygenicScore(CASES_SCORING, target, { ...defaults, ...option });
    expect(result.matches.all().find((m) => m.row.rsId === rsId)!.status).toBe(status);
  });
});

describe('minimum overlap', () => {
  it('refuses to report below the minimum and says why', () => {
    const result = computePolygenicScore(CASES_SCORING, target, { ...defaults, minOverlap: 0.75 });
    expect(result.matched).toBe(9);
    expect(result.refusal).toMatch(/only 9 of 18 variants .*50\.0 %.*below the minimum of 75\.0 %/);
    expect(result.scores).toEqual([]);
  });

  it('reports at or above the minimum', () => {
    const result = computePolygenicScore(CASES_SCORING, target, { ...defaults, minOverlap: 0.5 });
    expect(result.refusal).toBeUndefined();
    expect(result.scores).toHaveLength(3);
  });
});

describe('chromosome naming', () => {
  it('matches a chr-prefixed target as the plain one', () => {
    const chrVcf = CASES_VCF.replace(/^(1|2|X|MT)\t/gm, 'chr$1\t').replace(/ID=(1|2|X|MT),/g, 'ID=chr$1,');
    const plain = computePolygenicScore(CASES_SCORING, target, defaults);
    const prefixed = computePolygenicScore(CASES_SCORING, query(chrVcf), defaults);
    expect(prefixed.scores).toEqual(plain.scores);
  });
});

describe('harmonised scoring files', () => {
  const text = [
    '#pgs_id=PGS_TEST02',
    '#genome_build=NR',
    '#HmPOS_build=GRCh37',
    '#variants_number=3',
    [
      'rsID',
      'chr_name',
      'effect_allele',
      'effect_weight',
      'hm_source',
      'hm_rsID',
      'hm_chr',
      'hm_pos',
      'hm_inferOtherAllele',
    ].join('\t'),
    ['rs1', '', 'G', '0.5', 'ENSEMBL', 'rs1', '1', '1000', 'A'].join('\t'),
    ['rs2', '', 'T', '0.1', 'ENSEMBL', 'rs2', '1', '2000', 'A/C'].join('\t'),
    ['rs3', '', 'C', '0.2', 'ENSEMBL', 'rs3', '', '', ''].join('\t'),
  ].join('\n');

  it('reads positions from hm_chr/hm_pos and the other allele from hm_inferOtherAllele', () => {
    const file = readScoringFile(text);
    expect(file.harmonised).toBe(true);
    expect(file.header).toMatchObject({ pgsId: 'PGS_TEST02', hmPosBuild: 'GRCh37', variantsNumber: 3 });
    expect(
      Array.from({ length: file.rows.length }, (_, i) => file.rows.at(i)).map((r) => [r.chrom, r.pos, r.otherAllele]),
    ).toEqual([
      ['1', 1000, 'A'],
      ['1', 2000, 'A/C'],
    ]);
    expect(file.unscorable).toEqual({ 'no chromosome or position': 1 });
  });

  it('an inferred other allele with several candidates never matches exactly, as in pgsc_calc', () => {
    const result = computePolygenicScore(text, target, defaults);
    expect(result.matches.all().map((m) => m.status)).toEqual(['matched', 'unmatched']);
  });
});
