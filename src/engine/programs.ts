// The installed programs, read from wasm/tools.json (the one source of truth for tool builds), and the
// absolute same-origin URLs of their glue and binary under the Vite base path. Never a CDN.
import manifest from '../../wasm/tools.json';
import type { ProgramInfo } from '../core/tools/job';
import type { ProgramUrls } from './worker-slot';

interface ManifestProgram {
  name: string;
  /** Names a multi-call build (busybox) answers to; argv[0] (the program name) picks the applet. */
  applets?: readonly string[];
  js?: { path: string; sha256: string };
  wasm?: { path: string; sha256: string };
}

interface ManifestTool {
  name: string;
  version: string;
  programs?: readonly ManifestProgram[];
}

/** Programs listed in a tools.json manifest, in manifest order. */
export function programsOf(source: { tools?: readonly ManifestTool[] }): ProgramInfo[] {
  return (source.tools ?? []).flatMap((tool) =>
    (tool.programs ?? []).flatMap((program) =>
      [program.name, ...(program.applets ?? [])].map((name) => ({
        program: name,
        tool: tool.name,
        version: tool.version,
        wasmSha256: program.wasm?.sha256 ?? '',
        ...(name === program.name ? {} : { binary: program.name }),
      })),
    ),
  );
}

export const INSTALLED_PROGRAMS: readonly ProgramInfo[] = programsOf(manifest as { tools?: readonly ManifestTool[] });

/** `base` is where public/ is served from: the page URL resolved against Vite's base path. */
export function defaultBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, location.href).href;
}

export function programUrls(programs: readonly ProgramInfo[], baseUrl: string): (program: string) => ProgramUrls {
  const byName = new Map(programs.map((info) => [info.program, info]));
  return (program) => {
    const info = byName.get(program);
    if (!info) throw new Error(`${program} is not an installed program`);
    const stem = new URL(`wasm/${info.tool}/${info.version}/${info.binary ?? info.program}`, baseUrl).href;
    return { jsUrl: `${stem}.js`, wasmUrl: `${stem}.wasm` };
  };
}
