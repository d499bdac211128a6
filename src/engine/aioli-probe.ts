// Checks the compatibility promise of the Lokus wasm builds: a program loads and runs through Aioli's own
// worker (classic importScripts) from a self-hosted absolute urlPrefix, as well as through Lokus's worker.
import type { ProgramInfo } from '../core/tools/job';

export interface AioliProbeResult {
  mounted: string[];
  /** What each command printed (stdout and stderr interleaved, as Aioli returns it). */
  outputs: string[];
}

export async function runThroughAioli(
  info: ProgramInfo,
  baseUrl: string,
  files: { name: string; data: Blob }[],
  commands: readonly string[],
): Promise<AioliProbeResult> {
  const { default: Aioli } = await import('@biowasm/aioli');
  const urlPrefix = new URL(`wasm/${info.tool}/${info.version}`, baseUrl).href;
  const cli = await new Aioli([{ tool: info.tool, version: info.version, program: info.program, urlPrefix }], {
    printInterleaved: true,
  });
  try {
    const mounted = await cli.mount(files);
    const outputs: string[] = [];
    for (const command of commands) {
      const output = await cli.exec(command);
      outputs.push(typeof output === 'string' ? output : output.stdout);
    }
    return { mounted, outputs };
  } finally {
    await cli.close().catch(() => undefined);
  }
}
