import { describe, expect, it, vi } from 'vitest';
import {
  JobCancelledError,
  MissingFileError,
  ToolFailedError,
  UnknownProgramError,
} from '../../../../src/core/tools/errors';
import type { JobEvent } from '../../../../src/core/tools/job';
import { createFakeEngine, FAKE_PROGRAMS, respond } from '../../../fakes/fake-engine';

const cmd = (program: string, ...argv: string[]) => ({ program, argv });
const text = (value: string) => new Blob([value]);

describe('single commands', () => {
  it('returns stdout, exit status 0 and provenance of a scripted program', async () => {
    const engine = createFakeEngine({ programs: { samtools: respond({ 'view -c x.bam': '42\n' }) } });
    const result = await engine.run({ steps: [cmd('samtools', 'view', '-c', 'x.bam')] }).result;
    expect(result).toMatchObject({ status: 'succeeded', exitStatus: 0, stdout: '42\n', stdoutTruncated: false });
    expect(result.steps[0]?.program).toMatchObject({ program: 'samtools', version: 'fake' });
  });

  it('reports a non-zero exit as failed with the stderr and a ToolFailedError', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const result = await engine.run({ steps: [cmd('exit', '3', 'bad things')] }).result;
    expect(result).toMatchObject({ status: 'failed', exitStatus: 3, failedStep: 0, stderr: 'bad things\n' });
    expect(result.error).toBeInstanceOf(ToolFailedError);
  });

  it('refuses an unknown program without queueing it', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const result = await engine.run({ steps: [cmd('bwa', 'mem')] }).result;
    expect(result).toMatchObject({ status: 'failed', exitStatus: 127 });
    expect(result.error).toBeInstanceOf(UnknownProgramError);
    expect(result.error?.advice).toContain('echo');
    expect(engine.calls).toEqual([]);
  });

  it('turns a crash into a failed job with exit 134 and the abort reason', async () => {
    const engine = createFakeEngine({
      programs: {
        boom: () => {
          throw new Error('unreachable executed');
        },
      },
    });
    const result = await engine.run({ steps: [cmd('boom')] }).result;
    expect(result).toMatchObject({ status: 'failed', exitStatus: 134 });
    expect(result.error?.message).toContain('unreachable executed');
    expect(result.error?.advice).toMatch(/crashed/);
  });

  it('caps stdout kept in the result and says so', async () => {
    const engine = createFakeEngine({
      programs: { yes: (call) => (call.stdout('y\n'.repeat(1000)), 0) },
      stdoutCapBytes: 10,
    });
    const result = await engine.run({ steps: [cmd('yes')] }).result;
    expect(result).toMatchObject({ stdout: 'y\ny\ny\ny\ny\n', stdoutTruncated: true });
  });

  it('emits queued, running, output and succeeded events in order', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const events: JobEvent[] = [];
    await engine.run({ steps: [cmd('echo', 'hi')] }, (event) => events.push(event)).result;
    expect(events).toEqual([
      { kind: 'status', status: 'queued' },
      { kind: 'status', status: 'running' },
      { kind: 'stdout', text: 'hi\n' },
      { kind: 'status', status: 'succeeded' },
    ]);
  });
});

describe('pipelines and redirection', () => {
  it('feeds stdout of each step to the next as stdin', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const result = await engine.run({ steps: [cmd('echo', 'a'), cmd('cat'), cmd('wc')] }).result;
    expect(result).toMatchObject({ status: 'succeeded', stdout: '1\n' });
    expect(result.steps.map((step) => step.exitStatus)).toEqual([0, 0, 0]);
  });

  it('stops at a failing middle step and names it', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const result = await engine.run({ steps: [cmd('echo', 'a'), cmd('exit', '2', 'middle broke'), cmd('wc')] }).result;
    expect(result).toMatchObject({ status: 'failed', failedStep: 1, exitStatus: 2, stdout: '' });
    expect(result.stderr).toBe('middle broke\n');
    expect(engine.calls.map((call) => call.program)).toEqual(['echo', 'exit']);
  });

  it('writes the last stdout to the `>` file, keeps it for later jobs and shows nothing', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const events: JobEvent[] = [];
    const first = await engine.run({ steps: [cmd('echo', 'saved')], stdoutFile: 'out.txt' }, (event) =>
      events.push(event),
    ).result;
    expect(first.stdout).toBe('');
    expect(events.some((event) => event.kind === 'stdout')).toBe(false);
    expect(first.outputs.map((output) => [output.path, output.size])).toEqual([['out.txt', 6]]);
    const second = await engine.run({ steps: [cmd('cat', 'out.txt')] }).result;
    expect(second.stdout).toBe('saved\n');
  });

  it('feeds the job stdin to the first step', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    const result = await engine.run({ steps: [cmd('cat')], stdin: 'piped in' }).result;
    expect(result.stdout).toBe('piped in');
  });
});

