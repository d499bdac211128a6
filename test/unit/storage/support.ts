// A store on fake-indexeddb with a fresh database per test, predictable ids and a controllable clock.
import 'fake-indexeddb/auto';
import { DexieSessionStore, type DexieSessionStoreOptions } from '../../../src/storage/dexie-session-store';
import type { Run } from '../../../src/core/session';
import type { NewSessionFile } from '../../../src/core/storage-port';

let databaseCounter = 0;

export interface TestStore {
  store: DexieSessionStore;
  clock: { now: number };
  databaseName: string;
}

export function makeStore(options: Partial<DexieSessionStoreOptions> = {}): TestStore {
  const databaseName = `lokus-test-${++databaseCounter}`;
  const clock = { now: 1_000 };
  let id = 0;
  const store = new DexieSessionStore({
    databaseName,
    now: () => clock.now,
    newId: () => `id-${++id}`,
    ...options,
  });
  return { store, clock, databaseName };
}

export function newFile(name: string, size = 10): NewSessionFile {
  return {
    name,
    size,
    lastModified: 5,
    fingerprint: `fp-${name}`,
    detected: { format: 'vcf', compression: 'bgzf', indexable: true, nameSuggests: 'vcf', problems: [] },
  };
}

export function newRun(sessionId: string, overrides: Partial<Run> = {}): Run {
  return {
    id: 'run-1',
    sessionId,
    label: 'samtools flagstat',
    steps: [{ program: 'samtools', argv: ['flagstat', 'ex1.bam'] }],
    programs: [{ program: 'samtools', tool: 'samtools', version: '1.21', wasmSha256: 'ab'.repeat(32) }],
    inputs: [{ name: 'ex1.bam', size: 126539, fingerprint: 'f'.repeat(64) }],
    status: 'running',
    startedAt: 2_000,
    stdout: '',
    stderr: '',
    outputs: [],
    ...overrides,
  };
}

export const text = (blob: Blob | undefined) => (blob ? blob.text() : Promise.resolve(undefined));
