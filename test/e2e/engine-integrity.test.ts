// The engine runs only the tool bytes wasm/tools.json records, and a command whose runtime fails (a tool file
// refused, an instance that cannot be made, a worker that cannot start) ends failed with a message, never
// "running" for ever. Tool files are changed on the way to the page by route interception.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import manifest from '../../wasm/tools.json';
import { cmd, openEngine, type EnginePage } from './support/engine-page';

const SAMTOOLS_WASM = join(import.meta.dirname, '../../public/wasm/samtools/1.16.1/samtools.wasm');
const samtools = manifest.tools.find((tool) => tool.name === 'samtools')!;
const recorded = samtools.programs.find((program) => program.name === 'samtools')!.wasm.sha256;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A valid module importing a function no glue provides: it compiles, and instantiating it fails (LinkError). */
const UNLINKABLE = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
  ...[0x02, 0x15, 0x01, 0x03, ...Buffer.from('env'), 0x0d, ...Buffer.from('lokus_missing'), 0x00, 0x00],
]);

let app: EnginePage | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function engineWithRoute(pattern: string, body: Uint8Array | undefined): Promise<EnginePage> {
  const page = await openEngine();
  await page.context.route(pattern, (route) =>
    body ? route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from(body) }) : route.abort(),
  );
  await page.mountFixtures('ex1.bam');
  return page;
}

describe('tool bytes and runtime failures', () => {
  it('refuses a changed samtools.wasm, naming the expected and the fetched sha256', async () => {
    const tampered = new Uint8Array(readFileSync(SAMTOOLS_WASM));
    tampered[tampered.length - 10]! ^= 0xff;
    app = await engineWithRoute('**/samtools.wasm?sha=*', tampered);
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    expect(result.status).toBe('failed');
    expect(result.error?.name).toBe('ToolIntegrityError');
    expect(result.error?.message).toContain(`expected ${recorded}, got ${sha256(tampered)}`);
    expect(result.error?.advice).toMatch(/Reload the page.*offline copy/);
    expect(result.stdout).toBe('');
  });

  it('asks for the tool under a URL that changes with its content', async () => {
    app = await openEngine();
    await app.mountFixtures('ex1.bam');
    expect((await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] })).stdout).toBe('3307\n');
    expect(app.requests.filter((url) => url.includes('samtools.wasm'))).toEqual([
      expect.stringMatching(new RegExp(`/wasm/samtools/1\\.16\\.1/samtools\\.wasm\\?sha=${recorded.slice(0, 8)}$`)),
    ]);
  });

  it('fails a command whose instance cannot be made, with the runtime error', async () => {
    const fake = sha256(UNLINKABLE);
    app = await engineWithRoute(`**/samtools.wasm?sha=${fake.slice(0, 8)}`, UNLINKABLE);
    const programs = [{ program: 'samtools', tool: 'samtools', version: samtools.version, wasmSha256: fake }];
    await app.page.evaluate((p) => window.lokusHarness.reset({ programs: p }), programs);
    await app.mountFixtures('ex1.bam');
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/WebAssembly\.instantiate failed \((LinkError|TypeError): .*Import #0/);
    expect(result.error?.advice).toMatch(/reload the page/i);
  });

  it('fails a command whose worker cannot start', async () => {
    app = await engineWithRoute('**/assets/tool-worker-*.js', undefined);
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/The tool worker failed/);
    // The next job gets a fresh worker, which fails the same way rather than hanging behind the dead one.
    expect((await app.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] })).status).toBe('failed');
  });
});
