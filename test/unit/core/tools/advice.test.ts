import { describe, expect, it } from 'vitest';
import { engineError, stepError } from '../../../../src/core/tools/advice';
import { EngineError, OutOfMemoryError, ToolFailedError, ToolIntegrityError } from '../../../../src/core/tools/errors';

const command = { program: 'samtools', argv: ['view', 'x.bam'] };

describe('stepError', () => {
  it.each([
    ['[E::hts_open_format] Failed to open file "x.bam" : No such file or directory', /not open in Lokus/],
    ['[main_samview] random alignment retrieval only works for indexed BAM or CRAM files.', /index could not be used/],
    // What native samtools/bcftools/tabix 1.16 print for a 0-byte index, a file of zeros, a damaged block and an
    // index of another file: each names what failed, not a file that is not open.
    [
      "[E::hts_idx_load3] Could not load local index file 'e.bam.bai' : No such file or directory\nsamtools view: Random alignment retrieval only works for indexed SAM.gz, BAM or CRAM files.",
      /index could not be used: it is missing, empty, damaged or belongs to another file/,
    ],
    [
      "[E::hts_idx_load3] Could not load local index file 'a.vcf.gz.tbi' : No such file or directory\nFailed to read from a.vcf.gz: could not load index",
      /index could not be used/,
    ],
    [
      '[E::hts_hopen] Failed to open file z.bam\n[E::hts_open_format] Failed to open file "z.bam" : Exec format error\nsamtools view: failed to open "z.bam" for reading: Exec format error',
      /does not recognise the file's format/,
    ],
    [
      '[E::bgzf_uncompress] CRC32 checksum mismatch\n[E::bgzf_read] Read block operation failed with error 33 after 0 of 4 bytes\n[E::bam_hdr_read] Invalid BAM binary header\n[main_samview] fail to read the header from "c.bam".',
      /damaged: a compressed block fails its CRC32 checksum/,
    ],
    [
      '[E::bgzf_read] BGZF block offset 12722 set beyond block size 0\nsamtools view: retrieval of region #0 failed',
      /belongs to another file/,
    ],
    ["[tabix] the compression of 'z.vcf.gz' is not BGZF", /compressed with bgzip \(not plain gzip\) and indexed/],
    [
      "samtools view: invalid option -- 'Z'\n\nUsage: samtools view [options]\n  -X  include customized index file",
      /did not accept its arguments/,
    ],
    ['Usage: tabix [OPTIONS] [FILE] [REGION [...]]', /did not accept its arguments/],
    ['[W::bam_hdr_read] EOF marker is absent. The input is probably truncated', /damaged/],
    [
      '[E::bcf_write] Broken VCF record, the number of columns at seq1 300 does not match the number of samples (0 vs 1)\n[main_vcfview] Error: cannot write to (null)',
      /malformed record/,
    ],
    ["Errors in BED line 'chr99\t1\t50\tB'", /contig the alignments do not have/],
    ['something unusual', /message above/],
  ])('advises on %s', (stderr, advice) => {
    const error = stepError({ command, exitStatus: 1, stderr });
    expect(error).toBeInstanceOf(ToolFailedError);
    expect(error.advice).toMatch(advice);
    expect(error).toMatchObject({ command, exitStatus: 1, stderr });
  });

  it('recognises running out of memory', () => {
    const error = stepError({ command, exitStatus: 134, stderr: '', abortReason: 'Aborted(OOM)' });
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(error.advice).toMatch(/4 GB/);
  });

  it.each([
    "samtools sort: couldn't allocate memory for bam_mem",
    '[E::stk_sample] Could not allocate enough memory for 1000000 sequences. Exiting...',
    "terminate called after throwing an instance of 'std::bad_alloc'",
  ])('recognises a tool saying it is out of memory: %s', (stderr) => {
    const error = stepError({ command, exitStatus: 1, stderr });
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(error.message).toBe('samtools ran out of memory: it could not get the memory it asked for');
    expect(error.advice).toMatch(/smaller region or a subsample/);
  });

  it("prefers the runtime's evidence of running out of memory over the crash", () => {
    const memoryFailure = 'it could not allocate memory (std::bad_alloc)';
    const error = stepError({ command, exitStatus: 134, stderr: 'Aborted()', abortReason: 'Aborted()', memoryFailure });
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(error).toMatchObject({
      message: `samtools ran out of memory: ${memoryFailure}`,
      exitStatus: 134,
      stderr: 'Aborted()',
    });
  });

  it('calls an abort without a known message a crash', () => {
    const error = stepError({ command, exitStatus: 134, stderr: '', abortReason: 'RuntimeError: unreachable' });
    expect(error.advice).toMatch(/crashed/);
  });
});

describe('engineError', () => {
  it('wraps a runtime failure as an EngineError with the cause', () => {
    const cause = new Error('worker died');
    const error = engineError(command, cause);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.cause).toBe(cause);
  });

  it('treats a failed memory allocation as out of memory', () => {
    expect(engineError(command, new RangeError('WebAssembly.Memory(): could not allocate memory'))).toBeInstanceOf(
      OutOfMemoryError,
    );
  });

  it('treats a failed instantiation for want of memory as out of memory', () => {
    const cause = new Error(
      'samtools: WebAssembly.instantiate failed (RangeError: WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance)',
    );
    expect(engineError(command, cause)).toBeInstanceOf(OutOfMemoryError);
  });

  it('refuses a tool whose bytes are not the recorded build, and says how to get the right ones', () => {
    const cause = Object.assign(new Error('samtools: samtools.wasm is not the build wasm/tools.json records'), {
      name: 'ToolIntegrityError',
    });
    const error = engineError(command, cause);
    expect(error).toBeInstanceOf(ToolIntegrityError);
    expect(error.message).toMatch(/^samtools was not run: samtools: samtools.wasm is not the build/);
    expect(error.advice).toMatch(/Reload the page.*offline copy/);
  });
});
