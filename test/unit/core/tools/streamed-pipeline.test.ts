// Pipelines on a slot that runs their steps at once (execPipeline): every step is recorded, the first failing
// step is the job's failure, `>` and outputs work as step by step, and a step's runtime failure names its step.
import { describe, expect, it } from 'vitest';
import { EngineError, ToolFailedError } from '../../../../src/core/tools/errors';
import { runJob } from '../../../../src/core/tools/job-runner';
import { PipelineStepFailure, type StepOutcome, type ToolSlot } from '../../../../src/core/tools/step';
import { createFakeEngine, FAKE_PROGRAMS, fakeProgramInfo } from '../../../fakes/fake-engine';

const cmd = (program: string, ...argv: string[]) => ({ program, argv });

describe('streamed pipelines', () => {
  it('feeds each step the previous stdout and shows the last one', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, streamed: true });
    const result = await engine.run({ steps: [cmd('echo', 'a'), cmd('cat'), cmd('wc')] }).result;
    expect(result).toMatchObject({ status: 'succeeded', exitStatus: 0, stdout: '1\n' });
    expect(result.steps.map((step) => step.exitStatus)).toEqual([0, 0, 0]);
  });

  it('records every step and fails with the first one that failed', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, streamed: true });
    const result = await engine.run({
      steps: [cmd('echo', 'a'), cmd('exit', '2', 'middle broke'), cmd('exit', '1', 'no input')],
    }).result;
    expect(result).toMatchObject({ status: 'failed', failedStep: 1, exitStatus: 2, stdout: '' });
    expect(result.steps.map((step) => step.exitStatus)).toEqual([0, 2, 1]);
    expect(result.stderr).toBe('middle broke\nno input\n');
    expect(result.error).toBeInstanceOf(ToolFailedError);
    expect(engine.calls.map((call) => call.program)).toEqual(['echo', 'exit', 'exit']);
  });

  it('writes the last stdout to the `>` file for later jobs', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, streamed: true });
    const saved = await engine.run({ steps: [cmd('echo', 'x'), cmd('cat')], stdoutFile: 'x.txt' }).result;
    expect(saved).toMatchObject({ status: 'succeeded', stdout: '' });
    expect(saved.outputs.map((output) => output.path)).toEqual(['x.txt']);
    expect(await (await engine.readFile('x.txt')).text()).toBe('x\n');
  });

  it('names the step whose runtime failed and retires the slot', async () => {
    let broken = false;
    const slot: ToolSlot = {
      exec: () => Promise.reject(new Error('not used')),
      execPipeline: () =>
        Promise.reject(
          new PipelineStepFailure(
            1,
            new EngineError('The tool worker failed: out of memory', { advice: 'Reload the page.' }),
          ),
        ),
      terminate: () => undefined,
    };
    const result = await runJob(
      { steps: [cmd('echo', 'a'), cmd('cat')] },
      {
        slot,
        programs: new Map([
          ['echo', fakeProgramInfo('echo')],
          ['cat', fakeProgramInfo('cat')],
        ]),
        files: () => [],
        keep: () => undefined,
        onEvent: () => undefined,
        signal: new AbortController().signal,
        onSlotBroken: () => (broken = true),
      },
    );
    expect(result).toMatchObject({ status: 'failed', failedStep: 1, exitStatus: -1 });
    expect(result.error?.message).toContain('The tool worker failed');
    expect(broken).toBe(true);
  });

  it('ends as cancelled when aborted while the steps run', async () => {
    const controller = new AbortController();
    const slot: ToolSlot = {
      exec: () => Promise.reject(new Error('not used')),
      execPipeline: () => new Promise<StepOutcome[]>(() => controller.abort()),
      terminate: () => undefined,
    };
    const result = await runJob(
      { steps: [cmd('echo', 'a'), cmd('cat')] },
      {
        slot,
        programs: new Map(),
        files: () => [],
        keep: () => undefined,
        onEvent: () => undefined,
        signal: controller.signal,
      },
    );
    expect(result).toMatchObject({ status: 'cancelled', exitStatus: 130 });
  });
});
