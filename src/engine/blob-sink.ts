// A tool's complete stdout gathered as a Blob (pipes to a later step's stdin, `>` into a file).

const BLOB_PART_BYTES = 16 << 20;

/**
 * Collects stdout: tools write it in small pieces (often 1 KiB), and a Blob made of thousands of tiny parts is
 * slow to build in Chromium, so pieces are gathered in one 16 MiB buffer that becomes a Blob part when full.
 * The buffer is reused (a Blob copies its parts when made): fresh buffers cost a page fault per 4 KiB, which
 * made a 330 MB stdout spend more time in the kernel than in the tool.
 */
export class BlobSink {
  private readonly parts: Blob[] = [];
  private readonly buffer = new Uint8Array(BLOB_PART_BYTES);
  private used = 0;

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(chunk.length - offset, BLOB_PART_BYTES - this.used);
      this.buffer.set(chunk.subarray(offset, offset + n), this.used);
      this.used += n;
      offset += n;
      if (this.used === BLOB_PART_BYTES) this.seal();
    }
  }

  private seal(): void {
    if (this.used > 0) this.parts.push(new Blob([this.buffer.subarray(0, this.used)]));
    this.used = 0;
  }

  blob(): Blob {
    this.seal();
    return new Blob(this.parts);
  }
}
