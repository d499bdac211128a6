import { describe, expect, it } from 'vitest';
import { streamLines } from '../../../../src/core/tools/lines';

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
const bytes = (s: string) => new TextEncoder().encode(s);

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of streamLines(streamOf(chunks))) out.push(line);
  return out;
}

describe('streamLines', () => {
  it.each([
    ['lines within one chunk', [bytes('a\nb\n')], ['a', 'b']],
    ['a line split across chunks', [bytes('ab'), bytes('c\nd'), bytes('e\n')], ['abc', 'de']],
    ['a last line without newline', [bytes('a\nlast')], ['a', 'last']],
    ['empty lines kept', [bytes('a\n\nb\n')], ['a', '', 'b']],
    ['no bytes at all', [], []],
    // "å" is two bytes in UTF-8: a chunk boundary between them must not break the character.
    [
      'a UTF-8 character split across chunks',
      [bytes('Gr').subarray(0, 2), new Uint8Array([0xc3]), new Uint8Array([0xa5, 0x0a])],
      ['Grå'],
    ],
  ])('%s', async (_name, chunks, expected) => {
    expect(await collect(chunks)).toEqual(expected);
  });
});
