// Compact storage for millions of rows: typed-array columns that grow by doubling, and an interner that keeps each
// distinct string (an allele, a genotype) once and hands out small integer ids to compare instead of strings.

type NumberArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

export class Column<T extends NumberArray> {
  #data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.#data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = this.make(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }

  /** The filled part, trimmed to its length (one copy, after which the builder is not used again). */
  done(): T {
    return this.#data.slice(0, this.length) as T;
  }
}

export const float64s = () => new Column((n) => new Float64Array(n));
export const uint32s = () => new Column((n) => new Uint32Array(n));
export const uint16s = () => new Column((n) => new Uint16Array(n));
export const uint8s = () => new Column((n) => new Uint8Array(n));

/** Distinct strings by id; id 0 is the empty string, which stands for "absent". */
export class Interner {
  readonly #ids = new Map<string, number>([['', 0]]);
  readonly values: string[] = [''];

  id(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }

  /** The id of a string already seen, or -1 (a lookup that adds nothing). */
  find(value: string): number {
    return this.#ids.get(value) ?? -1;
  }
}
