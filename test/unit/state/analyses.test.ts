// The analyses state on a real AppState (fake engine with scripted native outputs, store on fake-indexeddb):
// steps recorded as runs, results rebuilt after a reload from stored outputs, thresholds kept in settings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { makeStore, type TestStore } from '../storage/support';
import { scriptedEngine } from '../core/analyses/scripted-tools';

const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)))], name);

let t: TestStore;
afterEach(() => t.store.close());

async function openWorkbench(sessionId?: string) {
  const workbench = composeState(scriptedEngine(), t.store);
  const session = sessionId ? (await t.store.getSession(sessionId))! : await t.store.createSession('QC');
  await workbench.loader.load(session);
  return workbench;
}

describe('AnalysesState', () => {
  it('runs Alignment QC as tagged runs in the history and judges the result', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.bam'), fixture('ex1.bam.bai')]);
    const analyses = workbench.analyses;
    analyses.select('alignment-qc');
    expect(analyses.inputs).toEqual({ alignments: 'ex1.bam' });
    expect(analyses.problems).toEqual([]);
    await analyses.run();
    const [instance] = analyses.instances;
    expect(instance).toMatchObject({ status: 'succeeded' });
    expect(instance!.runs).toHaveLength(7);
    expect(workbench.runs.runs.every((run) => run.analysisId === instance!.id)).toBe(true);
    expect(analyses.runs.metricsOf(instance!).find((m) => m.key === 'reads')).toMatchObject({ value: 3307 });
  });

  it('rebuilds the result after a reload from the stored runs and outputs', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([fixture('ex1.bam'), fixture('ex1.bam.bai')]);
    const before = first.analyses;
    before.select('alignment-qc');
    await before.run();
    const expected = before.runs.metricsOf(before.instances[0]!);

    const again = await openWorkbench(first.current.session!.id);
    const after = again.analyses;
    expect(after.instances).toHaveLength(1);
    await after.show(after.instances[0]!.id);
    expect(after.runs.results[after.instances[0]!.id]).toMatchObject({ state: 'ready' });
    expect(after.runs.metricsOf(after.instances[0]!)).toEqual(expected);
  });

  it('re-runs with a changed parameter as a second analysis run', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.bam'), fixture('ex1.bam.bai')]);
    const analyses = workbench.analyses;
    analyses.select('alignment-qc');
    await analyses.run();
    analyses.edit(analyses.instances[0]!);
    analyses.setParam('maxInsert', 500);
    await analyses.run();
    expect(analyses.instances).toHaveLength(2);
    expect(analyses.instances[0]!.commands[2]).toBe('samtools stats -i 500 -c 1,1000,1 ex1.bam > ex1.bam.stats.txt');
  });

  it('keeps changed thresholds in the settings', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.bam'), fixture('ex1.bam.bai')]);
    const analyses = workbench.analyses;
    analyses.select('alignment-qc');
    await analyses.run();
    await analyses.runs.setThreshold(analyses.definition, 'meanCoverage', 60, 40);
    expect(analyses.runs.metricsOf(analyses.instances[0]!).find((m) => m.key === 'meanCoverage')!.verdict).toBe('fail');
    expect((await t.store.getSettings()).analysisThresholds).toEqual({
      'alignment-qc': { meanCoverage: { pass: 60, warn: 40 } },
    });
  });

  it('asks for an index before running', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.bam')]);
    const analyses = workbench.analyses;
    analyses.select('alignment-qc');
    expect(analyses.problems).toEqual(['ex1.bam needs an index: use "Create index" next to it in Files.']);
  });
});
