// The real tool engine in Chromium: module workers, wasm samtools, WORKERFS inputs, pipelines, queue, cancel.
// Expected numbers were produced with the native samtools 1.16.1 on test/fixtures (commands in comments).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../wasm/tools.json';
import type { ToolEngineOptions } from '../../src/engine';
import { cmd, FIXTURES, openEngine, SAM_HEADER, samChunk, type EnginePage } from './support/engine-page';

let app: EnginePage;
const expected = (name: string) => readFileSync(join(FIXTURES, 'expected', name), 'utf8');

const FIXTURE_FILES = ['ex1.bam', 'ex1.fa', 'ex1.fa.fai'];

beforeAll(async () => {
  app = await openEngine();
  await app.mountFixtures(...FIXTURE_FILES);
});
afterAll(async () => app?.close());

/** A SAM file of `chunks` x 20,000 reads, mounted as one Blob without copying the repeats. */
const mountBigSam = (name: string, chunks: number) =>
  app.page.evaluate(
    ({ name, header, chunk, chunks }) => window.lokusHarness.mountRepeated(name, header, chunk, chunks),
    { name, header: SAM_HEADER, chunk: samChunk(20_000), chunks },
  );

/** Runs `body` on an engine made with `options`, then goes back to the default engine with the fixtures (and `keep`). */
async function withEngine(options: ToolEngineOptions, keep: string[], body: () => Promise<void>): Promise<void> {
  await app.page.evaluate((o) => window.lokusHarness.reset(o), options);
  try {
    await body();
  } finally {
    await app.page.evaluate(() => window.lokusHarness.reset());
    await app.mountFixtures(...FIXTURE_FILES, ...keep);
  }
}

/** Lets a started job run for `ms`, cancels it, and returns its result and how long the cancel took. */
/** Cancels a job once its first step has read some input, and waits for its end. */
const cancelWhileReading = async (id: string) => {
  await expect
    .poll(() => app.page.evaluate((jobId) => window.lokusHarness.events(jobId)?.bytesReadByStep[0] ?? 0, id))
    .toBeGreaterThan(0);
  return app.page.evaluate(async (jobId) => {
    window.lokusHarness.cancel(jobId);
    return window.lokusHarness.wait(jobId);
  }, id);
};

describe('programs and provenance', () => {
  it('offers the programs of wasm/tools.json with their build hashes', async () => {
    const programs = await app.page.evaluate(() => window.lokusHarness.programs());
    // A multi-call binary (busybox) is offered under its own name and under each applet's, all one build.
    const listed = manifest.tools.flatMap((tool) =>
      tool.programs.flatMap((p) =>
        [p.name, ...('applets' in p ? p.applets : [])].map((name) => ({
          program: name,
          tool: tool.name,
          version: tool.version,
          wasmSha256: p.wasm.sha256,
          ...(name === p.name ? {} : { binary: p.name }),
        })),
      ),
    );
    expect(programs).toEqual(listed);
    expect(programs.map((p) => p.program)).toContain('samtools');
  });

  it('records which build ran each step and how much memory it used', async () => {
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    const samtools = manifest.tools.find((tool) => tool.name === 'samtools')!;
    expect(result.steps[0]?.program).toEqual({
      program: 'samtools',
      tool: 'samtools',
      version: samtools.version,
      wasmSha256: samtools.programs[0]!.wasm.sha256,
    });
    expect(result.peakMemoryBytes).toBeGreaterThanOrEqual(16 << 20);
  });
});

