import { describe, expect, it } from 'vitest';
import { CappedText } from '../../../../src/core/tools/capped-text';

const bytes = (value: string) => new TextEncoder().encode(value);

describe('CappedText', () => {
  it('keeps everything under the cap', () => {
    const text = new CappedText(100);
    expect(text.push(bytes('ab'))).toBe('ab');
    text.push(bytes('c'));
    expect([text.text(), text.truncated, text.totalBytes]).toEqual(['abc', false, 3]);
  });

  it('keeps the first capBytes and counts the rest', () => {
    const text = new CappedText(3);
    text.push(bytes('abcd'));
    expect(text.push(bytes('ef'))).toBe('');
    expect([text.text(), text.truncated, text.totalBytes]).toEqual(['abc', true, 6]);
  });

  it('decodes a character split across chunks', () => {
    const text = new CappedText(100);
    const euro = bytes('€');
    text.push(euro.subarray(0, 1));
    text.push(euro.subarray(1));
    expect(text.text()).toBe('€');
  });
});
