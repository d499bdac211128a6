// The workflow export state on a real AppState (scripted tools reporting the pinned versions, store on
// fake-indexeddb): the plan for an analysis, a run and the session, refusals, and the zip with its manifest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { makeStore, type TestStore } from '../storage/support';
import { scriptedEngine } from '../core/analyses/scripted-tools';

const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)))], name);
const VERSIONS: Record<string, string> = { samtools: '1.16.1', bcftools: '1.16' };

let t: TestStore;
afterEach(() => t.store.close());

/** The scripted tools, reporting the versions the export pins (the fake engine says "fake"). */
function pinnedEngine() {
  const engine = scriptedEngine();
  const programs = engine.programs();
  return Object.assign(engine, {
    programs: () => programs.map((p) => ({ ...p, version: VERSIONS[p.tool] ?? p.version })),
  });
}

async function qcWorkbench() {
  t = makeStore();
  const workbench = composeState(pinnedEngine(), t.store);
  await workbench.loader.load(await t.store.createSession('QC session'));
  await workbench.files.openFiles([fixture('ex1.bam'), fixture('ex1.bam.bai')]);
  workbench.analyses.select('alignment-qc');
  await workbench.analyses.run();
  return workbench;
}

describe('WorkflowExportState', () => {
  it('plans an analysis run: its steps, the BAM as a samplesheet column, the browser-only rules', async () => {
    const { workflowExport, analyses } = await qcWorkbench();
    workflowExport.openForAnalysis(analyses.instances[0]!.id);
    const plan = workflowExport.plan!;
    expect(plan).toMatchObject({ scope: 'analysis', title: 'Alignment QC: ex1.bam', ok: true });
    if (!plan.ok) return;
    expect(plan.model.steps).toHaveLength(analyses.instances[0]!.runs.length);
    expect(plan.model.columns.map((c) => [c.key, c.role, c.index?.name])).toEqual([
      ['alignments', 'sample', 'ex1.bam.bai'],
    ]);
    expect(plan.model.browserOnly[0]).toMatch(/^Alignment QC \(ex1.bam\): the result Lokus shows/);
  });

  it('writes a zip whose manifest holds the sha256 of every output the session kept', async () => {
    const { workflowExport, analyses, runs } = await qcWorkbench();
    workflowExport.openForAnalysis(analyses.instances[0]!.id);
    const zip = await workflowExport.build();
    expect(workflowExport.plan).toBeDefined();
    expect(workflowExport.error).toBeUndefined();
    expect(zip!.fileName).toBe('lokus-workflow-alignment-qc-ex1-bam.zip');
    const entries = unzipSync(new Uint8Array(await zip!.blob.arrayBuffer()));
    const folder = 'lokus-workflow-alignment-qc-ex1-bam/';
    for (const name of ['Snakefile', 'config.yaml', 'samples.tsv', 'main.nf', 'nextflow.config', 'run.sh', 'verify.py'])
      expect(entries[folder + name], name).toBeDefined();
    const manifest = strFromU8(entries[`${folder}MANIFEST.tsv`]!);
    const outputs = manifest.split('\n').filter((l) => l.startsWith('output\t'));
    expect(outputs.length).toBe(analyses.instances[0]!.runs.length);
    const model = workflowExport.plan?.ok ? workflowExport.plan.model : undefined;
    for (const line of outputs) {
      const [, , stepId, name, , , , sha256] = line.split('\t');
      const run = runs.runs.find((r) => r.id === model!.steps.find((step) => step.id === stepId)!.runId)!;
      const kept = run.outputs.some((o) => o.name === name)
        ? new Uint8Array(await (await runs.outputOf(run, name!)).arrayBuffer())
        : new TextEncoder().encode(run.stdout);
      expect(sha256, name).toBe(createHash('sha256').update(kept).digest('hex'));
    }
    expect(manifest).toMatch(/^input\tex1\t\tex1.bam\tdata\/ex1.bam\t/m);
  });

  it('plans one run of the history, and the whole session', async () => {
    const { workflowExport, runs } = await qcWorkbench();
    const last = runs.runs[0]!;
    workflowExport.openForRun(last.id);
    expect(workflowExport.plan).toMatchObject({ scope: 'run', ok: true, title: last.label });
    workflowExport.openForSession();
    expect(workflowExport.plan).toMatchObject({ scope: 'session', ok: true, title: 'QC session' });
    if (workflowExport.plan?.ok) expect(workflowExport.plan.model.steps).toHaveLength(runs.runs.length);
  });

  it.each([['a failed run', 'samtools flagstat missing.bam', /failed: only runs that succeeded can be exported/]])(
    'refuses %s with what to do',
    async (_what, command, message) => {
      const workbench = await qcWorkbench();
      await workbench.console.submit(command);
      const run = workbench.runs.runs[0]!;
      workbench.workflowExport.openForRun(run.id);
      expect(workbench.workflowExport.plan).toMatchObject({ ok: false });
      expect(workbench.workflowExport.plan?.ok === false && workbench.workflowExport.plan.refusal).toMatch(message);
    },
  );

  it('refuses an analysis whose input is no longer in the session', async () => {
    const workbench = await qcWorkbench();
    await workbench.files.removeFile(workbench.files.files.find((f) => f.name === 'ex1.bam')!.id);
    workbench.workflowExport.openForAnalysis(workbench.analyses.instances[0]!.id);
    const plan = workbench.workflowExport.plan!;
    expect(plan.ok === false && plan.refusal).toMatch(/ex1.bam, which ".*" read, is no longer in this session/);
  });
});
