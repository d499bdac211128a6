import { describe, expect, it } from 'vitest';
import { parseFlagstat } from '../../../../src/core/parsers/samtools-flagstat';
import { ParseError } from '../../../../src/core/parsers/parse-error';
import { toolOutput, withLine } from './tool-output';

const text = toolOutput('samtools-flagstat.ex1.bam.txt');

describe('parseFlagstat', () => {
  it.each([
    ['total', 3307],
    ['mapped', 3271],
    ['properlyPaired', 3144],
    ['pairedInSequencing', 3307],
    ['read1', 1654],
    ['singletons', 127],
    ['duplicates', 0],
    ['mateOnDifferentChrMapq5', 0],
  ] as const)('reads %s from ex1.bam', (key, passed) => {
    expect(parseFlagstat(text)[key]).toEqual({ passed, failed: 0 });
  });

  it('reports a damaged line with its number', () => {
    expect(() => parseFlagstat(withLine(text, 7, 'lots + 0 mapped'))).toThrow(
      new ParseError(
        'samtools flagstat output',
        7,
        'expected "<passed> + <failed> <category>", found "lots + 0 mapped"',
      ),
    );
  });

  it('reports a missing category', () => {
    expect(() =>
      parseFlagstat(
        text
          .split('\n')
          .filter((line) => !/ mapped \(/.test(line) || line.includes('primary'))
          .join('\n'),
      ),
    ).toThrow(/"mapped" line is missing/);
  });
});
