// The files of a workflow export, by path in the zip: Snakemake, Nextflow, run.sh, MANIFEST.tsv, verify.py, README.
import type { ExportModel } from './model';
import { manifestTsv, samplesheetCsv, samplesTsv, type OutputHash } from './manifest';
import { mainNf, nextflowConfig } from './nextflow';
import { readme } from './readme';
import { runSh } from './run-sh';
import { condaEnv, snakefile, snakemakeConfig, SNAKEMAKE_PROFILES } from './snakemake';
import { VERIFY_PY } from './verify-py';

export function workflowFiles(
  model: ExportModel,
  outputs: readonly OutputHash[],
  exportedAt: string,
): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    'README.md': readme(model, exportedAt),
    'MANIFEST.tsv': manifestTsv(model, outputs),
    'verify.py': VERIFY_PY,
    Snakefile: snakefile(model),
    'config.yaml': snakemakeConfig(model),
    'samples.tsv': samplesTsv(model),
    ...SNAKEMAKE_PROFILES,
    'main.nf': mainNf(model),
    'nextflow.config': nextflowConfig(),
    'samplesheet.csv': samplesheetCsv(model),
    'run.sh': runSh(model),
    'data/README.txt': `Put the input files here: ${[
      ...model.columns.flatMap((c) => [c.name, ...(c.index ? [c.index.name] : [])]),
      ...(model.samples ?? []).flatMap((s) => s.files.map((f) => f.name)),
    ].join(', ')}.\n`,
  };
  for (const step of model.steps) {
    files[`envs/${step.id}.yaml`] = condaEnv(step);
    if (step.stdin) files[`assets/${step.id}.stdin`] = step.stdin;
  }
  return files;
}
