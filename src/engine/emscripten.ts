// The small part of an emscripten tool module (wasm/CONTRACT.md) that the worker touches, typed.

export interface FsNode {
  name: string;
  size: number;
  contents: Blob;
}

export interface FsStream {
  fd: number;
  node: FsNode;
}

export interface FsStat {
  mode: number;
  size: number;
  blksize: number;
  blocks: number;
}

export interface EmscriptenFs {
  mkdir(path: string): void;
  mkdirTree?(path: string): void;
  mount(type: unknown, options: Record<string, unknown>, mountpoint: string): void;
  symlink(target: string, path: string): void;
  chdir(path: string): void;
  readdir(path: string): string[];
  lstat(path: string): FsStat;
  isFile(mode: number): boolean;
  isDir(mode: number): boolean;
  readFile(path: string): Uint8Array;
  open(path: string, flags: string | number, mode?: number): FsStream;
  isLink(mode: number): boolean;
  readlink(path: string): string;
  unlink(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  modeStringToFlags(flags: string): number;
  close(stream: FsStream): void;
  lookupPath(path: string): { node: FsNode };
  streams: Array<FsStream | null | undefined>;
}

export interface WorkerFsType {
  node_ops: { getattr(node: FsNode): FsStat };
  stream_ops: { read(stream: FsStream, buffer: Uint8Array, offset: number, length: number, position: number): number };
}

export interface ToolModule {
  FS: EmscriptenFs;
  WORKERFS: WorkerFsType;
  HEAPU8: Uint8Array;
  lokusRun(argv: string[]): number;
  lokusAbortReason?: string;
  /** Address of errno (absent from builds that do not export it, such as bgzip). */
  ___errno_location?(): number;
}

export interface ToolModuleOptions {
  instantiateWasm(
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
  lokusStdout(chunk: Uint8Array): void;
  lokusStderr(chunk: Uint8Array): void;
  /** All of standard input, or a synchronous pull that fills `dst` and returns the count (0 at EOF). */
  lokusStdin?: Uint8Array | ((dst: Uint8Array) => number);
  lokusSetup(fs: EmscriptenFs, module: ToolModule): void;
  thisProgram?: string;
}

export type ToolModuleFactory = (options: ToolModuleOptions) => Promise<ToolModule>;
