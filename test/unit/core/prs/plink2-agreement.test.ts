// Lokus's polygenic score against plink2 --score (Debian's plink2, an independent implementation) on a
// constructed VCF and scoring file that cover every match category: the matched variants Lokus reports are fed
// to plink2, which must give the same SUM, ALLELE_CT and AVG to its printed precision.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computePolygenicScore, matchedVariants } from '../../../../src/core/prs/polygenic-score';
import { TARGET_QUERY_FORMAT } from '../../../../src/core/prs/target';
import { CASES_VCF, CASES_SCORING } from './cases';

const dir = mkdtempSync(join(tmpdir(), 'lokus-prs-'));
writeFileSync(join(dir, 'cases.vcf'), CASES_VCF);

/** What the app's query step prints, from native bcftools of the same version as the wasm build. */
const targetText = execFileSync(
  'bcftools',
  ['query', '-H', '-f', TARGET_QUERY_FORMAT.replaceAll('\\\\', '\\'), join(dir, 'cases.vcf')],
  {
    encoding: 'utf8',
  },
);

interface Plink2Score {
  alleleCount: number;
  sum: number;
}

/** plink2 --score on the matched variants of one effect type; SUM and ALLELE_CT per sample. */
function plink2Scores(rows: Record<string, string | number>[], modifier: string): Map<string, Plink2Score> {
  if (rows.length === 0) return new Map(['mother', 'father', 'child'].map((s) => [s, { alleleCount: 0, sum: 0 }]));
  const scoreFile = join(dir, `matched-${modifier || 'additive'}.tsv`);
  writeFileSync(
    scoreFile,
    ['ID\tA1\tW', ...rows.map((r) => `${r['ID']}\t${r['effect_allele']}\t${r['effect_weight']}`)].join('\n') + '\n',
  );
  const out = join(dir, `plink-${modifier || 'additive'}`);
  const args = [
    '--vcf',
    join(dir, 'cases.vcf'),
    '--set-all-var-ids',
    '@:#:$r:$a',
    '--score',
    scoreFile,
    '1',
    '2',
    '3',
    'header',
    'cols=+scoresums',
    'no-mean-imputation',
  ];
  if (modifier) args.push(modifier);
  execFileSync('plink2', [...args, '--out', out], { stdio: 'ignore' });
  const [head, ...lines] = readFileSync(`${out}.sscore`, 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return new Map(
    lines.map((line) => {
      const f = line.split('\t');
      return [
        f[cols.indexOf('#IID')]!,
        { alleleCount: Number(f[cols.indexOf('ALLELE_CT')]), sum: Number(f[cols.indexOf('SCORE1_SUM')]) },
      ];
    }),
  );
}

const sig6 = (x: number) => Number(x.toPrecision(6));

describe.each([
  { name: 'defaults (ambiguous and multi-allelic excluded)', keepAmbiguous: false, keepMultiallelic: false },
  { name: 'ambiguous kept', keepAmbiguous: true, keepMultiallelic: false },
])('polygenic score equals plink2 --score: $name', ({ keepAmbiguous, keepMultiallelic }) => {
  const result = computePolygenicScore(CASES_SCORING, targetText, { keepAmbiguous, keepMultiallelic, minOverlap: 0 });
  const matched = matchedVariants(result);

  it('per sample SUM, ALLELE_CT and AVG', () => {
    expect(result.scores.map((s) => s.sample)).toEqual(['mother', 'father', 'child']);
    const byType = ['additive', 'dominant', 'recessive'].map((type) =>
      plink2Scores(
        matched.filter((m) => m['effect_type'] === type),
        type === 'additive' ? '' : type,
      ),
    );
    for (const score of result.scores) {
      // pgsc_calc scores each effect type with its own plink2 run and adds the sums and allele counts up.
      const sum = byType.reduce((acc, scores) => acc + scores.get(score.sample)!.sum, 0);
      const alleleCount = byType.reduce((acc, scores) => acc + scores.get(score.sample)!.alleleCount, 0);
      expect(sig6(score.sum)).toBe(sig6(sum));
      expect(score.alleleCount).toBe(alleleCount);
      expect(sig6(score.average)).toBe(sig6(sum / alleleCount));
    }
  });
});
