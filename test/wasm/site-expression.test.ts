// The variant browser runs a site-level expression in bcftools query alone (src/core/variants/site-expression.ts)
// and anything else as `view -i | query`. Here the real wasm bcftools on the 1000 Genomes fixture shows why:
// both ways give the same rows for site-level expressions, and different rows for a genotype expression.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuery, EMPTY_FILTER } from '../../src/core/variants/browser-query';
import { parseVcfHeader } from '../../src/core/parsers/vcf-header';
import { repoRoot } from './conformance-harness.mjs';

interface WasmRun {
  exitStatus: number;
  stdout: Buffer;
  stderr: Buffer;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string; stdin?: Uint8Array }) => Promise<WasmRun>;

const FIXTURES = join(repoRoot, 'test/fixtures');
const FILE = '1kg_phase1_chr22_5samples.vcf.gz';
const FORMAT = '%CHROM\\t%POS\\t%REF\\t%ALT\\t%QUAL\\t%INFO/AF[\\t%GT]\\n';

describe('site-level expressions in bcftools query alone', () => {
  let run: (argv: string[], stdin?: Uint8Array) => Promise<Buffer>;
  let header: ReturnType<typeof parseVcfHeader>;

  beforeAll(async () => {
    const { runProgram } = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram };
    run = async (argv, stdin) => {
      const r = await runProgram('bcftools', argv, { cwd: FIXTURES, ...(stdin ? { stdin } : {}) });
      if (r.exitStatus !== 0) throw new Error(`bcftools ${argv.join(' ')}: ${r.stderr.toString()}`);
      return r.stdout;
    };
    header = parseVcfHeader((await run(['view', '-h', FILE])).toString());
  });

  const bothWays = async (expression: string): Promise<[Buffer, Buffer]> => {
    const single = await run(['query', '-i', expression, '-f', FORMAT, FILE]);
    const selected = await run(['view', '--no-version', '-i', expression, '-Ou', FILE]);
    return [single, await run(['query', '-f', FORMAT, '-'], selected)];
  };

  it.each(['QUAL>=30', 'INFO/AF>0.1 && TYPE="snp"', 'AF<0.01 || QUAL<10'])('%s: same rows either way, and the app queries it in one step', async (expression) => {
    const [single, piped] = await bothWays(expression);
    expect(single.length).toBeGreaterThan(1000);
    expect(single.equals(piped)).toBe(true);
    expect(buildQuery(FILE, header, { ...EMPTY_FILTER, expression }, ['AF']).job.steps).toHaveLength(1);
  });

  it('GT="het": query -i keeps only the samples that pass, so the app selects the sites with view first', async () => {
    const [single, piped] = await bothWays('GT="het"');
    expect(single.equals(piped)).toBe(false);
    expect(buildQuery(FILE, header, { ...EMPTY_FILTER, expression: 'GT="het"' }, ['AF']).job.steps.map((s) => s.argv[0])).toEqual(['view', 'query']);
  });
});
