import { describe, expect, it } from 'vitest';
import { parseCommandLine, tokenize } from '../../../../src/core/console/parse-command-line';
import { complete } from '../../../../src/core/console/complete';
import { formatJob } from '../../../../src/core/tools/job';

describe('parseCommandLine', () => {
  it.each([
    ['samtools flagstat ex1.bam', [{ program: 'samtools', argv: ['flagstat', 'ex1.bam'] }], undefined],
    [
      "bcftools query -f '%CHROM\\t%POS\\n' in.vcf.gz",
      [{ program: 'bcftools', argv: ['query', '-f', '%CHROM\\t%POS\\n', 'in.vcf.gz'] }],
      undefined,
    ],
    [
      'bcftools view -i "QUAL>30 && DP>10" x.bcf',
      [{ program: 'bcftools', argv: ['view', '-i', 'QUAL>30 && DP>10', 'x.bcf'] }],
      undefined,
    ],
    [
      'samtools view -b in.bam chr1 | samtools sort -o out.bam',
      [
        { program: 'samtools', argv: ['view', '-b', 'in.bam', 'chr1'] },
        { program: 'samtools', argv: ['sort', '-o', 'out.bam'] },
      ],
      undefined,
    ],
    ['samtools idxstats a.bam > stats.txt', [{ program: 'samtools', argv: ['idxstats', 'a.bam'] }], 'stats.txt'],
    ['seqtk seq my\\ reads.fq', [{ program: 'seqtk', argv: ['seq', 'my reads.fq'] }], undefined],
    ["bgzip -c ''", [{ program: 'bgzip', argv: ['-c', ''] }], undefined],
  ])('parses %s', (line, steps, stdoutFile) => {
    const parsed = parseCommandLine(line);
    expect(parsed.kind).toBe('job');
    if (parsed.kind !== 'job') return;
    expect(parsed.spec.steps).toEqual(steps);
    expect(parsed.spec.stdoutFile).toBe(stdoutFile);
  });

  it.each([
    ["samtools view 'unterminated", /single quote/],
    ['samtools view | ', /both sides/],
    ['| samtools view', /both sides/],
    ['samtools view x.bam >', /file name/],
    ['samtools view x.bam > a b', /nothing may follow/],
    ['samtools view x.bam; rm x', /not supported/],
    ['ls | samtools view', /built-in/],
  ])('rejects %s with a message saying how to fix it', (line, message) => {
    const parsed = parseCommandLine(line);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
  });

  it('recognises built-ins with their arguments', () => {
    expect(parseCommandLine('rm a.sam b.sam')).toEqual({ kind: 'builtin', name: 'rm', args: ['a.sam', 'b.sam'] });
  });

  it('runs head, cat and zcat as programs, so they can be part of a pipeline', () => {
    const parsed = parseCommandLine('bcftools view -H x.vcf.gz | head -n 3');
    expect(parsed.kind).toBe('job');
    if (parsed.kind === 'job') expect(parsed.spec.steps.map((s) => s.program)).toEqual(['bcftools', 'head']);
  });

  it('treats blank lines and comments as empty', () => {
    expect(parseCommandLine('   ')).toEqual({ kind: 'empty' });
    expect(parseCommandLine('# a note')).toEqual({ kind: 'empty' });
  });

  it('round-trips through formatJob', () => {
    const line = "bcftools view -i 'QUAL>30' in.vcf.gz | bcftools query -f '%POS\\n' > pos.txt";
    const parsed = parseCommandLine(line);
    if (parsed.kind !== 'job') throw new Error('expected a job');
    const again = parseCommandLine(formatJob(parsed.spec));
    if (again.kind !== 'job') throw new Error('expected a job');
    expect(again.spec.steps).toEqual(parsed.spec.steps);
    expect(again.spec.stdoutFile).toBe('pos.txt');
  });

  it('keeps quoted operators as words', () => {
    expect(tokenize('a \'|\' ">"')).toEqual([
      { type: 'word', value: 'a' },
      { type: 'word', value: '|' },
      { type: 'word', value: '>' },
    ]);
  });
});

describe('complete', () => {
  const programs = ['samtools', 'seqtk', 'bcftools', 'bgzip'];
  const files = ['ex1.bam', 'ex1.bam.bai', 'calls.vcf.gz'];
  it('completes a unique program name', () => {
    expect(complete('bc', programs, files).line).toBe('bcftools ');
  });
  it('extends to the common prefix of files', () => {
    expect(complete('samtools view ex', programs, files)).toEqual({
      line: 'samtools view ex1.bam',
      candidates: ['ex1.bam', 'ex1.bam.bai'],
    });
  });
  it('completes programs after a pipe', () => {
    expect(complete('samtools view -h x.bam | sa', programs, files).line).toBe('samtools view -h x.bam | samtools ');
  });
  it('leaves the line alone when nothing matches', () => {
    expect(complete('samtools view zz', programs, files)).toEqual({ line: 'samtools view zz', candidates: [] });
  });
});
