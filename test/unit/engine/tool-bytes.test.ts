import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INTEGRITY_ERROR, sha256Hex, versionedUrl, verifyToolBytes } from '../../../src/engine/tool-bytes';

const URL_ = 'http://127.0.0.1:4173/wasm/samtools/1.16.1/samtools.wasm?sha=0123abcd';
const bytes = new TextEncoder().encode('\0asm tool bytes').buffer;
const good = createHash('sha256').update(new Uint8Array(bytes)).digest('hex');
const tampered = new Uint8Array(bytes.slice(0));
tampered[5]! ^= 1;

describe('tool bytes against wasm/tools.json', () => {
  it('digests as sha256 (WebCrypto, same as Node)', async () => {
    expect(await sha256Hex(bytes)).toBe(good);
  });

  it.each([
    ['the recorded build', bytes, good, undefined],
    ['the recorded build, hash in capitals', bytes, good.toUpperCase(), undefined],
    [
      'a changed byte',
      tampered.buffer,
      good,
      /samtools: samtools\.wasm is not the build .* expected [0-9a-f]{64}, got [0-9a-f]{64}/,
    ],
    ['no recorded hash', bytes, '', /no recorded sha256/],
  ] as const)('%s', async (_, data, expected, refused) => {
    const outcome = verifyToolBytes(data, expected, 'samtools', URL_);
    if (!refused) return expect(outcome).resolves.toBeUndefined();
    await expect(outcome).rejects.toMatchObject({ name: INTEGRITY_ERROR, message: expect.stringMatching(refused) });
    if (expected) await expect(outcome).rejects.toThrow(`expected ${good}, got ${await sha256Hex(data)}`);
  });

  it('names a file by its content, so a rebuild gets a new URL', () => {
    expect(versionedUrl('/wasm/a.wasm', good)).toBe(`/wasm/a.wasm?sha=${good.slice(0, 8)}`);
    expect(versionedUrl('/wasm/a.wasm', '')).toBe('/wasm/a.wasm');
  });
});
