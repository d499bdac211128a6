// README.md of the zip: what was exported, how to run it (Snakemake, Nextflow, run.sh), the pinned images, how to
// check the result against the browser's, and what the workflow cannot reproduce.
import type { ExportModel } from './model';
import { render } from './names';
import { shellLine, stepImage } from './shell-line';

export function readme(model: ExportModel, exportedAt: string): string {
  const sampleCols = model.columns.filter((c) => c.role === 'sample');
  const shared = model.columns.filter((c) => c.role === 'shared');
  const pins = [...new Map(model.steps.flatMap((s) => s.commands.map((c) => [c.pin.tool, c.pin] as const))).values()];
  const mixed = model.steps.filter((s) => !stepImage(s));
  return `# ${model.title}: workflow exported by Lokus

Exported ${exportedAt}. Every step below is a command Lokus ran in the browser (WebAssembly builds of the same
tool versions), recorded with its program, version and argv. The workflow runs the same commands, with the same
versions, on as many samples as you list.

## Inputs

Put the files in \`data/\` (or change the paths): ${model.columns.map((c) => `\`${c.name}\`${c.index ? ` with \`${c.index.name}\`` : ''}`).join(', ')}.
MANIFEST.tsv gives each file's size and Lokus fingerprint (sha256 of its first and last 64 KiB and its size).

- Per sample (one row each in \`samples.tsv\` / \`samplesheet.csv\`; the session's sample \`${model.sample}\` is the first row):
  ${sampleCols.map((c) => `\`${c.key}\`${c.index ? ` and \`${c.key}_index\`` : ''}`).join(', ') || 'none'}.
- Shared by every sample (\`config.yaml\`, Nextflow \`--<name>\`): ${shared.map((c) => `\`${c.key}\` (${c.name})`).join(', ') || 'none'}.

Each sample runs in \`results/<sample>/\`, where its inputs are linked under the names Lokus used: a name that
starts with the session's sample id \`${model.sample}\` takes the sample's id instead, any other keeps its name. So
for the first row the commands are exactly what Lokus ran.

## Run

- Snakemake (7 or later): \`snakemake --cores 2\` with the tools on PATH; \`snakemake --profile profiles/local\`
  (containers), \`snakemake --profile profiles/slurm\` (SLURM via sbatch), or \`--use-conda\` (envs/).
- Nextflow (DSL2): \`nextflow run main.nf -profile local,docker\` (or \`singularity\`, \`conda\`; \`slurm\` instead of
  \`local\`), \`--input samplesheet.csv --outdir results\`.
- One sample, plain bash: \`./run.sh\` (tools on PATH; it warns when a version differs).
- Then \`python3 verify.py\`: checks the inputs against the fingerprints and every output of the first sample
  against the sha256 of the browser's output: identical bytes, or identical after dropping exactly the lines that
  record a program's version, command line or date (\`@PG\`, \`##bcftools_*Version/Command\`, the stats headers).

## Tools and containers

${pins.map((p) => `- ${p.tool} ${p.version}: \`${p.docker}\`, Singularity \`${p.singularity}\`, conda \`${p.conda}\`${p.note ? ` (${p.note})` : ''}`).join('\n')}
${mixed.length > 0 ? `\nPipes mixing tools (${mixed.map((s) => s.id).join(', ')}) are kept as pipes; no single pinned image carries both versions, so\nthey run with conda (\`--use-conda\`, \`-profile conda\`) or with the tools on PATH.\n` : ''}
## Steps

${model.steps.map((s) => `- \`${s.id}\` (${s.label}): \`${shellLine(s, (t) => render(t, model.sample))}\`${s.stdin ? ' (standard input: the bundled `assets/' + s.id + '.stdin`, which Lokus fed it)' : ''}`).join('\n')}

## What this workflow does not reproduce

${
  model.browserOnly.length === 0 && model.leftOut.length === 0
    ? 'Nothing: every step Lokus ran is a tool command above.'
    : [...model.browserOnly.map((b) => `- ${b}`), ...model.leftOut.map((l) => `- Left out: ${l}`)].join('\n')
}
`;
}
