// The narrow service the console works through: a job becomes a recorded run, and the built-ins see the
// session's work area, where removing a file goes through the session (so `rm`, the file list and a reload agree).
import type { WorkArea } from '../core/console/builtins';
import type { ProgramInfo, JobSpec } from '../core/tools/job';
import type { FilesState } from './files.svelte';
import type { RunEntry, RunsState } from './runs.svelte';

export class RunService implements WorkArea {
  constructor(
    private readonly runs: Pick<RunsState, 'runJob' | 'programs'>,
    private readonly files: Pick<FilesState, 'listWorkFiles' | 'readWorkFile' | 'removeWorkFile'>,
  ) {}

  run(spec: JobSpec, onOutput: (kind: 'stdout' | 'stderr', text: string) => void): Promise<RunEntry> {
    return this.runs.runJob(spec, onOutput);
  }

  programs(): readonly ProgramInfo[] {
    return this.runs.programs();
  }

  listFiles(): Promise<string[]> {
    return this.files.listWorkFiles();
  }

  readFile(name: string): Promise<Blob> {
    return this.files.readWorkFile(name);
  }

  removeFile(name: string): Promise<void> {
    return this.files.removeWorkFile(name);
  }
}
