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

const RS = /^rs([1-9]\d{0,14})$/;

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

  push(row: ScoreRow): void {
    const i = this.#rowNr.length;
    this.#rowNr.push(row.rowNr);
    this.#chrom.push(this.#codes.code(row.chrom));
    this.#chromName.push(this.#chromNames.id(row.chrom));
    this.#pos.push(row.pos);
    this.#effect.push(this.alleles.id(row.effectAllele));
    this.#other.push(row.otherAllele === undefined ? 0 : this.alleles.id(row.otherAllele));
    this.#weight.push(row.weight);
    this.#effectType.push(EFFECT_TYPES.indexOf(row.effectType));
    const rs = RS.exec(row.rsId);
    this.#rsNumber.push(rs ? Number(rs[1]) : NaN);
    if (!rs && row.rsId !== '') this.#otherIds.set(i, row.rsId);
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
