import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { ANALYSES } from '../../../../src/core/analyses/registry';
import { buildModel, ExportRefusal, type ExportFile, type ExportSource } from '../../../../src/core/export/model';
import { render } from '../../../../src/core/export/names';
import type { Run } from '../../../../src/core/session';
import type { JobSpec } from '../../../../src/core/tools/job';

const file = (name: string, format: string, extra: Partial<ExportFile> = {}): ExportFile => ({
  name,
  size: 100,
  fingerprint: `fp-${name}`,
  format,
  available: true,
  ...extra,
});

const TOOLS: Record<string, string> = {
  samtools: 'samtools',
  bcftools: 'bcftools',
  minimap2: 'minimap2',
  seqtk: 'seqtk',
  bedtools: 'bedtools',
  bgzip: 'htslib',
  tabix: 'htslib',
};
const VERSIONS: Record<string, string> = {
  samtools: '1.16.1',
  bcftools: '1.16',
  minimap2: '2.24',
  seqtk: '1.4',
  bedtools: '2.30.0',
  htslib: '1.16',
};

function runOf(
  job: JobSpec,
  files: readonly ExportFile[],
  i: number,
  outputs: string[] = [],
  status: Run['status'] = 'succeeded',
): Run {
  const words = new Set(job.steps.flatMap((s) => s.argv));
  return {
    id: `r${i}`,
    sessionId: 's',
    label: job.label ?? `run ${i}`,
    steps: job.steps.map((s) => ({ program: s.program, argv: [...s.argv] })),
    ...(job.stdoutFile ? { stdoutFile: job.stdoutFile } : {}),
    programs: job.steps.map((s) => ({
      program: s.program,
      tool: TOOLS[s.program]!,
      version: VERSIONS[TOOLS[s.program]!]!,
      wasmSha256: 'x',
    })),
    inputs: files
      .filter((f) => words.has(f.name))
      .map((f) => ({ name: f.name, size: f.size, fingerprint: f.fingerprint })),
    status,
    startedAt: i,
    stdout: job.stdoutFile ? '' : 'out\n',
    stderr: '',
    outputs: [...new Set([...(job.stdoutFile ? [job.stdoutFile] : []), ...outputs])].map((name) => ({
      name,
      size: 1,
      blobId: name,
    })),
  };
}

const BAM = [file('ex1.bam', 'bam', { indexName: 'ex1.bam.bai' }), file('ex1.bam.bai', 'bai')];
const flagstat = (files = BAM, status: Run['status'] = 'succeeded') =>
  runOf({ label: 'flagstat', steps: [{ program: 'samtools', argv: ['flagstat', 'ex1.bam'] }] }, files, 0, [], status);

describe('buildModel refuses what it cannot export, saying what to do', () => {
  it.each<[string, () => ExportSource, RegExp]>([
    ['no runs', () => ({ title: 't', runs: [], files: BAM }), /nothing to export/],
    [
      'a failed run',
      () => ({ title: 't', runs: [flagstat(BAM, 'failed')], files: BAM }),
      /"flagstat" failed: only runs that succeeded.*Run it again/,
    ],
    ['a cancelled run', () => ({ title: 't', runs: [flagstat(BAM, 'cancelled')], files: BAM }), /was cancelled/],
    [
      'an input removed from the session',
      () => ({ title: 't', runs: [flagstat()], files: [] }),
      /ex1.bam, which "flagstat" read, is no longer in this session: open/,
    ],
    [
      'an input replaced by another file',
      () => ({ title: 't', runs: [flagstat()], files: [file('ex1.bam', 'bam', { fingerprint: 'other' })] }),
      /not the same file any more/,
    ],
    [
      'an input not available now',
      () => ({ title: 't', runs: [flagstat()], files: [file('ex1.bam', 'bam', { available: false })] }),
      /not available.*pick it again/,
    ],
  ])('%s', (_what, source, message) => {
    expect(() => buildModel(source())).toThrow(ExportRefusal);
    expect(() => buildModel(source())).toThrow(message);
  });

  it('a program without a pinned container', () => {
    const run = {
      ...flagstat(),
      programs: [{ program: 'samtools', tool: 'samtools', version: '1.17', wasmSha256: 'x' }],
    };
    expect(() => buildModel({ title: 't', runs: [run], files: BAM })).toThrow(
      /ran samtools 1.17, but the export pins 1.16.1/,
    );
  });
});

