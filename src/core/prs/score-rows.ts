// The scorable rows of a scoring file as columns (about 40 bytes a row, so a 7-million-row file fits where
// 7 million row objects would not), and each row back as an object for the log and the tests.
import { ChromosomeCodes, type AlleleTable } from './alleles';
import { float64s, Interner, uint16s, uint32s, uint8s } from './columns';
import { EFFECT_TYPES, type ScoreRow } from './scoring-file';

export interface ScoreRows {
  readonly length: number;
  readonly alleles: AlleleTable;
  /** pgsc_calc's row_nr: the row's number among all variant rows of the file. */
  readonly rowNr: Uint32Array;
  /** Chromosome code (1–22, X 23, Y 24; 0 for one that is not scored), see chromosomeCode. */
  readonly chrom: Uint8Array;
  readonly pos: Uint32Array;
  readonly effect: Uint32Array;
  /** The other allele's id; 0 when the file gives none. */
  readonly other: Uint32Array;
  readonly weight: Float64Array;
  /** Index into EFFECT_TYPES. */
  readonly effectType: Uint8Array;
  at(i: number): ScoreRow;
}

/** "rs123" as 123, NaN for an id of any other shape (kept as text instead). */
function rsNumber(id: string): number {
  if (id.length < 3 || id.length > 17 || id.charCodeAt(0) !== 114 || id.charCodeAt(1) !== 115 || id[2] === '0')
    return NaN;
  let n = 0;
  for (let i = 2; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

export class ScoreRowsBuilder {
  readonly #rowNr = uint32s();
  readonly #chrom = uint8s();
  readonly #chromName = uint16s();
  readonly #pos = uint32s();
  readonly #effect = uint32s();
  readonly #other = uint32s();
  readonly #weight = float64s();
  readonly #effectType = uint8s();
  /** "rs123" as 123; NaN for any other id, which is kept in #otherIds. */
  readonly #rsNumber = float64s();
  readonly #otherIds = new Map<number, string>();
  readonly #chromNames = new Interner();
  readonly #codes = new ChromosomeCodes();

  constructor(private readonly alleles: AlleleTable) {}

  /** One scorable row; `other` undefined when the file gives no other allele, `effectType` an index into EFFECT_TYPES. */
  add(
    rowNr: number,
    rsId: string,
    chrom: string,
    pos: number,
    effect: string,
    other: string | undefined,
    weight: number,
    effectType: number,
  ): void {
    const i = this.#rowNr.length;
    this.#rowNr.push(rowNr);
    this.#chrom.push(this.#codes.code(chrom));
    this.#chromName.push(this.#chromNames.id(chrom));
    this.#pos.push(pos);
    this.#effect.push(this.alleles.id(effect));
    this.#other.push(other === undefined ? 0 : this.alleles.id(other));
    this.#weight.push(weight);
    this.#effectType.push(effectType);
    const rs = rsNumber(rsId);
    this.#rsNumber.push(rs);
    if (Number.isNaN(rs) && rsId !== '') this.#otherIds.set(i, rsId);
  }

  done(): ScoreRows {
    const { alleles } = this;
    const chromName = this.#chromName.done();
    const chromNames = this.#chromNames.values;
    const rsNumber = this.#rsNumber.done();
    const otherIds = this.#otherIds;
    const columns = {
      length: this.#rowNr.length,
      alleles,
      rowNr: this.#rowNr.done(),
      chrom: this.#chrom.done(),
      pos: this.#pos.done(),
      effect: this.#effect.done(),
      other: this.#other.done(),
      weight: this.#weight.done(),
      effectType: this.#effectType.done(),
    };
    return {
      ...columns,
      at(i: number): ScoreRow {
        const other = columns.other[i]!;
        const rs = rsNumber[i]!;
        return {
          rowNr: columns.rowNr[i]!,
          rsId: Number.isNaN(rs) ? (otherIds.get(i) ?? '') : `rs${rs}`,
          chrom: chromNames[chromName[i]!]!,
          pos: columns.pos[i]!,
          effectAllele: alleles.values[columns.effect[i]!]!,
          ...(other === 0 ? {} : { otherAllele: alleles.values[other]! }),
          weight: columns.weight[i]!,
          effectType: EFFECT_TYPES[columns.effectType[i]!]!,
        };
      },
    };
  }
}