describe('single jobs', () => {
  it('returns the stdout the native tool prints', async () => {
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    expect(result).toMatchObject({
      status: 'succeeded',
      exitStatus: 0,
      stdout: expected('samtools-view-count.stdout'),
      stdoutTruncated: false,
    });
    expect(result.events.statuses).toEqual(['queued', 'running', 'succeeded']);
  });

  it('lets a tool write next to its input and later jobs use the file', async () => {
    const index = await app.run({ steps: [cmd('samtools', 'index', 'ex1.bam')] });
    expect(index.outputs.map((output) => output.path)).toEqual(['ex1.bam.bai']);
    const stats = await app.run({ steps: [cmd('samtools', 'idxstats', 'ex1.bam')] });
    expect(stats.stdout).toBe(expected('samtools-idxstats.stdout'));
  });

  it('lets a job write over a file of the work area', async () => {
    const again = await app.run({ steps: [cmd('samtools', 'index', 'ex1.bam')] });
    expect(again).toMatchObject({ status: 'succeeded', outputs: [{ path: 'ex1.bam.bai' }] });
    await app.run({ steps: [cmd('samtools', 'view', '-h', 'ex1.bam')], stdoutFile: 'byname.sam' });
    const sorted = await app.run({ steps: [cmd('samtools', 'sort', '-n', '-o', 'byname.sam', 'byname.sam')] });
    expect(sorted).toMatchObject({ status: 'succeeded', outputs: [{ path: 'byname.sam' }] });
    expect((await app.run({ steps: [cmd('samtools', 'view', '-c', 'byname.sam')] })).stdout).toBe(
      expected('samtools-view-count.stdout'),
    );
  });

  it('reports a non-zero exit as failed with stderr and advice', async () => {
    // native: samtools view missing.bam -> exit 1
    const result = await app.run({ steps: [cmd('samtools', 'view', 'missing.bam')] });
    expect(result).toMatchObject({ status: 'failed', exitStatus: 1, failedStep: 0 });
    expect(result.stderr).toContain('failed to open "missing.bam" for reading: No such file or directory');
    expect(result.error).toMatchObject({ name: 'ToolFailedError', exitStatus: 1 });
    expect(result.error?.advice).toMatch(/not open in Lokus/);
  });

  it('refuses a program that is not installed', async () => {
    const result = await app.run({ steps: [cmd('bwa', 'mem', 'ref.fa', 'r.fq')] });
    expect(result).toMatchObject({ status: 'failed', exitStatus: 127, error: { name: 'UnknownProgramError' } });
  });

  it('caps stdout in the result but keeps the whole file when redirected', async () => {
    const shown = await app.run({ steps: [cmd('samtools', 'view', 'ex1.bam')] });
    const saved = await app.run({ steps: [cmd('samtools', 'view', 'ex1.bam')], stdoutFile: 'all.sam' });
    expect(shown.stdoutTruncated).toBe(false);
    expect(saved.outputs).toEqual([{ path: 'all.sam', size: new TextEncoder().encode(shown.stdout).length }]);
  });
});

describe('pipelines', () => {
  it('feeds each step the previous stdout', async () => {
    // native: samtools view -h ex1.bam seq2:450-550 | samtools view -c -  -> 181 (after indexing above: region)
    await app.mountFixtures('ex1.bam.bai');
    const result = await app.run({
      steps: [cmd('samtools', 'view', '-h', 'ex1.bam', 'seq2:450-550'), cmd('samtools', 'view', '-c', '-')],
    });
    expect(result).toMatchObject({ status: 'succeeded', stdout: '181\n' });
    expect(result.steps.map((step) => step.exitStatus)).toEqual([0, 0]);
  });

  it('redirects the last stdout to a file that a later job reads', async () => {
    // native: samtools view -h ex1.bam seq1:1-100 > r.sam; samtools view -c r.sam -> 39
    const saved = await app.run({
      steps: [cmd('samtools', 'view', '-h', 'ex1.bam', 'seq1:1-100')],
      stdoutFile: 'r.sam',
    });
    expect(saved.stdout).toBe('');
    expect((await app.run({ steps: [cmd('samtools', 'view', '-c', 'r.sam')] })).stdout).toBe('39\n');
  });

  it('stops at a failing middle step and says which one', async () => {
    // native: samtools view -h ex1.bam | samtools view -Z - | samtools view -c - -> PIPESTATUS 0 1 1, "invalid option -- 'Z'"
    // The page is cross-origin isolated, so the steps run at once through shared-memory pipes and all exit.
    expect(await app.page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const result = await app.run({
      steps: [
        cmd('samtools', 'view', '-h', 'ex1.bam'),
        cmd('samtools', 'view', '-Z', '-'),
        cmd('samtools', 'view', '-c', '-'),
      ],
    });
    expect(result).toMatchObject({ status: 'failed', failedStep: 1, exitStatus: 1, stdout: '' });
    expect(result.steps.map((step) => step.exitStatus)).toEqual([0, 1, 1]);
    expect(result.stderr).toContain("invalid option -- 'Z'");
    expect(result.error?.advice).toMatch(/did not accept its arguments/);
  });

  it('runs the steps at once, not one after another', async () => {
    // native: samtools view -h long.sam | samtools view -c - -> 1,200,000.
    await mountBigSam('piped.sam', 60);
    const result = await app.run({
      steps: [cmd('samtools', 'view', '-h', 'piped.sam'), cmd('samtools', 'view', '-c', '-')],
    });
    expect(result).toMatchObject({ status: 'succeeded', stdout: `${60 * 20_000}\n` });
  });

  it("gives the last step's output while the first step is still reading (head)", async () => {
    // Run one after another, head could say nothing before samtools had read all of its input; run at once, head
    // prints its two lines and exits while samtools is still reading.
    const size = await mountBigSam('headed.sam', 60);
    const result = await app.run({ steps: [cmd('samtools', 'view', '-h', 'headed.sam'), cmd('head', '-n', '2')] });
    expect(result.stdout).toBe(SAM_HEADER.split('\n').slice(0, 2).join('\n') + '\n');
    expect(result.events.firstStepReadAtFirstOutput).toBeLessThan(size);
    expect(result.events.bytesReadByStep[0]).toBe(size);
  });

  it('still runs pipelines step by step where pipes are off (a host without cross-origin isolation)', async () => {
    await withEngine({ pipes: false }, ['ex1.bam.bai'], async () => {
      await app.mountFixtures('ex1.bam', 'ex1.bam.bai');
      const ok = await app.run({
        steps: [cmd('samtools', 'view', '-h', 'ex1.bam', 'seq2:450-550'), cmd('samtools', 'view', '-c', '-')],
      });
      expect(ok).toMatchObject({ status: 'succeeded', stdout: '181\n' });
      const failed = await app.run({
        steps: [
          cmd('samtools', 'view', '-h', 'ex1.bam'),
          cmd('samtools', 'view', '-Z', '-'),
          cmd('samtools', 'view', '-c', '-'),
        ],
      });
      expect(failed).toMatchObject({ status: 'failed', failedStep: 1, exitStatus: 1 });
      expect(failed.steps).toHaveLength(2);
    });
  });

  it('cancels a running pipeline, stopping every step where it was', async () => {
    const size = await mountBigSam('endless-pipe.sam', 3000);
    const id = await app.start({
      steps: [cmd('samtools', 'view', '-h', 'endless-pipe.sam'), cmd('samtools', 'view', '-c', '-')],
    });
    const cancelled = await cancelWhileReading(id);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.events.bytesReadByStep[0]).toBeLessThan(size);
    const next = await app.run({
      steps: [cmd('samtools', 'view', '-h', 'ex1.bam'), cmd('samtools', 'view', '-c', '-')],
    });
    expect(next).toMatchObject({ status: 'succeeded', stdout: expected('samtools-view-count.stdout') });
  });
});

