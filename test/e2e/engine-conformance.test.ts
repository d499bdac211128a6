// The wasm conformance table (test/wasm/conformance-cases.mjs) run through the real engine in Chromium:
// inputs mounted as Blobs, stdout redirected to a file (binary-safe), outputs read back from the work area,
// compared with the native outputs committed under test/fixtures/expected. The table runs twice: with the
// engine's default reads (fixtures are small: FileReaderSync windows), and with streamed reads forced from the
// first few KiB of every input (blob-streams.ts), the path long sequential reads of real data take.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, canonical } from '../wasm/conformance-cases.mjs';
import { fixturesDir, loadExpected } from '../wasm/conformance-harness.mjs';
import type { IoTuning } from '../../src/engine';
import { openApp, type AppPage } from './support/browser';

const STDOUT_FILE = '.lokus-stdout';
let app: AppPage;
let installed: Set<string>;

beforeAll(async () => {
  app = await openApp({ path: 'engine-harness.html' });
  await app.page.waitForSelector('body[data-ready]');
  installed = new Set((await app.page.evaluate(() => window.lokusHarness.programs())).map((info) => info.program));
});
afterAll(async () => app?.close());

const sha256 = async (bytes: Buffer) => (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');

// Cases whose native run recorded absolute paths of its temporary directory cannot match a browser run.
const PATH_DEPENDENT = new Set(['samtools-view-bam-to-cram']);

const READ_MODES: { name: string; io?: IoTuning }[] = [
  { name: 'default reads' },
  {
    name: 'streamed reads',
    io: { blksize: 4096, readAheadBytes: 2048, maxReadAheadBytes: 65_536, streamAfterBytes: 4096 },
  },
];

describe.each(READ_MODES)('conformance through the browser engine, $name', ({ io }) => {
  beforeAll(async () => {
    await app.page.evaluate((options) => window.lokusHarness.reset(options), io ? { io } : {});
  });
  for (const c of cases) {
    const expected = loadExpected(c);
    const runnable = expected !== null && !PATH_DEPENDENT.has(c.id);
    it.runIf(runnable)(c.id, async ({ skip }) => {
      if (!installed.has(c.program)) skip(`${c.program} is not built yet`);
      const files = c.inputs.map((rel: string) => ({
        name: rel,
        base64: readFileSync(join(fixturesDir, rel)).toString('base64'),
      }));
      const { result, stdout, outputs } = await app.page.evaluate(
        async ({ files, spec, outputPaths, stdoutFile }) => {
          const h = window.lokusHarness;
          await h.clear();
          await h.mount(files);
          const result = await h.run(spec);
          const names = await h.listFiles();
          const read = async (name: string) => (names.includes(name) ? h.readFile(name) : null);
          const outputs: Record<string, string | null> = {};
          for (const path of outputPaths) outputs[path] = await read(path);
          return { result, stdout: await read(stdoutFile), outputs };
        },
        {
          files,
          spec: {
            steps: [{ program: c.program, argv: c.args }],
            stdoutFile: STDOUT_FILE,
            // the text-tool cases' standard input (ASCII fixtures, so a string keeps every byte)
            ...(c.stdin ? { stdin: readFileSync(join(fixturesDir, c.stdin), 'latin1') } : {}),
          },
          outputPaths: (c.outputs ?? []).map((o: { path: string }) => o.path),
          stdoutFile: STDOUT_FILE,
        },
      );
      expect(result.exitStatus, result.stderr).toBe(expected!.status);
      if (expected!.status === 0) {
        expect(await sha256(canonical(Buffer.from(stdout ?? '', 'base64'), c.stdout ?? 'text'))).toBe(
          expected!.stdout.sha256,
        );
      }
      if (expected!.stderr?.sha256) {
        expect(canonical(Buffer.from(result.stderr, 'latin1'), 'text').toString('latin1')).toBe(
          expected!.stderr.data?.toString('latin1'),
        );
      }
      for (const output of c.outputs ?? []) {
        const want = expected!.files[output.path];
        const got = outputs[output.path];
        if (want?.missing) expect(got).toBeNull();
        else
          expect(await sha256(canonical(Buffer.from(got ?? '', 'base64'), output.kind)), output.path).toBe(
            want?.sha256,
          );
      }
    });
  }
});
