import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { findAnalysis } from '../../../../src/core/analyses/registry';
import { encodeTag } from '../../../../src/core/analyses/tag';
import type { ExportFile } from '../../../../src/core/export/model';
import { buildModel } from '../../../../src/core/export/model';
import {
  analysisSource,
  browserOnlyLine,
  runSource,
  sessionSource,
  stdinOf,
  withProducers,
} from '../../../../src/core/export/sources';
import type { Run } from '../../../../src/core/session';

const file = (name: string, format: string, indexName?: string): ExportFile => ({
  name,
  size: 10,
  fingerprint: `fp-${name}`,
  format,
  available: true,
  ...(indexName ? { indexName } : {}),
});
const FILES = [file('s1.bam', 'bam', 's1.bam.bai'), file('s1.bam.bai', 'bai'), file('ref.fa', 'fasta')];
const VERSIONS: Record<string, [string, string]> = {
  samtools: ['samtools', '1.16.1'],
  bcftools: ['bcftools', '1.16'],
  busybox: ['busybox', '1.35.0'],
  bedtools: ['bedtools', '2.30.0'],
};

/** A recorded run: `program argv...`, started at `at`, writing `outputs`. */
function run(
  at: number,
  line: string,
  outputs: string[] = [],
  status: Run['status'] = 'succeeded',
  extra: Partial<Run> = {},
): Run {
  const steps = line.split(' | ').map((part) => {
    const [program, ...argv] = part.split(' ');
    return { program: program!, argv };
  });
  return {
    id: `r${at}`,
    sessionId: 's',
    label: line,
    steps,
    programs: steps.map((s) => ({
      program: s.program,
      tool: VERSIONS[s.program]![0],
      version: VERSIONS[s.program]![1],
      wasmSha256: 'x',
    })),
    inputs: FILES.filter((f) => steps.some((s) => s.argv.includes(f.name))).map((f) => ({
      name: f.name,
      size: f.size,
      fingerprint: f.fingerprint,
    })),
    status,
    startedAt: at,
    stdout: '',
    stderr: '',
    outputs: outputs.map((name) => ({ name, size: 1, blobId: name })),
    ...extra,
  };
}

describe('withProducers', () => {
  const sort = run(1, 'samtools sort -o s1.sorted.bam s1.bam', ['s1.sorted.bam']);
  const index = run(2, 'samtools index s1.sorted.bam', ['s1.sorted.bam.bai']);
  const other = run(3, 'samtools view -c s1.bam');
  const idxstats = run(4, 'samtools idxstats s1.sorted.bam');
  const all = [idxstats, other, index, sort];

  it.each<[string, Run, Run[]]>([
    ['a run on a session file alone', other, [other]],
    ['a run on an output takes its producer and the index made of it', idxstats, [sort, index, idxstats]],
    ['a producer takes its own producers', index, [sort, index]],
  ])('%s', (_what, chosen, expected) => {
    expect(withProducers(all, [chosen], FILES).map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('takes the latest producer started before the run, not a later one', () => {
    const again = run(5, 'samtools sort -o s1.sorted.bam s1.bam', ['s1.sorted.bam']);
    expect(withProducers([...all, again], [idxstats], FILES).map((r) => r.id)).toEqual(['r1', 'r2', 'r4']);
  });

  it('exports a run with its producers as a workflow whose steps wait for them', () => {
    const model = buildModel(runSource(all, idxstats, FILES));
    expect(model.steps.map((s) => [s.id, s.after])).toEqual([
      ['s01_samtools_sort', []],
      ['s02_samtools_index', ['s01_samtools_sort']],
      ['s03_samtools_idxstats', ['s01_samtools_sort', 's02_samtools_index']],
    ]);
  });
});

describe('sessionSource', () => {
  it.each<[string, Run[], string[], RegExp[]]>([
    [
      'a failed run is left out, saying so',
      [run(1, 'samtools flagstat s1.bam'), run(2, 'samtools view -c nope.bam', [], 'failed')],
      ['r1'],
      [/"samtools view -c nope.bam" \(failed\)/],
    ],
    [
      'a program without a pinned container (busybox) is left out',
      [run(1, 'samtools flagstat s1.bam'), run(2, 'busybox wc -l s1.bam')],
      ['r1'],
      [/busybox has no pinned container/],
    ],
    [
      'a run reading the output of a left-out run is left out too',
      [run(1, 'samtools sort -o x.bam s1.bam', ['x.bam'], 'failed'), run(2, 'samtools flagstat x.bam')],
      [],
      [/\(failed\)/, /reads x.bam, made by a run that is left out/],
    ],
    [
      'the same command run twice is exported once, the later run',
      [run(1, 'samtools flagstat s1.bam'), run(2, 'samtools flagstat s1.bam')],
      ['r2'],
      [/run again later/],
    ],
    [
      'a file written again later is exported from the later run',
      [run(1, 'samtools sort -o x.bam s1.bam', ['x.bam']), run(2, 'samtools sort -n -o x.bam s1.bam', ['x.bam'])],
      ['r2'],
      [/run again later/],
    ],
  ])('%s', (_what, runs, kept, leftOut) => {
    const source = sessionSource('Session', runs, FILES);
    expect(source.runs.map((r) => r.id)).toEqual(kept);
    expect(source.leftOut).toHaveLength(leftOut.length);
    leftOut.forEach((pattern, i) => expect(source.leftOut![i]).toMatch(pattern));
  });
});

describe('analysis runs', () => {
  const def = findAnalysis('somatic-hotspots')!;
  const inputs = { tumour: 's1.bam' };
  const params = resolveParameters(def);
  const tag = { analysis: def.id, instance: 'abcd1234', inputs, params };
  const steps = def.steps(inputs, params);
  const runs = steps.map((step, i) => {
    const r = run(i + 1, 'samtools flagstat s1.bam', [], 'succeeded', { analysisId: encodeTag(tag) });
    return {
      ...r,
      steps: step.job.steps.map((c) => ({ program: c.program, argv: [...c.argv] })),
      programs: step.job.steps.map((c) => ({
        program: c.program,
        tool: c.program,
        version: VERSIONS[c.program]![1],
        wasmSha256: 'x',
      })),
      ...(step.job.stdoutFile ? { stdoutFile: step.job.stdoutFile } : {}),
    };
  });

  it('finds again what Lokus fed a step on stdin, from the analysis tag', () => {
    const fed = steps.map((s) => s.job.stdin);
    expect(fed.some((s) => s !== undefined)).toBe(true);
    expect(runs.map(stdinOf)).toEqual(fed);
  });

  it('names the samplesheet columns after the analysis slots and lists the browser-only rules', () => {
    const source = analysisSource(runs, def, tag, runs, FILES);
    expect(source.keys).toEqual({ 's1.bam': 'tumour' });
    expect(source.browserOnly).toEqual([browserOnlyLine(def, inputs)]);
    expect(source.browserOnly![0]).toMatch(/^Somatic hotspots \(s1.bam\): the result Lokus shows/);
    expect(source.title).toBe('Somatic hotspots: s1.bam');
  });
});

describe('browserOnlyLine', () => {
  it('says which files the analysis read itself rather than through a tool', () => {
    const def = findAnalysis('family-triage')!;
    const slot = def.inputs.find((s) => s.readText === true)!;
    expect(browserOnlyLine(def, { [slot.key]: 'trio.ped' })).toMatch(
      /Lokus read trio.ped itself, not through a tool\./,
    );
  });
});
