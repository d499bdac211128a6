import { describe, expect, test } from 'vitest';
import {
  Crypt4ghError,
  freshDataKey,
  sealHeader,
  sealSegment,
  Crypt4ghPlainReader,
  openHeader,
  withCrypt4gh,
  type Crypt4ghKeyPair,
  type EncryptedState,
} from '../../../../src/core/crypt4gh';
import type { Crypt4ghKeyring } from '../../../../src/core/crypt4gh/keyring';
import type { MountedInput, ToolEngine } from '../../../../src/core/tools/engine';
import { createFakeEngine } from '../../../fakes/fake-engine';
import { keyOf, readVector } from './vectors';

/** The keyring port in process, on the core functions the keyring worker runs. */
function keyringOf(key: Crypt4ghKeyPair): Crypt4ghKeyring {
  return {
    unlock: () => Promise.reject(new Error('not used')),
    forget: () => Promise.resolve(),
    async open(file) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      try {
        const { headerBytes, dataKeys, editList } = openHeader(bytes, key);
        const decryption = { headerBytes, dataKeys, ...(editList ? { editList } : {}) };
        return { ok: true, decryption, plainSize: new Crypt4ghPlainReader(decryption, file.size, () => 0).size };
      } catch (error) {
        if (!(error instanceof Crypt4ghError)) throw error;
        return { ok: false, kind: error.kind, message: error.message, advice: error.advice };
      }
    },
  };
}

/** A work area that records what was mounted, decryption included. */
function recordingEngine(): ToolEngine & { mounted: Map<string, MountedInput> } {
  const mounted = new Map<string, MountedInput>();
  const fake = createFakeEngine({ programs: { cat: () => 0 } });
  return {
    ...fake,
    mounted,
    async mount(inputs) {
      for (const input of inputs) mounted.set(input.name, input);
    },
    async unmount(names) {
      for (const name of names) mounted.delete(name);
    },
    async listFiles() {
      return [...mounted.keys()].sort();
    },
  };
}

const file = (name: string, vector = name) => ({ name, data: new Blob([readVector(vector)]) });

function setUp(person: string) {
  const inner = recordingEngine();
  const states = new Map<string, EncryptedState | undefined>();
  const engine = withCrypt4gh(inner, keyringOf(keyOf(person)), (name, state) => states.set(name, state));
  return { inner, engine, states };
}

describe('encrypted files in the work area', () => {
  test('before a key is loaded they are listed as locked and mounted as they are', async () => {
    const { inner, engine, states } = setUp('bob');
    await engine.mount([file('synth.bam.to-bob.c4gh')]);
    expect(states.get('synth.bam.to-bob.c4gh')).toEqual({ state: 'locked' });
    expect(inner.mounted.get('synth.bam.to-bob.c4gh')?.decrypt).toBeUndefined();
  });

  test('with the key they appear decrypted under both names, with the index where htslib looks', async () => {
    const { inner, engine, states } = setUp('bob');
    await engine.mount([file('synth.bam.to-bob.c4gh'), file('synth.bam.bai'), file('synth.calls.vcf.gz')]);
    await engine.rescan(true);
    expect(states.get('synth.bam.to-bob.c4gh')).toEqual({
      state: 'readable',
      plainName: 'synth.bam.to-bob',
      plainSize: 823_425,
      editList: false,
    });
    expect(await engine.listFiles()).toEqual([
      'synth.bam.bai',
      'synth.bam.to-bob',
      'synth.bam.to-bob.bai',
      'synth.bam.to-bob.c4gh',
      'synth.bam.to-bob.c4gh.bai',
      'synth.calls.vcf.gz',
    ]);
    expect(inner.mounted.get('synth.bam.to-bob')?.decrypt?.dataKeys).toHaveLength(1);
    expect(inner.mounted.get('synth.bam.to-bob.c4gh.bai')?.data).toBe(inner.mounted.get('synth.bam.bai')?.data);
    expect(engine.sourceOf('synth.bam.to-bob.c4gh.bai')).toBe('synth.bam.bai');
    expect(engine.sourceOf('synth.bam.to-bob')).toBe('synth.bam.to-bob.c4gh');
  });

  test('a file for another key says so and stays encrypted', async () => {
    const { inner, engine, states } = setUp('carol');
    await engine.rescan(true);
    await engine.mount([file('synth.bam.to-bob.c4gh')]);
    expect(states.get('synth.bam.to-bob.c4gh')).toMatchObject({
      state: 'unreadable',
      problem: { kind: 'not-for-this-key' },
    });
    expect(await engine.listFiles()).toEqual(['synth.bam.to-bob.c4gh']);
    expect(inner.mounted.get('synth.bam.to-bob.c4gh')?.decrypt).toBeUndefined();
  });

  test('forgetting the key takes the decrypted names away', async () => {
    const { engine, states } = setUp('carol');
    await engine.rescan(true);
    await engine.mount([file('synth.bam.editlist-to-carol.c4gh')]);
    expect(states.get('synth.bam.editlist-to-carol.c4gh')).toMatchObject({ state: 'readable', editList: true });
    await engine.rescan(false);
    expect(await engine.listFiles()).toEqual(['synth.bam.editlist-to-carol.c4gh']);
    expect(states.get('synth.bam.editlist-to-carol.c4gh')).toEqual({ state: 'locked' });
  });

  test('unmounting the encrypted file removes its names', async () => {
    const { engine } = setUp('bob');
    await engine.rescan(true);
    await engine.mount([file('synth.calls.vcf.gz.to-bob.c4gh'), file('synth.calls.vcf.gz.tbi')]);
    expect(await engine.listFiles()).toContain('synth.calls.vcf.gz.to-bob.c4gh.tbi');
    await engine.unmount(['synth.calls.vcf.gz.to-bob.c4gh']);
    expect(await engine.listFiles()).toEqual(['synth.calls.vcf.gz.tbi']);
  });
});

test('an encrypted index of the plain file serves the encrypted data file too', async () => {
  const { inner, engine, states } = setUp('bob');
  await engine.rescan(true);
  const dataKey = freshDataKey();
  const index = readVector('synth.bam.bai');
  const sealed = new Blob([sealHeader([keyOf('bob').publicKey], dataKey), sealSegment(index, dataKey)]);
  await engine.mount([file('synth.bam.to-bob.c4gh'), { name: 'synth.bam.bai.c4gh', data: sealed }]);
  expect(states.get('synth.bam.bai.c4gh')).toMatchObject({ state: 'readable', plainSize: index.length });
  expect(await engine.listFiles()).toEqual(
    expect.arrayContaining(['synth.bam.bai', 'synth.bam.to-bob.bai', 'synth.bam.to-bob.c4gh.bai']),
  );
  expect(inner.mounted.get('synth.bam.to-bob.c4gh.bai')?.decrypt).toBeDefined();
  expect(engine.sourceOf('synth.bam.to-bob.c4gh.bai')).toBe('synth.bam.bai.c4gh');
});
