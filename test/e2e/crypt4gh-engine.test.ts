// Crypt4GH files of the GA4GH reference implementation read by the real wasm tools in Chromium, decrypted on
// the fly in the tool workers: every vector gives its recorded sha256 through busybox sha256sum, and samtools /
// bcftools (whole file and indexed region queries) give exactly what native samtools/bcftools give on the
// plain files. A flipped byte stops the tool with an authentication error.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyText, readVector, VECTOR_DIR, vectors } from '../unit/core/crypt4gh/vectors';
import { cmd, openEngine, type EnginePage } from './support/engine-page';

let app: EnginePage;
const native = (program: string, ...argv: string[]): string =>
  execFileSync(program, argv, { cwd: VECTOR_DIR, encoding: 'utf8', maxBuffer: 1 << 28 });

async function mount(...files: [name: string, bytes: Uint8Array][]): Promise<void> {
  await app.page.evaluate(
    (list) => window.lokusHarness.mount(list),
    files.map(([name, bytes]) => ({ name, base64: Buffer.from(bytes).toString('base64') })),
  );
}

const unlock = (person: string) =>
  app.page.evaluate(
    ([text, pass]) => window.lokusHarness.unlockKey(text!, pass!),
    [keyText(`${person}.sec`), vectors.passphrases[person]!],
  );

beforeAll(async () => {
  app = await openEngine();
});
afterAll(async () => app?.close());

describe('bob (bcrypt-protected key)', () => {
  beforeAll(async () => {
    await app.page.evaluate(() => window.lokusHarness.clear());
    expect(await unlock('bob')).toMatchObject({ ok: true });
    const names = [
      'synth.bam.to-bob.c4gh',
      'synth.bam.bai',
      'synth.calls.vcf.gz.to-bob.c4gh',
      'synth.calls.vcf.gz.tbi',
    ];
    await mount(...names.map((name): [string, Uint8Array] => [name, readVector(name)]));
  }, 120_000);

  it('sees the encrypted files as readable, under their plain names too', async () => {
    const states = await app.page.evaluate(() => window.lokusHarness.encryptedStates());
    expect(states['synth.bam.to-bob.c4gh']).toMatchObject({ state: 'readable', plainSize: 823_425 });
    expect(await app.page.evaluate(() => window.lokusHarness.listFiles())).toEqual(
      expect.arrayContaining(['synth.bam.to-bob', 'synth.bam.to-bob.c4gh.bai', 'synth.calls.vcf.gz.to-bob.c4gh.tbi']),
    );
  });

  it.each([
    ['samtools flagstat', ['samtools', 'flagstat', 'X'], 'synth.bam.to-bob.c4gh', 'synth.bam'],
    [
      'a region query through the plain .bai',
      ['samtools', 'view', 'X', 'synth1:100000-120000'],
      'synth.bam.to-bob.c4gh',
      'synth.bam',
    ],
    ['the plain name', ['samtools', 'view', '-c', 'X', 'synth1:1-50000'], 'synth.bam.to-bob', 'synth.bam'],
    ['samtools idxstats', ['samtools', 'idxstats', 'X'], 'synth.bam.to-bob.c4gh', 'synth.bam'],
    [
      'bcftools view of a region (the .tbi)',
      ['bcftools', 'view', '-H', '-r', 'synth1:100000-200000', 'X'],
      'synth.calls.vcf.gz.to-bob.c4gh',
      'synth.calls.vcf.gz',
    ],
    [
      'bcftools query',
      ['bcftools', 'query', '-f', '%POS %REF %ALT\\n', 'X'],
      'synth.calls.vcf.gz.to-bob.c4gh',
      'synth.calls.vcf.gz',
    ],
  ])('%s equals native on the plain file', async (_, [program, ...argv], encrypted, plain) => {
    const result = await app.run({ steps: [cmd(program!, ...argv.map((a) => (a === 'X' ? encrypted : a)))] });
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ status: 'succeeded', exitStatus: 0 });
    const expected = native(program!, ...argv.map((a) => (a === 'X' ? plain : a.replace('\\n', '\n'))));
    expect(expected.length).toBeGreaterThan(0);
    expect(result.stdout).toBe(expected);
  });

  it('records the encrypted file, not an alias, as what the tool read', async () => {
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'synth.bam.to-bob.c4gh', 'synth1:1-1000')] });
    expect(result.inputsRead.sort()).toEqual(['synth.bam.bai', 'synth.bam.to-bob.c4gh']);
  });

  it('stops with an authentication error at a flipped byte', async () => {
    const bytes = readVector('synth.bam.to-bob.c4gh').slice();
    bytes[bytes.length - 30_000]! ^= 0x40;
    await mount(['tampered.bam.c4gh', bytes]);
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'tampered.bam.c4gh')] });
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('failed authentication');
  });
});

describe('every vector decrypts to its sha256 inside the tools', () => {
  it.each(['bob', 'carol'])(
    'for %s',
    async (person) => {
      await app.page.evaluate(() => window.lokusHarness.clear());
      expect(await unlock(person)).toMatchObject({ ok: true });
      const cases = vectors.cases.filter((c) => c.readers.includes(person));
      await mount(...cases.map((c): [string, Uint8Array] => [c.file, readVector(c.file)]));
      for (const c of cases) {
        const result = await app.run({ steps: [cmd('sha256sum', c.file)] });
        expect(result.stdout, c.file).toBe(`${c.plain_sha256}  ${c.file}\n`);
      }
    },
    120_000,
  );

  it('a file for another key is refused with its reason and not decrypted', async () => {
    await app.page.evaluate(() => window.lokusHarness.clear());
    expect(await unlock('carol')).toMatchObject({ ok: true });
    await mount(['synth.bam.to-bob.c4gh', readVector('synth.bam.to-bob.c4gh')]);
    const states = await app.page.evaluate(() => window.lokusHarness.encryptedStates());
    expect(states['synth.bam.to-bob.c4gh']).toMatchObject({
      state: 'unreadable',
      problem: { kind: 'not-for-this-key' },
    });
  });

  it('a wrong passphrase is refused with a plain reason', async () => {
    const result = await app.page.evaluate(
      ([text]) => window.lokusHarness.unlockKey(text!, 'nope'),
      [keyText('alice.sec')],
    );
    expect(result).toMatchObject({ ok: false, kind: 'wrong-passphrase' });
  });
});
