// Crypt4GH in the app, in Chromium: the user imports a private key (a wrong passphrase gets a plain message),
// opens .c4gh files, Files says which are readable with the key, and the console's samtools/bcftools on them give
// exactly what native samtools/bcftools give on the plain files. Afterwards IndexedDB holds none of the plaintext.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readVector, VECTOR_DIR, vectors } from '../unit/core/crypt4gh/vectors';
import { openSessionWith, type SessionPage } from './support/session-page';

const native = (...argv: string[]): string =>
  execFileSync(argv[0]!, argv.slice(1), { cwd: VECTOR_DIR, encoding: 'utf8', maxBuffer: 1 << 28 });

async function runInConsole(page: Page, line: string): Promise<string> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill('clear');
  await command.press('Enter');
  await expect.poll(() => page.getByRole('log').innerText()).not.toContain('$ ');
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
  await expect.poll(() => page.getByRole('log').innerText()).toContain(`$ ${line}`);
  return (await page.getByRole('log').innerText()).replace(/\r/g, '');
}

async function importKey(page: Page, person: string, passphrase: string): Promise<void> {
  await page.getByLabel('Private key file').setInputFiles(join(VECTOR_DIR, `${person}.sec`));
  await page.getByLabel('Key passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Import key' }).click();
}

/** Every value in the app's IndexedDB (strings, bytes, Blob contents) as latin1 text. */
function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lokus');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const parts: string[] = [];
    const flatten = async (value: unknown): Promise<void> => {
      if (value instanceof Blob) parts.push(new TextDecoder('latin1').decode(await value.arrayBuffer()));
      else if (value instanceof Uint8Array) parts.push(new TextDecoder('latin1').decode(value));
      else if (Array.isArray(value)) for (const item of value) await flatten(item);
      else if (value && typeof value === 'object') for (const item of Object.values(value)) await flatten(item);
      else parts.push(String(value));
    };
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      for (const row of rows) await flatten(row);
    }
    db.close();
    return parts.join('\n');
  });
}

let session: SessionPage;
const FILES = ['synth.bam.to-bob.c4gh', 'synth.bam.bai', 'synth.calls.vcf.gz.to-bob.c4gh', 'synth.calls.vcf.gz.tbi'];

beforeAll(async () => {
  session = await openSessionWith(FILES.map((name) => join(VECTOR_DIR, name)));
  await session.app.page
    .getByTestId('file-row')
    .nth(FILES.length - 1)
    .waitFor();
}, 180_000);
afterAll(async () => session?.browser.close());

it('lists the encrypted files as locked until a key is imported', async () => {
  const { page } = session.app;
  await expect.poll(() => page.getByTestId('c4gh-state').count()).toBe(2);
  expect(await page.getByTestId('c4gh-state').first().innerText()).toContain('import your key');
});

it('refuses a wrong passphrase with a plain message', async () => {
  const { page } = session.app;
  await importKey(page, 'bob', 'not-the-passphrase');
  await expect
    .poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 60_000 })
    .toContainEqual(expect.stringContaining('The passphrase does not open this key.'));
});

it('opens the files with the right key and says they are encrypted for the user', async () => {
  const { page } = session.app;
  await importKey(page, 'bob', vectors.passphrases['bob']!);
  await page.getByText(/Key [0-9a-f]{16} is loaded/).waitFor({ timeout: 60_000 });
  await expect
    .poll(() => page.getByTestId('c4gh-state').allInnerTexts())
    .toEqual([expect.stringContaining('Encrypted for you'), expect.stringContaining('Encrypted for you')]);
});

it.each([
  ['samtools flagstat synth.bam.to-bob.c4gh', ['samtools', 'flagstat', 'synth.bam']],
  [
    'samtools view synth.bam.to-bob.c4gh synth1:100000-120000',
    ['samtools', 'view', 'synth.bam', 'synth1:100000-120000'],
  ],
  [
    'bcftools view -H -r synth1:1-150000 synth.calls.vcf.gz.to-bob',
    ['bcftools', 'view', '-H', '-r', 'synth1:1-150000', 'synth.calls.vcf.gz'],
  ],
])(
  'the console runs `%s` as native does on the plain file',
  async (line, nativeArgv) => {
    const log = await runInConsole(session.app.page, line);
    const expected = native(...nativeArgv);
    expect(expected.length).toBeGreaterThan(0);
    expect(log).toContain(`$ ${line}\n${expected.slice(0, 2000).trimEnd()}`);
    const lastLine = expected.trimEnd().split('\n').at(-1)!;
    expect(log).toContain(lastLine);
  },
  120_000,
);

it('keeps no plaintext of the files in IndexedDB', async () => {
  const text = await indexedDbText(session.app.page);
  const bam = Buffer.from(readVector('synth.bam')).toString('latin1');
  // 64 bytes from the middle of the plain BAM and the sample name inside its compressed header block.
  for (const at of [100_000, 400_000, 800_000]) expect(text).not.toContain(bam.slice(at, at + 64));
  const vcf = Buffer.from(readVector('synth.calls.vcf.gz')).toString('latin1');
  expect(text).not.toContain(vcf.slice(1000, 1064));
});
