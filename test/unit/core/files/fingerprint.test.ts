import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fingerprintBlob } from '../../../../src/core/files/fingerprint';
import { findRecordedFile } from '../../../../src/core/files/file-ref';
import { fixture } from './fixture';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

describe('fingerprintBlob', () => {
  it('hashes first 64 KB + last 64 KB + the size in decimal', async () => {
    const bytes = fixture('1kg_phase1_chr22_5samples.vcf.gz');
    const expected = createHash('sha256')
      .update(bytes.subarray(0, 65536))
      .update(bytes.subarray(bytes.length - 65536))
      .update(String(bytes.length))
      .digest('hex');
    expect(await fingerprintBlob(blobOf(bytes))).toBe(expected);
  });

  it('does not hash the bytes where head and tail would overlap twice', async () => {
    const bytes = fixture('ex1.bam'); // between 64 and 128 KB
    const expected = createHash('sha256').update(bytes).update(String(bytes.length)).digest('hex');
    expect(await fingerprintBlob(blobOf(bytes))).toBe(expected);
  });

  it('hashes a small file once, not twice', async () => {
    const bytes = fixture('toy.fa');
    const expected = createHash('sha256').update(bytes).update(String(bytes.length)).digest('hex');
    expect(await fingerprintBlob(blobOf(bytes))).toBe(expected);
  });

  it('changes when a byte in the middle of a small file changes', async () => {
    const a = fixture('ex1.fa');
    const b = a.slice();
    b[1000] = (b[1000] ?? 0) ^ 1;
    expect(await fingerprintBlob(blobOf(a))).not.toBe(await fingerprintBlob(blobOf(b)));
  });
});

describe('findRecordedFile', () => {
  const recorded = { name: 'a.bam', size: 10, lastModified: 1, fingerprint: 'f' };

  it('prefers the same name among matching files', () => {
    const picked = [
      { name: 'copy.bam', size: 10, fingerprint: 'f' },
      { name: 'a.bam', size: 10, fingerprint: 'f' },
    ];
    expect(findRecordedFile(recorded, picked)?.name).toBe('a.bam');
  });

  it('accepts a renamed copy', () => {
    expect(findRecordedFile(recorded, [{ name: 'renamed.bam', size: 10, fingerprint: 'f' }])?.name).toBe('renamed.bam');
  });

  it('rejects a file with the same name but other content', () => {
    expect(findRecordedFile(recorded, [{ name: 'a.bam', size: 10, fingerprint: 'g' }])).toBeUndefined();
  });
});
