// Tools that run out of memory in Chromium: each job ends `failed` with an OutOfMemoryError and plain advice
// within seconds, and the engine runs the next job. The inputs are tiny; the memory is asked for by the
// command (a genome file that declares a 400 Mb chromosome, samtools sort -m 3G). Native bedtools/samtools
// (64-bit) would get that memory; wasm32 tops out at 4 GiB and dlmalloc refuses single blocks of 2 GiB or more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmd, FIXTURES, openEngine, type EnginePage } from './support/engine-page';

let app: EnginePage;
const expected = (name: string) => readFileSync(join(FIXTURES, 'expected', name), 'utf8');
const text = (name: string, content: string) =>
  app.page.evaluate(([n, c]) => window.lokusHarness.mountRepeated(n!, c!, '', 0), [name, content]);

beforeAll(async () => {
  app = await openEngine();
  await app.mountFixtures('ex1.bam');
  await text('one.bed', 'chr1\t100\t200\n');
});
afterAll(async () => app?.close());

/** Runs a job and checks it failed as out of memory, quickly, then that a normal job still works. */
async function expectOutOfMemory(steps: ReturnType<typeof cmd>[], evidence: RegExp) {
  const result = await app.run({ steps });
  expect(result, JSON.stringify(result)).toMatchObject({
    status: 'failed',
    failedStep: 0,
    error: { name: 'OutOfMemoryError' },
  });
  expect(result.error?.message).toMatch(new RegExp(`^${steps[0]!.program} ran out of memory: `));
  expect(result.error?.message).toMatch(evidence);
  expect(result.error?.advice).toMatch(/at most 4 GB.*smaller region or a subsample/);
  const next = await app.run({ steps: [cmd('samtools', 'flagstat', 'ex1.bam')] });
  expect(next).toMatchObject({ status: 'succeeded', stdout: expected('samtools-flagstat.stdout') });
  return result;
}

describe('at the 4 GiB WebAssembly limit', () => {
  it('reports a C++ tool whose allocation fails (bedtools genomecov on a 400 Mb chromosome: 3.2 GB array)', async () => {
    await text('g400m.txt', 'chr1\t400000000\n');
    const result = await expectOutOfMemory(
      [cmd('bedtools', 'genomecov', '-i', 'one.bed', '-g', 'g400m.txt')],
      /allocation failed/,
    );
    expect(result.exitStatus).toBe(134);
  });

  it('reports a container too large for 32-bit memory (600 Mb chromosome: std::length_error)', async () => {
    await text('g600m.txt', 'chr1\t600000000\n');
    await expectOutOfMemory(
      [cmd('bedtools', 'genomecov', '-i', 'one.bed', '-g', 'g600m.txt')],
      /larger than a WebAssembly program can address/,
    );
  });

  it("reports a tool's own out-of-memory message (samtools sort -m 3G)", async () => {
    const result = await expectOutOfMemory(
      [cmd('samtools', 'sort', '-m', '3G', '-o', 'sorted.bam', 'ex1.bam')],
      /could not get the memory/,
    );
    expect(result).toMatchObject({ exitStatus: 1, stderr: "samtools sort: couldn't allocate memory for bam_mem\n" });
  });
});

describe('with a heap ceiling (memoryLimitBytes), where growth itself is refused', () => {
  beforeAll(async () => {
    await app.page.evaluate(() => window.lokusHarness.reset({ memoryLimitBytes: 256 << 20 }));
    await app.mountFixtures('ex1.bam');
    await text('one.bed', 'chr1\t100\t200\n');
  });

  it('says how much the tool needed and had', async () => {
    await text('g40m.txt', 'chr1\t40000000\n');
    await expectOutOfMemory(
      [cmd('bedtools', 'genomecov', '-i', 'one.bed', '-g', 'g40m.txt')],
      /needed 3\d\d MB of memory in all \(it had 32 MB\) and could not get more/,
    );
  });

  it('still runs what fits under the ceiling (native bedtools prints the same)', async () => {
    // native: printf 'chr1\t100\t200\n' > one.bed; printf 'chr1\t10000000\n' > g10m.txt; bedtools genomecov -i one.bed -g g10m.txt
    await text('g10m.txt', 'chr1\t10000000\n');
    const result = await app.run({ steps: [cmd('bedtools', 'genomecov', '-i', 'one.bed', '-g', 'g10m.txt')] });
    expect(result).toMatchObject({
      status: 'succeeded',
      stdout:
        'chr1\t0\t9999900\t10000000\t0.99999\nchr1\t1\t100\t10000000\t1e-05\ngenome\t0\t9999900\t10000000\t0.99999\ngenome\t1\t100\t10000000\t1e-05\n',
    });
  });

  it('asks only its own origin and logs no page error', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors.join('\n')).toBe('');
  });
});
