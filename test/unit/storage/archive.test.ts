import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ArchiveError } from '../../../src/core/storage-port';
import { makeStore, newFile, newRun, text, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

async function sessionWithEverything(store: TestStore['store']) {
  const s = await store.createSession('Trio');
  await store.setNotes(s.id, 'mother = NA12878');
  await store.addFile(s.id, newFile('kept.fa'), { blob: new Blob(['>s\nACGT\n']) });
  await store.addFile(s.id, newFile('big.bam', 10_000_000_000));
  const out = await store.saveOutput(s.id, 'run-1', 'stats.txt', new Blob(['SN\tnumber of records:\t3\n']));
  await store.saveRun(newRun(s.id, { status: 'succeeded', exitStatus: 0, endedAt: 3000, outputs: [out] }));
  await store.appendConsole(s.id, 'bcftools stats a.vcf.gz', 'run-1');
  return s;
}

const unzipBlob = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));

describe('exportSession', () => {
  it('writes a zip with a manifest and one entry per output', async () => {
    t = makeStore();
    const s = await sessionWithEverything(t.store);
    const entries = await unzipBlob(await t.store.exportSession(s.id, { includeInputs: false }));
    const manifest = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array()));
    expect(manifest).toMatchObject({ format: 'lokus-session', version: 1, session: { name: 'Trio' }, inputs: [] });
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', `outputs/${manifest.outputs[0].id}`]);
  });

  it('includes Blob copies of inputs when asked', async () => {
    t = makeStore();
    const s = await sessionWithEverything(t.store);
    const entries = await unzipBlob(await t.store.exportSession(s.id, { includeInputs: true }));
    expect(Object.keys(entries).filter((k) => k.startsWith('inputs/'))).toHaveLength(1);
  });
});

describe('importSession', () => {
  it.each([
    [true, ['blob', 'none']],
    [false, ['none', 'none']],
  ])('round-trips a session (inputs included: %s) as a new session', async (includeInputs, storages) => {
    t = makeStore();
    const original = await sessionWithEverything(t.store);
    const archive = await t.store.exportSession(original.id, { includeInputs });
    const imported = await t.store.importSession(archive);
    expect(imported).toMatchObject({ name: 'Trio', notes: 'mother = NA12878' });
    expect(imported.id).not.toBe(original.id);

    const files = await t.store.listFiles(imported.id);
    expect(files.map((f) => [f.name, f.storage])).toEqual([
      ['kept.fa', storages[0]],
      ['big.bam', storages[1]],
    ]);
    const [run] = await t.store.listRuns(imported.id);
    expect(run).toMatchObject({ label: 'samtools flagstat', status: 'succeeded', exitStatus: 0 });
    expect(await text(await t.store.readOutput(run?.outputs[0]?.blobId ?? ''))).toBe('SN\tnumber of records:\t3\n');
    expect((await t.store.listConsole(imported.id)).map((e) => e.runId)).toEqual([run?.id]);
  });

  it('brings back the input bytes when they were included', async () => {
    t = makeStore();
    const original = await sessionWithEverything(t.store);
    const imported = await t.store.importSession(await t.store.exportSession(original.id, { includeInputs: true }));
    const [file] = await t.store.listFiles(imported.id);
    expect(await text((await t.store.readFileData(file?.id ?? '')).blob)).toBe('>s\nACGT\n');
  });

  it.each([
    ['not a zip', new Blob(['hello']), /not a zip archive/],
    ['a zip without a manifest', new Blob([zipSync({ 'a.txt': strToU8('x') })]), /not a Lokus session export/],
    [
      'a newer format',
      new Blob([zipSync({ 'manifest.json': strToU8(JSON.stringify({ format: 'lokus-session', version: 99 })) })]),
      /newer Lokus/,
    ],
  ])('rejects %s with an ArchiveError', async (_label, blob, message) => {
    t = makeStore();
    const error = await t.store.importSession(blob).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(message);
    expect(await t.store.listSessions()).toEqual([]);
  });
});
