// Watches one tool instance's memory from outside the wasm: wraps the runtime imports that allocate (heap
// growth, C++ throw) so a refused growth is reported at once, and names the evidence when a tool that ran out of
// memory exits or crashes. The .wasm builds are untouched; only the JavaScript imports they call are wrapped.
import { describeRefusedGrowth } from '../core/tools/advice';
import type { ToolModule } from './emscripten';

/** ENOMEM as emscripten's musl numbers it (WASI errno values). */
export const ENOMEM = 48;

// libc++ throws these when operator new fails or a container would exceed what 32-bit size_t can address.
const MEMORY_EXCEPTIONS: Record<string, string> = {
  St9bad_alloc: 'it could not allocate memory (std::bad_alloc)',
  St20bad_array_new_length: 'it asked for an array larger than a WebAssembly program can address',
  St12length_error: 'it asked for a block larger than a WebAssembly program can address (std::length_error)',
};

type ImportFunction = (...args: number[]) => unknown;

export class MemoryWatch {
  /** The first evidence of running out of memory, in words. */
  failure: string | undefined;
  private memory: WebAssembly.Memory | undefined;

  constructor(
    /** Refuse to grow the heap beyond this (default: the build's own 4 GiB maximum). */
    private readonly limitBytes: number | undefined,
    private readonly onRefused: (requestedBytes: number, heapBytes: number) => void,
  ) {}

  /** Wraps the runtime functions by their glue names: import keys are minified, function names are not. */
  wrap(imports: WebAssembly.Imports): void {
    for (const module of Object.values(imports)) {
      for (const [key, value] of Object.entries(module)) {
        if (typeof value !== 'function') continue;
        const original = value as ImportFunction;
        if (original.name === '_emscripten_resize_heap')
          module[key] = (requested: number) => this.resizeHeap(original, requested);
        else if (original.name === '___cxa_throw') module[key] = (...args: number[]) => this.cxaThrow(original, args);
      }
    }
  }

  attach(instance: WebAssembly.Instance): void {
    this.memory = Object.values(instance.exports).find(
      (value): value is WebAssembly.Memory => value instanceof WebAssembly.Memory,
    );
  }

  /** After the run: a crash right after a failed malloc leaves errno at ENOMEM (no JS call sees mallocs of 2 GB or more). */
  settle(module: ToolModule, exitStatus: number): void {
    if (this.failure !== undefined || exitStatus === 0 || !module.lokusAbortReason || !module.___errno_location) return;
    const errno = new Int32Array(module.HEAPU8.buffer)[module.___errno_location() >> 2];
    if (errno === ENOMEM) this.failure = 'an allocation failed (out of memory) just before it stopped';
  }

  private heapBytes(): number {
    return this.memory?.buffer.byteLength ?? 0;
  }

  private resizeHeap(original: ImportFunction, requested: number): unknown {
    const size = requested >>> 0;
    const ok = this.limitBytes !== undefined && size > this.limitBytes ? false : original(requested);
    if (!ok && this.failure === undefined) {
      const heap = this.heapBytes();
      this.failure = describeRefusedGrowth(size, heap);
      this.onRefused(size, heap);
    }
    return ok;
  }

  private cxaThrow(original: ImportFunction, args: number[]): unknown {
    const detail = MEMORY_EXCEPTIONS[this.typeName(args[1] ?? 0)];
    if (detail !== undefined) this.failure ??= detail;
    return original(...args);
  }

  /** The mangled name of a std::type_info (vtable pointer, then the name pointer). */
  private typeName(typeInfo: number): string {
    if (!this.memory || typeInfo === 0) return '';
    const bytes = new Uint8Array(this.memory.buffer);
    const pointer = new Uint32Array(this.memory.buffer, (typeInfo + 4) & ~3, 1)[0] ?? 0;
    let name = '';
    for (let at = pointer; at < bytes.length && bytes[at] !== 0 && name.length < 64; at++)
      name += String.fromCharCode(bytes[at]!);
    return name;
  }
}
