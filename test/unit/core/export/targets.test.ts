import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { workflowFiles } from '../../../../src/core/export/bundle';
import { buildModel, type ExportFile } from '../../../../src/core/export/model';
import { render } from '../../../../src/core/export/names';
import { runSh } from '../../../../src/core/export/run-sh';
import { shellLine, stepImage } from '../../../../src/core/export/shell-line';
import type { Run } from '../../../../src/core/session';
import { quoteArg } from '../../../../src/core/tools/job';

const ODD = `my "odd" ö's $file`;
const FILES: ExportFile[] = [
  { name: `${ODD}_R1.fastq.gz`, size: 10, fingerprint: 'a', format: 'fastq', available: true },
  { name: 'λ ref.fa', size: 10, fingerprint: 'b', format: 'fasta', available: true },
];
const prov = (program: string, tool: string, version: string) => ({ program, tool, version, wasmSha256: 'x' });
const run = (
  id: string,
  steps: Run['steps'],
  programs: Run['programs'],
  outputs: string[],
  stdoutFile?: string,
): Run => ({
  id,
  sessionId: 's',
  label: id,
  steps,
  ...(stdoutFile ? { stdoutFile } : {}),
  programs,
  inputs: FILES.filter((f) => steps.some((s) => s.argv.includes(f.name))).map((f) => ({
    name: f.name,
    size: 10,
    fingerprint: f.fingerprint,
  })),
  status: 'succeeded',
  stdout: stdoutFile ? '' : 'x\n',
  stderr: '',
  outputs: outputs.map((name) => ({ name, size: 1, blobId: name })),
});
const RUNS = [
  run(
    'align',
    [
      { program: 'minimap2', argv: ['-a', '-x', 'sr', 'λ ref.fa', `${ODD}_R1.fastq.gz`] },
      { program: 'samtools', argv: ['sort', '-o', `${ODD}.bam`, '-'] },
    ],
    [prov('minimap2', 'minimap2', '2.24'), prov('samtools', 'samtools', '1.16.1')],
    [`${ODD}.bam`],
  ),
  run(
    'positions',
    [{ program: 'bedtools', argv: ['sort', '-i', '/dev/stdin'] }],
    [prov('bedtools', 'bedtools', '2.30.0')],
    ['hot spots.bed'],
    'hot spots.bed',
  ),
  run(
    'query',
    [{ program: 'samtools', argv: ['view', '-c', '-L', 'hot spots.bed', `${ODD}.bam`] }],
    [prov('samtools', 'samtools', '1.16.1')],
    [],
  ),
  run(
    'bgzip',
    [{ program: 'bgzip', argv: ['-c', 'hot spots.bed'] }],
    [prov('bgzip', 'htslib', '1.16')],
    ['h.bed.gz'],
    'h.bed.gz',
  ),
];
const model = buildModel({ title: 'odd', runs: RUNS, files: FILES, stdin: { positions: 'chr1\t1\t2\n' } });

/** Words of a bash line with the sample set, as bash splits them. */
function bashWords(line: string, sample: string): string[] {
  const script = `set -f; SAMPLE=${quoteArg(sample)}; words() { for w in "$@"; do printf '%s\\0' "$w"; done; }; words ${line.replace(/[|<>]/g, ' ')}`;
  const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.split('\0').slice(0, -1);
}

/** main.nf's script line for a sample: the Groovy q(...) expressions evaluated, GString escapes undone. */
function nextflowLine(script: string, sample: string): string {
  const groovyString = (lit: string) => lit.slice(1, -1).replace(/\\(.)/g, '$1');
  const evaluated = script.replace(/\$\{q\(((?:'(?:[^'\\]|\\.)*'|meta\.id|\s*\+\s*)+)\)\}/g, (_m, expr: string) => {
    const parts = expr.match(/'(?:[^'\\]|\\.)*'|meta\.id/g)!;
    return quoteArg(parts.map((p) => (p === 'meta.id' ? sample : groovyString(p))).join(''));
  });
  return evaluated.replace(/\\([\\$"])/g, '$1');
}

describe('every target is written from the same step model', () => {
  const files = workflowFiles(model, [], 'now');
  const snake = files['Snakefile'] as string;
  const nf = files['main.nf'] as string;

  it.each(model.steps.map((s) => [s.id, s] as const))(
    '%s: same command and container in the Snakefile, main.nf and run.sh',
    (id, step) => {
      const lokus = shellLine(step, (t) => quoteArg(render(t, model.sample)));
      expect(snake).toContain(`# Lokus ran: ${shellLine(step, (t) => render(t, model.sample))}`);
      expect(nf).toContain(`// Lokus ran: ${shellLine(step, (t) => render(t, model.sample))}`);
      const process = nf.slice(nf.indexOf(`process ${id.toUpperCase()} {`));
      const script = process
        .slice(process.indexOf('"""') + 3, process.indexOf('"""', process.indexOf('"""') + 3))
        .trim();
      expect(nextflowLine(script, model.sample)).toBe(lokus);
      const rule = snake.slice(snake.indexOf(`rule ${id}:`));
      const image = stepImage(step);
      if (image) {
        expect(rule.slice(0, rule.indexOf('shell:'))).toContain(
          `config["containers"][${JSON.stringify(image.docker)}]`,
        );
        expect(process.slice(0, process.indexOf('input:'))).toContain(`'${image.docker}'`);
        expect(process.slice(0, process.indexOf('input:'))).toContain(`'${image.singularity}'`);
      } else {
        expect(rule.slice(0, rule.indexOf('shell:'))).toContain(
          'No single pinned image carries minimap2 2.24 and samtools 1.16.1',
        );
        expect(process.slice(0, process.indexOf('input:'))).not.toContain('container "');
      }
    },
  );

  it('bgzip and tabix run in the samtools image, which carries htslib 1.16', () => {
    expect(stepImage(model.steps[3]!)?.docker).toBe('quay.io/biocontainers/samtools:1.16.1--h6899075_1');
    expect(files['README.md']).toContain('htslib 1.16, which the samtools 1.16.1 image carries');
  });

  it('run.sh gives bash the exact argv for the first sample and the templated one for another', () => {
    const lines = runSh(model).split('\n');
    for (const step of model.steps) {
      const line = lines[lines.findIndex((l) => l.startsWith(`# ${step.id}:`)) + 1]!;
      const expected = (sample: string) => [
        ...step.commands.flatMap((c) => [c.program, ...c.argv.map((w) => render(w, sample))]),
        ...(step.stdin ? [`${step.id}.stdin`] : []),
        render(step.stdoutFile, sample),
      ];
      expect(bashWords(line, model.sample)).toEqual(expected(model.sample));
      expect(bashWords(line, `s2 "x" ü`)).toEqual(expected(`s2 "x" ü`));
    }
  });

  it('bundles what Lokus fed a step on standard input', () => {
    expect(new TextDecoder().decode(files['assets/s02_bedtools_sort.stdin'] as Uint8Array)).toBe('chr1\t1\t2\n');
    expect(snake).toContain('rule stage_s02_bedtools_sort_stdin:');
  });
});
