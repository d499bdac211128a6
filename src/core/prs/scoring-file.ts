// PGS Catalog scoring files (format 2.0, author-reported or harmonised): the header's metadata and the rows
// that can be scored, read line by line so a file of millions of rows never needs one string of its size.
import { ParseError } from '../parsers/parse-error';
import { AlleleTable, upper } from './alleles';
import { forEachLine } from './lines';
import { ScoreRowsBuilder, type ScoreRows } from './score-rows';

export type EffectType = 'additive' | 'dominant' | 'recessive';

export interface ScoringHeader {
  pgsId?: string;
  pgsName?: string;
  traitReported?: string;
  genomeBuild?: string;
  /** Build of hm_chr/hm_pos in a harmonised file (#HmPOS_build). */
  hmPosBuild?: string;
  weightType?: string;
  variantsNumber?: number;
  license?: string;
  citation?: string;
  formatVersion?: string;
}

export interface ScoreRow {
  /** 0-based number of the row among the file's variant rows (pgsc_calc's row_nr). */
  rowNr: number;
  rsId: string;
  chrom: string;
  pos: number;
  effectAllele: string;
  /** Absent when the file gives neither other_allele nor hm_inferOtherAllele. */
  otherAllele?: string;
  weight: number;
  effectType: EffectType;
}

export const EFFECT_TYPES: readonly EffectType[] = ['additive', 'dominant', 'recessive'];

/** Why a row cannot be scored; counted and reported, never silently used. */
export type UnscorableReason =
  | 'haplotype or diplotype'
  | 'interaction term'
  | 'no chromosome or position'
  | 'effect allele not A/C/G/T'
  | 'weight not a number'
  | 'dominant and recessive both set';

export interface ScoringFile {
  header: ScoringHeader;
  harmonised: boolean;
  /** The scorable rows, as columns. */
  rows: ScoreRows;
  /** Alleles of the rows by id; the target's alleles join this table so matching compares ids. */
  alleles: AlleleTable;
  /** Variant rows read, scorable or not. */
  rowCount: number;
  unscorable: Partial<Record<UnscorableReason, number>>;
}

const HEADER_KEYS: Readonly<Record<string, keyof ScoringHeader>> = {
  pgs_id: 'pgsId',
  pgs_name: 'pgsName',
  trait_reported: 'traitReported',
  genome_build: 'genomeBuild',
  HmPOS_build: 'hmPosBuild',
  weight_type: 'weightType',
  license: 'license',
  citation: 'citation',
  format_version: 'formatVersion',
};

const SOURCE = 'Scoring file';
const COLUMNS = [
  'rsID',
  'hm_rsID',
  'chr_name',
  'chr_position',
  'hm_chr',
  'hm_pos',
  'effect_allele',
  'other_allele',
  'hm_inferOtherAllele',
  'effect_weight',
  'is_haplotype',
  'is_diplotype',
  'is_interaction',
  'is_dominant',
  'is_recessive',
] as const;
type ColumnIndices = Record<(typeof COLUMNS)[number], number>;
const ALLELE = /^[ACGT]+$/;

/** Reads a scoring file one line at a time: `push` each line (without its newline), then `finish`. */
export class ScoringFileReader {
  readonly #header: ScoringHeader = {};
  readonly #alleles = new AlleleTable();
  readonly #rows = new ScoreRowsBuilder(this.#alleles);
  readonly #unscorable: Partial<Record<UnscorableReason, number>> = {};
  #columns: Map<string, number> | undefined;
  /** Column indices by name, -1 when absent; set from the column header. */
  #at: ColumnIndices | undefined;
  #harmonised = false;
  #wanted = new Uint8Array(0);
  readonly #fields: (string | undefined)[] = [];
  #lineNumber = 0;
  #rowCount = 0;

  push(rawLine: string): void {
    this.#lineNumber++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '' || (line.charCodeAt(0) <= 32 && line.trim() === '')) return;
    if (line.startsWith('#')) {
      this.#readMeta(line);
      return;
    }
    if (this.#columns) {
      this.#readRow(this.#split(line));
      return;
    }
    this.#readColumnHeader(line.split('\t'));
  }

