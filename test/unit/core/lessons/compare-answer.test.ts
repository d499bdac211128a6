import { describe, expect, it } from 'vitest';
import { firstDifference, normalise } from '../../../../src/core/lessons/compare';
import { judgeAnswer, parseNumber } from '../../../../src/core/lessons/answer';
import type { AnswerCheck } from '../../../../src/core/lessons/lesson';

describe('normalise', () => {
  it.each([
    ['a\nb\n', [], ['a', 'b']],
    ['@HD\tVN:1\n@PG\tID:x\nr1\n', [], ['@HD\tVN:1', 'r1']],
    ['@HD\tVN:1\nr2\nr1\n', ['drop-headers', 'sort'], ['r1', 'r2']],
    ['##bcftoolsVersion=1.16\n#CHROM\nx  \n\n', ['trim'], ['#CHROM', 'x']],
  ] as const)('%j with %j', (text, steps, lines) => {
    expect(normalise(text, steps)).toEqual(lines);
  });
  it('names the first differing line', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ line: 2, expected: 'B', actual: 'b' });
    expect(firstDifference('a\n', 'a\nb\n')).toEqual({ line: 2, expected: 'b', actual: '(end of output)' });
    expect(firstDifference('b\na\n', 'a\nb\n', ['sort'])).toBeUndefined();
  });
});

describe('answers', () => {
  it.each([
    ['3307', 3307],
    ['1 234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['0,95', 0.95],
    ['95%', 95],
    ['−2', -2],
    ['abc', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, value) => expect(parseNumber(text)).toBe(value));

  const number: AnswerCheck = {
    type: 'answer',
    question: { en: 'q', sv: 'f' },
    number: { value: 33.5, tolerance: 0.5 },
  };
  const choice: AnswerCheck = {
    type: 'answer',
    question: { en: 'q', sv: 'f' },
    choices: [
      { id: 'poor', label: { en: 'Poor metaboliser', sv: 'Långsam metaboliserare' } },
      { id: 'normal', label: { en: 'Normal metaboliser', sv: 'Normal metaboliserare' } },
    ],
    correct: 'poor',
  };
  it.each([
    [number, '33,9', { ok: true }],
    [number, '34.1', { ok: false, code: 'wrong-number' }],
    [number, 'many', { ok: false, code: 'not-a-number' }],
    [number, ' ', { ok: false, code: 'no-answer' }],
    [choice, 'poor', { ok: true }],
    [choice, 'långsam metaboliserare', { ok: true }],
    [choice, 'normal', { ok: false, code: 'wrong-choice' }],
    [choice, 'fast', { ok: false, code: 'unknown-choice' }],
  ] as const)('%#: %j', (check, given, verdict) => expect(judgeAnswer(check, given)).toEqual(verdict));
});
