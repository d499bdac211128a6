// The installed programs, read from wasm/tools.json (the one source of truth for tool builds), and the
// absolute same-origin URLs of their glue and binary under the Vite base path (never a CDN), versioned by content.
import manifest from '../../wasm/tools.json';
import type { ProgramInfo } from '../core/tools/job';
import { versionedUrl } from './tool-bytes';

/** Where a program's files are and the sha256 each must have (the worker refuses other bytes). */
export interface ProgramUrls {
  jsUrl: string;
  wasmUrl: string;
  jsSha256: string;
  wasmSha256: string;
}

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

const MANIFEST = manifest as { tools?: readonly ManifestTool[] };

export const INSTALLED_PROGRAMS: readonly ProgramInfo[] = programsOf(MANIFEST);

/** sha256 of each program's glue (.js), by `tool/program`: not provenance, but checked like the .wasm. */
const GLUE_SHA256 = new Map(
  (MANIFEST.tools ?? []).flatMap((tool) =>
    (tool.programs ?? []).map((program) => [`${tool.name}/${program.name}`, program.js?.sha256 ?? ''] as const),
  ),
);

/** `base` is where public/ is served from: the page URL resolved against Vite's base path. */
export function defaultBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, location.href).href;
}

/**
 * The URLs carry the first hex digits of the file's sha256 (`?sha=`), so a rebuild at the same version gets new
 * URLs and neither the service worker's copy nor the HTTP cache can serve the old bytes under the new hash.
 */
export function programUrls(programs: readonly ProgramInfo[], baseUrl: string): (program: string) => ProgramUrls {
  const byName = new Map(programs.map((info) => [info.program, info]));
  return (program) => {
    const info = byName.get(program);
    if (!info) throw new Error(`${program} is not an installed program`);
    const file = info.binary ?? info.program;
    const stem = new URL(`wasm/${info.tool}/${info.version}/${file}`, baseUrl).href;
    const jsSha256 = GLUE_SHA256.get(`${info.tool}/${file}`) ?? '';
    return {
      jsUrl: versionedUrl(`${stem}.js`, jsSha256),
      wasmUrl: versionedUrl(`${stem}.wasm`, info.wasmSha256),
      jsSha256,
      wasmSha256: info.wasmSha256,
    };
  };
}

/** Every tool file's URL (glue and binary), as the engine requests them: what offline use needs cached. */
export function toolFileUrls(programs: readonly ProgramInfo[], baseUrl: string): string[] {
  const urls = programUrls(programs, baseUrl);
  // the applets of a multi-call build share its two files
  return [
    ...new Set(
      programs.flatMap(({ program }) => {
        const { jsUrl, wasmUrl } = urls(program);
        return [jsUrl, wasmUrl];
      }),
    ),
  ];
}