describe('work area', () => {
  it('shows mounted files to programs and lists them with outputs', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    await engine.mount([{ name: 'a.sam', data: text('@HD\n') }]);
    await engine.run({ steps: [cmd('touch', 'a.sam.bai', 'idx')] }).result;
    expect(await engine.listFiles()).toEqual(['a.sam', 'a.sam.bai']);
    expect(await (await engine.readFile('a.sam.bai')).text()).toBe('idx');
    expect((await engine.run({ steps: [cmd('cat', 'a.sam')] }).result).stdout).toBe('@HD\n');
  });

  it('forgets unmounted and removed files', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    await engine.mount([
      { name: 'a', data: text('1') },
      { name: 'b', data: text('2') },
    ]);
    await engine.unmount(['a']);
    await engine.removeFile('b');
    expect(await engine.listFiles()).toEqual([]);
    await expect(engine.readFile('a')).rejects.toBeInstanceOf(MissingFileError);
  });

  it('does not keep files written by a failing step', async () => {
    const engine = createFakeEngine({ programs: { half: (call) => (call.writeFile('partial.bam', 'x'), 1) } });
    const result = await engine.run({ steps: [cmd('half')] }).result;
    expect(result.outputs).toEqual([]);
    expect(await engine.listFiles()).toEqual([]);
  });
});

describe('queue and cancel', () => {
  it('runs at most poolSize jobs at once and lets a short job pass a long one', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, poolSize: 2 });
    const order: string[] = [];
    const long = engine.run({ steps: [cmd('sleep', '200')] });
    const short = engine.run({ steps: [cmd('echo', 'short')] });
    const queued = engine.run({ steps: [cmd('echo', 'third')] });
    void long.result.then(() => order.push('long'));
    void short.result.then(() => order.push('short'));
    void queued.result.then(() => order.push('third'));
    await Promise.all([long.result, short.result, queued.result]);
    expect(order).toEqual(['short', 'third', 'long']);
  });

  it('keeps FIFO order for jobs waiting for a slot', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, poolSize: 1 });
    const handles = ['1', '2', '3'].map((n) => engine.run({ steps: [cmd('echo', n)] }));
    await Promise.all(handles.map((handle) => handle.result));
    expect(engine.calls.map((call) => call.argv[0])).toEqual(['1', '2', '3']);
  });

  it('ends a running job as cancelled at once and runs the next job on a fresh slot', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, poolSize: 1 });
    const job = engine.run({ steps: [cmd('sleep', '60000')] });
    const next = engine.run({ steps: [cmd('echo', 'after')] });
    await vi.waitFor(() => expect(engine.calls.map((call) => call.program)).toEqual(['sleep']));
    job.cancel();
    // The fake `sleep` lasts a minute, longer than the test may run: a result means the cancel ended it.
    const result = await job.result;
    expect(result.status).toBe('cancelled');
    expect(result.error).toBeInstanceOf(JobCancelledError);
    expect((await next.result).stdout).toBe('after\n');
  });

  it('cancels a queued job without running it', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, poolSize: 1 });
    const first = engine.run({ steps: [cmd('sleep', '50')] });
    const second = engine.run({ steps: [cmd('echo', 'never')] });
    second.cancel();
    expect((await second.result).status).toBe('cancelled');
    await first.result;
    expect(engine.calls.map((call) => call.program)).toEqual(['sleep']);
  });

  it('cancels running and queued jobs on dispose and refuses new ones', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, poolSize: 1 });
    const running = engine.run({ steps: [cmd('sleep', '60000')] });
    const waiting = engine.run({ steps: [cmd('echo', 'x')] });
    await engine.dispose();
    expect((await running.result).status).toBe('cancelled');
    expect((await waiting.result).status).toBe('cancelled');
    expect((await engine.run({ steps: [cmd('echo', 'x')] }).result).status).toBe('failed');
  });
});

describe('a job that deletes a work-area file', () => {
  it('reports it, forgets it, and drops it from its outputs when a later step wrote then deleted it', async () => {
    const engine = createFakeEngine({
      programs: {
        ...FAKE_PROGRAMS,
        rm: (call) => (call.removeFile(call.argv[0]!), 0),
      },
    });
    await engine.mount([{ name: 'a.txt', data: new Blob(['a']) }]);
    const result = await engine.run({ steps: [cmd('rm', 'a.txt')] }).result;
    expect(result).toMatchObject({ status: 'succeeded', removed: ['a.txt'], outputs: [] });
    expect(await engine.listFiles()).toEqual([]);
    const failed = await engine.run({ steps: [cmd('cat', 'a.txt')] }).result;
    expect(failed.status).toBe('failed');
  });
});
