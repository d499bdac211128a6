import { describe, expect, it } from 'vitest';
import { commandMismatch } from '../../../../src/core/lessons/command-match';
import type { CommandCheck } from '../../../../src/core/lessons/lesson';
import { parseCommandLine } from '../../../../src/core/console/parse-command-line';

const steps = (line: string) => {
  const parsed = parseCommandLine(line);
  if (parsed.kind !== 'job') throw new Error(line);
  return parsed.spec.steps;
};
const view: CommandCheck = {
  type: 'command',
  program: 'samtools',
  subcommand: 'view',
  options: { '-q': '20', '-c': true },
  args: ['ex1.bam'],
};
const bcf: CommandCheck = {
  type: 'command',
  program: 'bcftools',
  subcommand: 'view',
  options: { '-O': 'z', '-o': 'out.vcf.gz' },
};

describe('command checks: equivalent spellings pass', () => {
  it.each([
    [view, 'samtools view -c -q 20 ex1.bam'],
    [view, 'samtools view -q20 -c ex1.bam'],
    [view, 'samtools view --count --min-MQ 20 ex1.bam'],
    [view, 'samtools view --min-MQ=20 --count ex1.bam'],
    [view, 'samtools view ex1.bam -c -q 20'],
    [bcf, 'bcftools view -Oz -o out.vcf.gz in.vcf'],
    [
      { type: 'command', program: 'bcftools', subcommand: 'query', options: { '-l': true } } as CommandCheck,
      'bcftools query --list-samples trio.vcf',
    ],
    [
      { type: 'command', program: 'bcftools', subcommand: 'query', options: { '-t': '10:1-9' } } as CommandCheck,
      'bcftools query --targets=10:1-9 x.vcf',
    ],
    [
      { type: 'command', program: 'samtools', subcommand: 'mpileup', options: { '-r': 'chr7:1-2' } } as CommandCheck,
      'samtools mpileup --region chr7:1-2 x.bam',
    ],
    [
      { type: 'command', program: 'minimap2', options: { '-a': true, '-x': 'sr' } } as CommandCheck,
      'minimap2 -ax sr ref.fa r1.fq',
    ],
    [
      { type: 'command', program: 'minimap2', options: { '-a': true, '-x': 'sr' } } as CommandCheck,
      'minimap2 -a -xsr ref.fa r1.fq',
    ],
    [bcf, 'bcftools view -O z --output out.vcf.gz in.vcf'],
    [bcf, 'bcftools view --output-type=z -oout.vcf.gz in.vcf'],
    [
      { type: 'command', program: 'samtools', subcommand: 'view', options: { '-b': true, '-h': true } } as CommandCheck,
      'samtools view -bh ex1.bam',
    ],
    [
      { type: 'command', program: 'samtools', subcommand: 'sort' } as CommandCheck,
      'samtools view -h x.bam | samtools sort -o y.bam',
    ],
  ])('%o passes %s', (check, line) => {
    expect(commandMismatch(check, steps(line))).toBeUndefined();
  });
});

describe('command checks: what is still wrong', () => {
  it.each([
    [view, 'bcftools view ex1.bam', { code: 'wrong-program', expected: 'samtools', actual: 'bcftools' }],
    [view, 'samtools flagstat ex1.bam', { code: 'wrong-subcommand', expected: 'view', actual: 'flagstat' }],
    [view, 'samtools view -q 20 ex1.bam', { code: 'missing-option', option: '-c' }],
    [
      view,
      'samtools view -c -q 10 ex1.bam',
      { code: 'wrong-option-value', option: '-q', expected: '20', actual: '10' },
    ],
    [view, 'samtools view -c -q 20 other.bam', { code: 'missing-argument', argument: 'ex1.bam' }],
    [
      bcf,
      'bcftools view -Ob -o out.vcf.gz in.vcf',
      { code: 'wrong-option-value', option: '-O', expected: 'z', actual: 'b' },
    ],
  ])('%o on %s', (check, line, reason) => {
    expect(commandMismatch(check, steps(line))).toEqual(reason);
  });
  it('no run at all', () => expect(commandMismatch(view, [])).toEqual({ code: 'no-run' }));
});