describe('buildModel on every analysis', () => {
  const FILES = [
    ...BAM,
    file('ex1.calls.vcf.gz', 'vcf', { indexName: 'ex1.calls.vcf.gz.csi' }),
    file('ex1.calls.vcf.gz.csi', 'csi'),
    file('ex1.fa', 'fasta', { indexName: 'ex1.fa.fai' }),
    file('ex1.fa.fai', 'fai'),
    file('ex1_R1.fastq.gz', 'fastq'),
    file('ex1_R2.fastq.gz', 'fastq'),
    file('ex1.panel.bed', 'bed'),
    file('other.vcf.gz', 'vcf'),
  ];
  /** A session file of one of the formats (made up when the list has none, e.g. a pedigree). */
  const pick = (files: ExportFile[], slot: string, formats: readonly string[], skip: readonly string[]): string => {
    const found = files.find((f) => formats.includes(f.format) && !skip.includes(f.name));
    if (found) return found.name;
    files.push(file(`${slot}.${formats[0]}`, formats[0]!));
    return `${slot}.${formats[0]}`;
  };

  it.each(ANALYSES.map((def) => [def.id, def] as const))(
    '%s: the first sample renders to exactly the argv Lokus ran',
    (_id, def) => {
      const files = [...FILES];
      const inputs: Record<string, string> = {};
      for (const slot of def.inputs) inputs[slot.key] = pick(files, slot.key, slot.formats, Object.values(inputs));
      const params = resolveParameters(def);
      const steps = def.steps(inputs, params);
      const runs = steps.map((step, i) => {
        const written = step.job.steps.flatMap((c) => c.argv.filter((w, j) => c.argv[j - 1] === '-o'));
        return runOf(step.job, files, i, written);
      });
      const stdin = Object.fromEntries(
        steps.flatMap((s, i) => (s.job.stdin === undefined ? [] : [[`r${i}`, s.job.stdin]])),
      );
      const model = buildModel({ title: def.title, runs, files, stdin });
      expect(model.steps).toHaveLength(runs.length);
      for (const [i, step] of model.steps.entries()) {
        expect(
          step.commands.map((c) => ({ program: c.program, argv: c.argv.map((w) => render(w, model.sample)) })),
        ).toEqual(runs[i]!.steps);
        if (runs[i]!.stdoutFile) expect(render(step.stdoutFile, model.sample)).toBe(runs[i]!.stdoutFile);
        expect(step.stdin !== undefined).toBe(steps[i]!.job.stdin !== undefined);
      }
      // A step that reads an earlier step's output waits for it.
      for (const [i, step] of steps.entries())
        for (const key of step.after ?? []) {
          const j = steps.findIndex((s) => s.key === key);
          const reads = runs[j]!.outputs.some((o) => runs[i]!.steps.some((c) => c.argv.includes(o.name)));
          if (reads) expect(model.steps[i]!.after).toContain(model.steps[j]!.id);
        }
    },
  );
});

describe('columns', () => {
  it('per-sample files are samplesheet columns with their index, shared ones config entries, keyed by the analysis slot', () => {
    const files = [...BAM, file('ex1.fa', 'fasta')];
    const run = runOf(
      { steps: [{ program: 'samtools', argv: ['stats', '--reference', 'ex1.fa', 'ex1.bam'] }] },
      files,
      0,
    );
    const model = buildModel({
      title: 't',
      runs: [run],
      files,
      keys: { 'ex1.bam': 'alignments', 'ex1.fa': 'reference' },
    });
    expect(model.sample).toBe('ex1');
    expect(model.columns.map((c) => [c.key, c.role, c.index?.name])).toEqual([
      ['alignments', 'sample', 'ex1.bam.bai'],
      ['reference', 'shared', undefined],
    ]);
    // ex1.fa starts with the sample id but is shared: it keeps its name for every sample.
    expect(model.steps[0]!.commands[0]!.argv.map((w) => render(w, 's2'))).toEqual([
      'stats',
      '--reference',
      'ex1.fa',
      's2.bam',
    ]);
  });
});
