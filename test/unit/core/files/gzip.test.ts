import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  bgzfBlockSize,
  BGZF_EOF,
  detectCompression,
  gunzipHead,
  hasBgzfEof,
  readBgzfHead,
} from '../../../../src/core/files/gzip';
import { fixture } from './fixture';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('detectCompression', () => {
  it.each([
    ['ex1.bam', 'bgzf'],
    ['ex1.calls.vcf.gz', 'bgzf'],
    ['gencode_excerpt.gtf.gz', 'bgzf'],
    ['bad/plain-gzip.vcf.gz', 'gzip'],
    ['ex1.fa', 'none'],
    ['ex1.cram', 'none'],
  ])('%s is %s', (path, expected) => {
    expect(detectCompression(fixture(path))).toBe(expected);
  });
});

describe('bgzfBlockSize', () => {
  it('reads BSIZE + 1 from the BC extra subfield', () => {
    expect(bgzfBlockSize(BGZF_EOF)).toBe(28);
  });

  it('is undefined for plain gzip', () => {
    expect(bgzfBlockSize(gzipSync('hello'))).toBeUndefined();
  });
});

describe('hasBgzfEof', () => {
  it.each([
    ['ex1.bam', true],
    ['bad/truncated.bam', false],
  ])('%s -> %s', (path, expected) => {
    expect(hasBgzfEof(fixture(path).slice(-28))).toBe(expected);
  });
});

describe('gunzipHead', () => {
  it('inflates a complete stream', async () => {
    const result = await gunzipHead(gzipSync('##fileformat=VCFv4.2\n'));
    expect(text(result.data)).toBe('##fileformat=VCFv4.2\n');
    expect(result.truncated).toBe(false);
  });

  it('returns what it could inflate from a cut-off stream', async () => {
    // Hex of a hash chain: deterministic and barely compressible, so 2000 compressed bytes stay under the cap.
    let hex = 'seed';
    const big = Array.from({ length: 2000 }, () => (hex = createHash('sha256').update(hex).digest('hex'))).join('');
    const cut = gzipSync(big, { level: 1 }).subarray(0, 2000);
    const result = await gunzipHead(cut);
    expect(result.truncated).toBe(true);
    expect(result.data.length).toBeGreaterThan(0);
    expect(big.startsWith(text(result.data))).toBe(true);
  });

  it('stops at maxBytes', async () => {
    const result = await gunzipHead(gzipSync('x'.repeat(100_000)), 1000);
    expect(result.data.length).toBe(1000);
  });
});

describe('readBgzfHead', () => {
  it('inflates the start of a BAM, across blocks', async () => {
    const result = await readBgzfHead(fixture('ex1.bam'), 100_000);
    expect(text(result.data.subarray(0, 4))).toBe('BAM\x01');
    expect(result.data.length).toBe(100_000);
    expect(result.blocks).toBeGreaterThan(1);
  });

  it('reads the blocks of a truncated BAM that are there, and says it is truncated', async () => {
    const result = await readBgzfHead(fixture('bad/truncated.bam'), 10_000_000);
    expect(result.truncated).toBe(true);
    expect(text(result.data.subarray(0, 4))).toBe('BAM\x01');
  });

  it('reads a whole small BGZF file without calling it truncated', async () => {
    const result = await readBgzfHead(fixture('ex1.calls.vcf.gz'), 10_000_000);
    expect(result.truncated).toBe(false);
    expect(text(result.data)).toMatch(/^##fileformat=VCFv4\.2\n/);
  });
});