  #readColumnHeader(fields: readonly string[]): void {
    const columns = new Map(fields.map((name, i) => [name.trim(), i]));
    for (const needed of ['effect_allele', 'effect_weight'])
      if (!columns.has(needed))
        throw new ParseError(SOURCE, this.#lineNumber, `the column header has no ${needed} column`);
    this.#columns = columns;
    this.#at = Object.fromEntries(COLUMNS.map((name) => [name, columns.get(name) ?? -1])) as ColumnIndices;
    this.#harmonised = columns.has('hm_pos');
    this.#wanted = new Uint8Array(fields.length);
    for (const i of Object.values(this.#at)) if (i >= 0) this.#wanted[i] = 1;
  }

  /** The columns this reader uses, cut out of a row (the others are never made into strings). */
  #split(line: string): readonly string[] {
    const fields = this.#fields;
    const wanted = this.#wanted;
    let start = 0;
    for (let col = 0; col < wanted.length; col++) {
      let end = line.indexOf('\t', start);
      if (end < 0) end = line.length;
      fields[col] = wanted[col] && start <= line.length ? line.slice(start, end) : undefined;
      start = end + 1;
    }
    return fields as readonly string[];
  }

  finish(): ScoringFile {
    if (!this.#columns) throw new ParseError(SOURCE, 0, 'no column header line (rsID, chr_name, effect_allele, ...)');
    return {
      header: { ...this.#header },
      harmonised: this.#columns.has('hm_pos'),
      rows: this.#rows.done(),
      alleles: this.#alleles,
      rowCount: this.#rowCount,
      unscorable: { ...this.#unscorable },
    };
  }

  #readMeta(line: string): void {
    const m = /^#+\s*([A-Za-z_]+)\s*=\s*(.*)$/.exec(line);
    if (!m) return;
    const key = HEADER_KEYS[m[1]!];
    const value = m[2]!.trim();
    if (key) this.#header[key] = value as never;
    else if (m[1] === 'variants_number' && /^\d+$/.test(value)) this.#header.variantsNumber = Number(value);
  }

  #value(fields: readonly string[], i: number): string | undefined {
    if (i < 0) return undefined;
    let value = fields[i];
    if (value === undefined) return undefined;
    // Trimmed only when it has to be: this runs for every field of millions of rows.
    if (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) value = value.trim();
    return value === '' || value === 'NA' ? undefined : value;
  }

  #skip(reason: UnscorableReason): void {
    this.#unscorable[reason] = (this.#unscorable[reason] ?? 0) + 1;
  }

  #readRow(fields: readonly string[]): void {
    const rowNr = this.#rowCount++;
    const at = this.#at!;
    const flag = (i: number) => i >= 0 && this.#value(fields, i)?.toUpperCase() === 'TRUE';
    if (flag(at.is_haplotype) || flag(at.is_diplotype)) return this.#skip('haplotype or diplotype');
    if (flag(at.is_interaction)) return this.#skip('interaction term');
    // A harmonised file's hm_chr/hm_pos replace the authors' positions, also when harmonisation found none (as pgsc_calc).
    const harmonised = this.#harmonised;
    const chrom = this.#value(fields, harmonised ? at.hm_chr : at.chr_name);
    const pos = digits(this.#value(fields, harmonised ? at.hm_pos : at.chr_position));
    if (!chrom || pos < 0) return this.#skip('no chromosome or position');
    const effectAllele = upper(this.#value(fields, at.effect_allele));
    if (!effectAllele || !ALLELE.test(effectAllele)) return this.#skip('effect allele not A/C/G/T');
    const weight = Number(this.#value(fields, at.effect_weight));
    if (!Number.isFinite(weight)) return this.#skip('weight not a number');
    const dominant = flag(at.is_dominant);
    const recessive = flag(at.is_recessive);
    if (dominant && recessive) return this.#skip('dominant and recessive both set');
    const otherAllele = upper(
      this.#value(fields, at.other_allele) ?? (harmonised ? this.#value(fields, at.hm_inferOtherAllele) : undefined),
    );
    const rsId = this.#value(fields, at.rsID) ?? this.#value(fields, at.hm_rsID) ?? '';
    this.#rows.add(rowNr, rsId, chrom, pos, effectAllele, otherAllele, weight, dominant ? 1 : recessive ? 2 : 0);
  }
}

/** A position: the number a text of digits says, or -1 for anything else. */
function digits(text: string | undefined): number {
  if (text === undefined || text.length === 0 || text.length > 10) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads a whole scoring file held as text, line by line. */
export function readScoringFile(text: string): ScoringFile {
  const reader = new ScoringFileReader();
  forEachLine(text, (line) => reader.push(line));
  return reader.finish();
}
