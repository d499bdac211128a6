// A one-way byte pipe between two tool workers over a SharedArrayBuffer, as a shell's pipe: the writer blocks
// while the ring is full, the reader while it is empty (Atomics.wait, allowed in workers only). Needs a
// cross-origin isolated page; both sides run synchronously inside a tool's read()/write() calls.

/** Int32 slots before the ring: bytes written and read so far (wrapping at 2^32), and the two closed flags. */
const WRITTEN = 0;
const READ = 1;
const WRITER_CLOSED = 2;
const READER_CLOSED = 3;
const HEADER_BYTES = 16;
/** A waiting side re-checks the flags at least this often (a notify can fall between a check and a wait). */
const WAIT_MS = 50;

export const DEFAULT_PIPE_BYTES = 4 << 20;

/** True where pipes can be made: SharedArrayBuffer exists and the page is cross-origin isolated. */
export function pipesAvailable(): boolean {
  return (
    typeof SharedArrayBuffer === 'function' &&
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  );
}

/** `capacityBytes` must be a power of two (positions wrap at 2^32 and index the ring modulo its size). */
export function createPipeBuffer(capacityBytes = DEFAULT_PIPE_BYTES): SharedArrayBuffer {
  if (capacityBytes <= 0 || capacityBytes > 1 << 30 || (capacityBytes & (capacityBytes - 1)) !== 0)
    throw new RangeError(`pipe capacity ${capacityBytes} is not a power of two up to 1 GiB`);
  return new SharedArrayBuffer(HEADER_BYTES + capacityBytes);
}

class PipeEnd {
  protected readonly control: Int32Array;
  protected readonly ring: Uint8Array;
  protected readonly capacity: number;

  constructor(buffer: SharedArrayBuffer) {
    this.control = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.ring = new Uint8Array(buffer, HEADER_BYTES);
    this.capacity = this.ring.length;
  }

  protected counter(slot: number): number {
    return Atomics.load(this.control, slot) >>> 0;
  }

  protected advance(slot: number, from: number, by: number): void {
    Atomics.store(this.control, slot, (from + by) | 0);
    Atomics.notify(this.control, slot);
  }
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: boolean; value: Promise<unknown> | string };

export class PipeWriter extends PipeEnd {
  /** The reader's count tryWrite last saw: a wait for room waits for it to change (no wake-up lost between). */
  private seenRead = 0;

  /** Copies all of `chunk` into the pipe, waiting for room; drops it once the reader has gone (its tool exited). */
  write(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length && !this.readerClosed) {
      const n = this.tryWrite(chunk.subarray(offset));
      if (n === 0) Atomics.wait(this.control, READ, this.seenRead | 0, WAIT_MS);
      offset += n;
    }
  }

  /**
   * The same for a thread that must not block (its event loop delivers the data): waits for room with
   * Atomics.waitAsync, or short timers where that is missing. Returns the bytes taken (fewer once the reader
   * has gone).
   */
  async writeAsync(chunk: Uint8Array): Promise<number> {
    let offset = 0;
    while (offset < chunk.length && !this.readerClosed) {
      const n = this.tryWrite(chunk.subarray(offset));
      if (n === 0) await this.roomOrTimeout();
      offset += n;
    }
    return offset;
  }

  /** Copies what fits of `chunk` without waiting; returns the bytes taken. */
  tryWrite(chunk: Uint8Array): number {
    const written = this.counter(WRITTEN);
    this.seenRead = this.counter(READ);
    const free = this.capacity - ((written - this.seenRead) >>> 0);
    const n = Math.min(free, chunk.length);
    if (n === 0) return 0;
    const at = written % this.capacity;
    const first = Math.min(n, this.capacity - at);
    this.ring.set(chunk.subarray(0, first), at);
    if (n > first) this.ring.set(chunk.subarray(first, n), 0);
    this.advance(WRITTEN, written, n);
    return n;
  }

  get readerClosed(): boolean {
    return Atomics.load(this.control, READER_CLOSED) !== 0;
  }

  private async roomOrTimeout(): Promise<void> {
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    if (!waitAsync) return new Promise((resolve) => setTimeout(resolve, 1));
    const result = waitAsync(this.control, READ, this.seenRead | 0, WAIT_MS);
    if (result.async) await result.value;
  }

  /** End of file for the reader. */
  close(): void {
    Atomics.store(this.control, WRITER_CLOSED, 1);
    Atomics.notify(this.control, WRITTEN);
  }
}

export class PipeReader extends PipeEnd {
  /** Set when read() gave up waiting (its `timeoutMs` passed with nothing to read). */
  timedOut = false;

  /**
   * Fills `dst` with what is there (waiting for at least one byte); 0 once the writer closed and all is read, or
   * once `timeoutMs` passed without a byte (then `timedOut` is set).
   */
  read(dst: Uint8Array, timeoutMs = Infinity): number {
    if (dst.length === 0) return 0;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const written = this.counter(WRITTEN);
      const read = this.counter(READ);
      const available = (written - read) >>> 0;
      if (available > 0) {
        const n = Math.min(available, dst.length);
        const at = read % this.capacity;
        const first = Math.min(n, this.capacity - at);
        dst.set(this.ring.subarray(at, at + first), 0);
        if (n > first) dst.set(this.ring.subarray(0, n - first), first);
        this.advance(READ, read, n);
        return n;
      }
      // Closed: the writer's last bytes were published before its flag, so one more look settles it.
      if (Atomics.load(this.control, WRITER_CLOSED) !== 0 && this.counter(WRITTEN) === written) return 0;
      if (performance.now() > deadline) {
        this.timedOut = true;
        return 0;
      }
      Atomics.wait(this.control, WRITTEN, written | 0, WAIT_MS);
    }
  }

  /** The reading tool exited: later writes are dropped instead of waiting forever. */
  close(): void {
    Atomics.store(this.control, READER_CLOSED, 1);
    Atomics.notify(this.control, READ);
  }
}
