// Runs an analysis' steps with the wasm builds in Node in one work directory, and records each as the workbench
// records a run (argv, programs, session inputs by name, stdout or its `>` file, the files it wrote): what the
// browser would have in its history, so the workflow export can be tested against real tool outputs.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisStep } from '../../../src/core/analyses/analysis';
import type { ExportFile } from '../../../src/core/export/model';
import { fingerprintBlob } from '../../../src/core/files/fingerprint';
import type { Run } from '../../../src/core/session';
import { repoRoot } from '../conformance-harness.mjs';

interface WasmRun {
  exitStatus: number;
  stdout: Buffer;
  stderr: Buffer;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string; stdin?: Uint8Array }) => Promise<WasmRun>;
interface ProgramEntry {
  program: string;
  tool: string;
  version: string;
  wasmSha256: string;
}

const wasmNode = async () =>
  (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as {
    runProgram: RunProgram;
    listPrograms: () => ProgramEntry[];
  };

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, `${statSync(join(dir, name)).size}:${statSync(join(dir, name)).mtimeMs}`]));
}

/** Session files as the exporter sees them: fingerprints as Lokus computes them, indexes paired by name. */
export async function sessionFiles(dir: string, names: readonly string[], formats: Record<string, string>): Promise<ExportFile[]> {
  return Promise.all(
    names.map(async (name) => {
      const bytes = readFileSync(join(dir, name));
      const index = names.find((n) => n.startsWith(`${name}.`) && /\.(bai|csi|tbi|crai|fai)$/.test(n));
      return {
        name,
        size: bytes.length,
        fingerprint: await fingerprintBlob(new Blob([bytes])),
        format: formats[name] ?? 'unknown',
        available: true,
        ...(index ? { indexName: index } : {}),
      };
    }),
  );
}

/** Runs the steps in order (a pipe passes stdout on as the next stdin) and returns the recorded runs. */
export async function recordRuns(dir: string, steps: readonly AnalysisStep[], files: readonly ExportFile[]): Promise<Run[]> {
  const { runProgram, listPrograms } = await wasmNode();
  const programs = listPrograms();
  const runs: Run[] = [];
  for (const [i, step] of steps.entries()) {
    const before = snapshot(dir);
    let stdin: Uint8Array | undefined = step.job.stdin === undefined ? undefined : typeof step.job.stdin === 'string' ? new TextEncoder().encode(step.job.stdin) : step.job.stdin;
    let last: WasmRun | undefined;
    for (const command of step.job.steps) {
      last = await runProgram(command.program, command.argv, { cwd: dir, ...(stdin ? { stdin } : {}) });
      if (last.exitStatus !== 0) throw new Error(`${command.program} ${command.argv.join(' ')}: ${last.stderr.toString()}`);
      stdin = last.stdout;
    }
    if (step.job.stdoutFile) writeFileSync(join(dir, step.job.stdoutFile), last!.stdout);
    const after = snapshot(dir);
    const words = new Set(step.job.steps.flatMap((c) => c.argv));
    runs.push({
      id: `run-${i}`,
      sessionId: 'session',
      label: step.job.label ?? step.key,
      steps: step.job.steps.map((c) => ({ program: c.program, argv: [...c.argv] })),
      ...(step.job.stdoutFile ? { stdoutFile: step.job.stdoutFile } : {}),
      programs: step.job.steps.map((c) => {
        const p = programs.find((e) => e.program === c.program)!;
        return { program: p.program, tool: p.tool, version: p.version, wasmSha256: p.wasmSha256 };
      }),
      inputs: files.filter((f) => words.has(f.name)).map((f) => ({ name: f.name, size: f.size, fingerprint: f.fingerprint })),
      status: 'succeeded',
      exitStatus: 0,
      startedAt: i,
      endedAt: i,
      stdout: step.job.stdoutFile ? '' : last!.stdout.toString('utf8'),
      stderr: '',
      outputs: [...after.keys()]
        .filter((name) => before.get(name) !== after.get(name))
        .map((name) => ({ name, size: statSync(join(dir, name)).size, blobId: name })),
    });
  }
  return runs;
}