describe('streamed inputs', () => {
  const records = 60 * 20_000;
  const size = SAM_HEADER.length + 60 * samChunk(20_000).length;
  const streamWorkers = () => app.page.workers().filter((worker) => worker.url().includes('blob-stream-worker'));
  const streamedBytes = async () => {
    let total = 0;
    for (const worker of streamWorkers())
      total += await worker.evaluate(() => (self as unknown as { lokusStreamedBytes: number }).lokusStreamedBytes);
    return total;
  };

  it('reads a long input through the stream worker of its slot after the first windows, every record counted', async () => {
    await mountBigSam('streamed.sam', 60);
    const before = await streamedBytes();
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'streamed.sam')] });
    expect(result).toMatchObject({ status: 'succeeded', stdout: `${records}\n` });
    expect(result.events.lastProgress).toMatchObject({ bytesRead: size, bytesTotal: size });
    // Windows of 256 KiB, 512 KiB, 1 MiB and 2 MiB come first; everything after them is streamed.
    await expect.poll(async () => (await streamedBytes()) - before).toBeGreaterThan(size - (4 << 20));
  });

  it('reads it through windows alone where there is no shared memory, with the same count', async () => {
    await withEngine({ pipes: false }, [], async () => {
      await mountBigSam('streamed.sam', 60);
      const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'streamed.sam')] });
      expect(result).toMatchObject({ status: 'succeeded', stdout: `${records}\n` });
      await expect.poll(() => streamWorkers().length).toBe(0);
    });
  });
});

describe('pool, queue and cancel', () => {
  it('runs two jobs at once and does not hold a short job behind a long one', async () => {
    await mountBigSam('long.sam', 60);
    const long = await app.start({ steps: [cmd('samtools', 'view', '-c', 'long.sam')] });
    const short = await app.start({ steps: [cmd('samtools', 'flagstat', 'ex1.bam')] });
    const shortResult = await app.wait(short);
    const longResult = await app.wait(long);
    expect(shortResult.stdout).toBe(expected('samtools-flagstat.stdout'));
    expect(longResult.stdout).toBe(`${60 * 20_000}\n`);
    expect(shortResult.endedAt).toBeLessThan(longResult.endedAt);
    expect(shortResult.startedAt).toBeLessThan(longResult.endedAt);
  });

  it('cancels a running job where it was and runs the next one on a fresh worker', async () => {
    const size = await mountBigSam('endless.sam', 3000);
    const id = await app.start({ steps: [cmd('samtools', 'view', '-c', 'endless.sam')] });
    const cancelled = await cancelWhileReading(id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { name: 'JobCancelledError' } });
    expect(cancelled.events.bytesReadByStep[0]).toBeLessThan(size);
    const next = await app.run({ steps: [cmd('samtools', 'flagstat', 'ex1.bam')] });
    expect(next).toMatchObject({ status: 'succeeded', stdout: expected('samtools-flagstat.stdout') });
  });

  it('reports progress as bytes read of the named inputs', async () => {
    await mountBigSam('long.sam', 60);
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'long.sam')] });
    const size = SAM_HEADER.length + 60 * samChunk(20_000).length;
    expect(result.events.lastProgress, JSON.stringify(result.events)).toMatchObject({
      kind: 'progress',
      bytesTotal: size,
    });
  });

  it('asks only its own origin for anything', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors.join('\n')).toBe('');
  });
});
