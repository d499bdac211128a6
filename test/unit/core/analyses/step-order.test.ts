import { describe, expect, it } from 'vitest';
import type { AnalysisDefinition, AnalysisStep } from '../../../../src/core/analyses/analysis';
import { runAnalysis, type AnalysisStepResult } from '../../../../src/core/analyses/run-analysis';

const step = (key: string, after?: string[]): AnalysisStep => ({
  key,
  job: { steps: [{ program: 'samtools', argv: [key] }] },
  ...(after ? { after } : {}),
});

function chain(steps: AnalysisStep[]): AnalysisDefinition<Record<string, string>> {
  return {
    id: 'chain',
    title: 'Chain',
    summary: '',
    inputs: [],
    parameters: [],
    thresholds: [],
    steps: () => steps,
    parse: (texts) => ({ ...texts }),
    metrics: () => [],
    charts: [],
    tables: () => ({}),
  };
}

/** Records when each step starts and ends; a step ends after a tick so that waiting is observable. */
function recordingRunner(failing: readonly string[] = []) {
  const events: string[] = [];
  return {
    events,
    run: async (s: AnalysisStep): Promise<AnalysisStepResult> => {
      events.push(`start ${s.key}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${s.key}`);
      return failing.includes(s.key)
        ? { succeeded: false, message: `${s.key} broke` }
        : { succeeded: true, text: s.key };
    },
  };
}

describe('analysis steps with after', () => {
  it('starts independent steps together and a dependent step only after its inputs succeeded', async () => {
    const runner = recordingRunner();
    const outcome = await runAnalysis(
      chain([step('align'), step('stats'), step('sort', ['align']), step('index', ['sort'])]),
      {},
      {},
      runner,
    );
    expect(outcome).toEqual({ ok: true, result: { align: 'align', stats: 'stats', sort: 'sort', index: 'index' } });
    expect(runner.events.slice(0, 2)).toEqual(['start align', 'start stats']);
    expect(runner.events.indexOf('start sort')).toBeGreaterThan(runner.events.indexOf('end align'));
    expect(runner.events.indexOf('start index')).toBeGreaterThan(runner.events.indexOf('end sort'));
  });

  it('skips the steps after a failed one and reports the step that failed', async () => {
    const runner = recordingRunner(['align']);
    const outcome = await runAnalysis(
      chain([step('align'), step('sort', ['align']), step('index', ['sort'])]),
      {},
      {},
      runner,
    );
    expect(outcome).toEqual({ ok: false, step: 'samtools align', message: 'align broke' });
    expect(runner.events).toEqual(['start align', 'end align']);
  });

  it('refuses a step that waits for a later or unknown step', async () => {
    await expect(
      runAnalysis(chain([step('sort', ['align']), step('align')]), {}, {}, recordingRunner()),
    ).rejects.toThrow(/waits for align, which is not an earlier step/);
  });
});
