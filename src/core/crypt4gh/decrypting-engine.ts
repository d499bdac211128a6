// Makes Crypt4GH files readable by the tools: wraps a ToolEngine so that a mounted file starting with the
// crypt4gh magic is opened with the keyring's key and mounted with its decryption, under its own name and its
// plain name (without .c4gh); an index of the plain file (x.bam.bai, itself plain or .c4gh) is also mounted under
// the names htslib looks for next to the encrypted file. Each encrypted file's state is reported for Files.
import type { JobHandle, MountedInput, ToolEngine } from '../tools/engine';
import { isCrypt4gh } from './header';
import type { Crypt4ghKeyring, Crypt4ghProblem } from './keyring';
import type { Crypt4ghDecryption } from './plain-reader';

export type EncryptedState =
  | { state: 'locked' }
  | { state: 'readable'; plainName: string; plainSize: number; editList: boolean }
  | { state: 'unreadable'; problem: Crypt4ghProblem };

export interface Crypt4ghEngine extends ToolEngine {
  /** Opens every encrypted file again (a key was imported or forgotten). */
  rescan(keyLoaded: boolean): Promise<void>;
  /** The source file a work-area name reads (an alias's file, or the name itself). */
  sourceOf(name: string): string;
}

const INDEX_EXTENSIONS = ['.bai', '.csi', '.tbi', '.crai'];
export const plainNameOf = (name: string): string => name.replace(/\.c4gh$/i, '');

interface Source {
  input: MountedInput;
  encrypted: boolean;
}

export function withCrypt4gh(
  inner: ToolEngine,
  keyring: Crypt4ghKeyring,
  onState: (name: string, state: EncryptedState | undefined) => void,
): Crypt4ghEngine {
  const sources = new Map<string, Source>();
  /** Decrypted views and index links: work-area name -> source name. */
  let aliases = new Map<string, string>();
  let keyLoaded = false;

  /** What to mount for an encrypted source (its decryption, if the key opens it). */
  async function openSource(source: Source): Promise<Crypt4ghDecryption | undefined> {
    const { name, data } = source.input;
    if (!keyLoaded) {
      onState(name, { state: 'locked' });
      return undefined;
    }
    const opened = await keyring.open(data);
    if (!opened.ok) {
      onState(name, { state: 'unreadable', problem: opened });
      return undefined;
    }
    const { decryption, plainSize } = opened;
    onState(name, { state: 'readable', plainName: plainNameOf(name), plainSize, editList: !!decryption.editList });
    return decryption;
  }

  /** Mounts each source (decrypted where it can be) and the names that lead to it. */
  async function lay(changed: readonly Source[]): Promise<void> {
    const readable = new Map<string, MountedInput>();
    for (const source of changed) {
      const { name, data } = source.input;
      const decrypt = source.encrypted ? await openSource(source) : undefined;
      source.input = decrypt ? { name, data, decrypt } : { name, data };
    }
    await inner.mount(changed.map((source) => source.input));
    for (const { input } of sources.values()) if (input.decrypt) readable.set(plainNameOf(input.name), input);
    const next = new Map<string, MountedInput>();
    for (const [plain, input] of readable) if (!sources.has(plain)) next.set(plain, { ...input, name: plain });
    // An index of the plain file, for both names of the encrypted one: htslib looks for <name>.bai.
    const indexes = [...sources.values()].map(({ input }) => ({ input, plain: plainNameOf(input.name) }));
    for (const { input, plain } of indexes) {
      const ext = INDEX_EXTENSIONS.find((e) => plain.endsWith(e));
      if (!ext || (input.name !== plain && !input.decrypt)) continue;
      const base = plain.slice(0, -ext.length);
      for (const [dataPlain, data] of readable) {
        if (dataPlain === plain || (dataPlain !== base && !dataPlain.startsWith(`${base}.`))) continue;
        for (const name of [`${data.name}${ext}`, `${dataPlain}${ext}`])
          if (!sources.has(name)) next.set(name, { ...input, name });
      }
    }
    const stale = [...aliases.keys()].filter((name) => !next.has(name));
    if (stale.length > 0) await inner.unmount(stale);
    if (next.size > 0) await inner.mount([...next.values()]);
    aliases = new Map([...next.values()].map((input) => [input.name, sourceName(input)]));
  }

  /** The source behind a mounted input (matched by its Blob). */
  function sourceName(input: MountedInput): string {
    for (const source of sources.values()) if (source.input.data === input.data) return source.input.name;
    return input.name;
  }

  async function classify(input: MountedInput): Promise<Source> {
    // A file that cannot be read now (changed on disk) is mounted as it is: the tool reports the real error.
    const prefix = await input.data
      .slice(0, 12)
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer))
      .catch(() => new Uint8Array(0));
    return { input: { name: input.name, data: input.data }, encrypted: isCrypt4gh(prefix) };
  }

  const sourceOf = (name: string): string => aliases.get(name) ?? name;

  return {
    programs: () => inner.programs(),
    listFiles: () => inner.listFiles(),
    readFile: (name) => inner.readFile(name),
    removeFile: (name) => inner.removeFile(name),
    dispose: () => inner.dispose(),
    get concurrency() {
      return inner.concurrency;
    },
    async mount(inputs) {
      const added = await Promise.all(inputs.map(classify));
      for (const source of added) {
        sources.set(source.input.name, source);
        if (!source.encrypted) onState(source.input.name, undefined);
      }
      await lay(added);
    },
    async unmount(names) {
      for (const name of names) {
        sources.delete(name);
        onState(name, undefined);
      }
      await inner.unmount(names);
      await lay([]);
    },
    run(spec, onEvent): JobHandle {
      const handle = inner.run(spec, onEvent);
      const result = handle.result.then((r) => ({
        ...r,
        inputsRead: [...new Set(r.inputsRead.map(sourceOf))],
      }));
      return { ...handle, result };
    },
    async rescan(loaded) {
      keyLoaded = loaded;
      await lay([...sources.values()].filter((source) => source.encrypted));
    },
    sourceOf,
  };
}
