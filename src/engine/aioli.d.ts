// Types for @biowasm/aioli 3.2 (it ships none), for the compatibility probe in aioli-probe.ts.
declare module '@biowasm/aioli' {
  export interface AioliTool {
    tool: string;
    version: string;
    program?: string;
    /** Where <program>.js and .wasm live; defaults to the biowasm CDN (Lokus always sets it). */
    urlPrefix?: string;
    loading?: 'eager' | 'lazy';
    /** Re-create the module after every exec (needed for tools with global state). */
    reinit?: boolean;
  }

  export interface AioliConfig {
    urlCDN?: string;
    dirShared?: string;
    dirMounted?: string;
    dirData?: string;
    /** true (default): exec resolves to stdout and stderr interleaved in one string. */
    printInterleaved?: boolean;
    printStream?: boolean;
    callback?: (message: unknown) => void;
    debug?: boolean;
    env?: 'prd' | 'stg';
  }

  export type AioliMountable =
    File | Blob | string | { name: string; data: Blob | string } | { name: string; url: string };

  export interface AioliCLI {
    /** Mounts files under /shared/data (symlinks into a WORKERFS mount); resolves to their paths. */
    mount(files: AioliMountable | AioliMountable[]): Promise<string[]>;
    /** Splits `command` on spaces; resolves to the output (or { stdout, stderr } when not interleaved). */
    exec(command: string, args?: string[] | null): Promise<string | { stdout: string; stderr: string }>;
    cat(path: string): Promise<string>;
    ls(path: string): Promise<string[] | object | false>;
    download(path: string): Promise<string>;
    pwd(): Promise<string>;
    cd(path: string): Promise<void>;
    mkdir(path: string): Promise<boolean>;
    close(): Promise<void>;
  }

  /** `new Aioli(...)` returns a promise of the CLI proxy, not an instance. */
  const Aioli: new (tools: AioliTool | string | Array<AioliTool | string>, config?: AioliConfig) => Promise<AioliCLI>;
  export default Aioli;
}
