// Reads what a finished run produced as text: its stdout file from the session store (complete), else from
// the engine's work area, else its recorded stdout.
import type { Run } from '../core/session';
import type { Workbench } from './workbench.svelte';

export async function runText(workbench: Workbench, run: Run): Promise<string> {
  if (run.stdoutFile === undefined) return run.stdout;
  const output = run.outputs.find((o) => o.name === run.stdoutFile);
  const stored = output ? await workbench.store.readOutput(output.blobId) : undefined;
  return (stored ?? (await workbench.readOutput(run.stdoutFile))).text();
}

/** A file a run wrote, as a Blob. */
export async function runOutput(workbench: Workbench, run: Run, name: string): Promise<Blob> {
  const output = run.outputs.find((o) => o.name === name);
  const stored = output ? await workbench.store.readOutput(output.blobId) : undefined;
  return stored ?? workbench.readOutput(name);
}
