// The variant browser's split query with the real wasm bcftools on real fixtures: the parts' outputs
// (`-r <part> --regions-overlap pos`) joined in order are byte-identical to the single query, and to what native
// bcftools prints for the single query, on one- and multi-contig files, with cuts on duplicate positions.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuery, buildSplitQuery, EMPTY_FILTER, type VariantFilter } from '../../src/core/variants/browser-query';
import { parseIndexStats, planChunks, type ContigStat } from '../../src/core/variants/chunk-plan';
import { parseVcfHeader, type VcfHeader } from '../../src/core/parsers/vcf-header';
import { repoRoot } from './conformance-harness.mjs';

interface WasmRun {
  exitStatus: number;
  stdout: Buffer;
  stderr: Buffer;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string }) => Promise<WasmRun>;

const FIXTURES = join(repoRoot, 'test/fixtures');
const KG = '1kg_phase1_chr22_5samples.vcf.gz'; // one contig, no ##contig length, 7 duplicated positions
const MPILEUP = 'ex1.mpileup.bcf'; // two contigs with lengths, .csi
const MPILEUP_VCF = 'ex1.mpileup.vcf.gz'; // the same records bgzipped, .tbi (the e2e test's split file)
const PGX = 'pgx/pgx-grch38-variants.vcf.gz'; // five contigs, a few records each
const CHRX = 'sex.chrX.vcf.gz'; // one contig with its length

let wasm: (argv: readonly string[]) => Promise<Buffer>;

function native(argv: readonly string[]): Buffer {
  const r = spawnSync('bcftools', argv, { cwd: FIXTURES, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`native bcftools ${argv.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

async function header(file: string): Promise<VcfHeader> {
  return parseVcfHeader((await wasm(['view', '-h', file])).toString());
}

/** Single query and joined parts (wasm), and the single query natively. */
async function bothWays(file: string, filter: VariantFilter, infoFields: string[], chunks: string[]): Promise<{ single: Buffer; joined: Buffer; nativeSingle: Buffer }> {
  const h = await header(file);
  const single = buildQuery(file, h, filter, infoFields);
  const split = buildSplitQuery(file, h, filter, infoFields, [], chunks);
  if (!split) throw new Error(`${file}: the query was not split`);
  expect(split.columns).toEqual(single.columns);
  const parts = await Promise.all(split.jobs.map((job) => wasm(job.steps[0]!.argv)));
  return { single: await wasm(single.job.steps[0]!.argv), joined: Buffer.concat(parts), nativeSingle: native(single.job.steps[0]!.argv) };
}

describe('split variant-browser query', () => {
  beforeAll(async () => {
    const { runProgram } = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram };
    wasm = async (argv) => {
      const r = await runProgram('bcftools', argv, { cwd: FIXTURES });
      if (r.exitStatus !== 0) throw new Error(`bcftools ${argv.join(' ')}: ${r.stderr.toString()}`);
      return r.stdout;
    };
  });

  it('reads the same index statistics as native bcftools index -s', async () => {
    for (const file of [KG, MPILEUP, MPILEUP_VCF, PGX, CHRX]) {
      const text = (await wasm(['index', '-s', file])).toString();
      expect(text).toBe(native(['index', '-s', file]).toString());
      const stats = parseIndexStats(text);
      expect(stats.reduce((n, s) => n + s.records, 0)).toBe(Number(native(['index', '-n', file]).toString().trim()));
    }
  });

  it.each([
    [MPILEUP, 2],
    [MPILEUP, 3],
    [MPILEUP, 4],
    [MPILEUP_VCF, 2],
    [MPILEUP_VCF, 3],
    [PGX, 3],
    [PGX, 4],
    [CHRX, 4],
  ])('%s in %i planned parts: the joined parts are the single query', async (file, parts) => {
    const stats = parseIndexStats((await wasm(['index', '-s', file])).toString());
    const chunks = planChunks(stats, parts, 1)!;
    expect(chunks).toHaveLength(parts);
    const { single, joined, nativeSingle } = await bothWays(file, EMPTY_FILTER, [], chunks);
    expect(single.toString().split('\n').length).toBeGreaterThan(10);
    expect(joined.equals(single)).toBe(true);
    expect(single.equals(nativeSingle)).toBe(true);
  });

  it('cuts inside a contig at duplicated positions and next to them without losing or repeating a record', async () => {
    // 50338589 and 50567608 are each the POS of two records; 50640645 is just before a duplicated 50640646.
    const chunks = ['22:1-50338589', '22:50338590-50567607', '22:50567608-50640645', '22:50640646-'];
    const filter = { ...EMPTY_FILTER, expression: 'QUAL>=0 || QUAL="."', samples: ['HG00097', 'HG00100'] };
    const { single, joined, nativeSingle } = await bothWays(KG, filter, ['AF', 'AN'], chunks);
    const rows = single.toString().trimEnd().split('\n');
    expect(rows).toHaveLength(10376);
    expect(rows.filter((r) => r.startsWith('22\t50338589\t'))).toHaveLength(2);
    expect(joined.equals(single)).toBe(true);
    expect(single.equals(nativeSingle)).toBe(true);
  });

  it('a planned cut by length on a contig without one given (positions spread over the contig) joins exactly', async () => {
    const stats: ContigStat[] = parseIndexStats((await wasm(['index', '-s', KG])).toString()).map((s) => ({ ...s, length: 51_000_000 }));
    const chunks = planChunks(stats, 4)!;
    expect(chunks).toHaveLength(4);
    const { single, joined, nativeSingle } = await bothWays(KG, { ...EMPTY_FILTER, expression: 'INFO/AF>0.05' }, ['AF'], chunks);
    expect(single.length).toBeGreaterThan(1000);
    expect(joined.equals(single)).toBe(true);
    expect(single.equals(nativeSingle)).toBe(true);
  });

  it('parts that each list several whole contigs keep the file order', async () => {
    const { single, joined, nativeSingle } = await bothWays(PGX, EMPTY_FILTER, [], ['chr1,chr6,chr10', 'chr12,chr16,chr22']);
    expect(joined.equals(single)).toBe(true);
    expect(single.equals(nativeSingle)).toBe(true);
  });
});
