// The tool worker's end of streamed inputs: a long sequential read of a mounted file is served from a shared
// pipe that the slot's stream worker fills (blob-pump.ts), instead of FileReaderSync windows.
import type { StreamRequest } from './blob-pump';
import { createPipeBuffer, PipeReader } from './shared-pipe';

export const DEFAULT_STREAM_PIPE_BYTES = 8 << 20;
/**
 * A stream whose first bytes have not come in this long is given up (the tool's read goes on through
 * FileReaderSync windows): should the stream worker never start, a tool must not wait forever.
 */
export const FIRST_BYTES_TIMEOUT_MS = 10_000;

/** Opens streams through the port of the slot's stream worker, and stops those a command left running. */
export class BlobStreams {
  private readonly running = new Set<StreamedRead>();

  constructor(
    private readonly port: MessagePort,
    private readonly pipeBytes = DEFAULT_STREAM_PIPE_BYTES,
  ) {}

  /** Starts streaming `blob` from byte `start`. */
  open(blob: Blob, start: number): StreamedRead {
    const pipe = createPipeBuffer(this.pipeBytes);
    const request: StreamRequest = { blob, start, pipe };
    this.port.postMessage(request);
    const stream = new StreamedRead(pipe, start, () => this.running.delete(stream));
    this.running.add(stream);
    return stream;
  }

  /** The command ended: every stream still running stops (its worker stops reading the file). */
  closeAll(): void {
    for (const stream of [...this.running]) stream.close();
  }
}

export class StreamedRead {
  private readonly reader: PipeReader;
  private started = false;

  constructor(
    pipe: SharedArrayBuffer,
    /** File offset of the next byte this stream yields. */
    public position: number,
    private readonly onClose: () => void,
    private readonly firstBytesTimeoutMs = FIRST_BYTES_TIMEOUT_MS,
  ) {
    this.reader = new PipeReader(pipe);
  }

  /**
   * Fills `dst` (waiting for the bytes) unless the stream ends first: end of file, a read error, or no first
   * bytes within `firstBytesTimeoutMs`.
   */
  read(dst: Uint8Array): number {
    let filled = 0;
    while (filled < dst.length) {
      const n = this.reader.read(dst.subarray(filled), this.started ? Infinity : this.firstBytesTimeoutMs);
      if (n === 0) break;
      this.started = true;
      filled += n;
    }
    this.position += filled;
    return filled;
  }

  close(): void {
    this.reader.close();
    this.onClose();
  }
}
