// The target genotypes as `bcftools query -H -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n'` prints them, read line by
// line: every site goes past the matcher, and only the sites at positions of the score are kept, as columns.
import { ParseError } from '../parsers/parse-error';
import { ChromosomeCodes, chromosomeOfCode, upper } from './alleles';
import { Interner, uint32s, uint8s } from './columns';
import type { Matcher } from './match';

/** The query format the reader expects (one line per site, a GT column per sample). */
export const TARGET_QUERY_FORMAT = '%CHROM\\t%POS\\t%REF\\t%ALT[\\t%GT]\\n';

/** A target site as the log shows it: chromosome without "chr", REF and every ALT. */
export interface TargetSite {
  chrom: string;
  pos: number;
  ref: string;
  alts: readonly string[];
}

/** The kept sites: allele ids (the scoring file's AlleleTable) and a genotype id per site and sample. */
export interface TargetSites {
  readonly length: number;
  readonly chrom: Uint8Array;
  readonly pos: Uint32Array;
  readonly ref: Uint32Array;
  /** Site i's ALT ids are alts[altStart[i]] .. alts[altStart[i + 1] - 1]. */
  readonly altStart: Uint32Array;
  readonly alts: Uint32Array;
  /** genotypes[i * samples + s]: id of sample s's GT text at site i, in genotypeNames. */
  readonly genotypes: Uint32Array;
  readonly genotypeNames: readonly string[];
  at(i: number): TargetSite;
}

const SOURCE = 'bcftools query output';

export class TargetReader {
  samples: string[] = [];
  /** Lines read (every site of the target, kept or not). */
  sites = 0;
  readonly #chrom = uint8s();
  readonly #pos = uint32s();
  readonly #ref = uint32s();
  readonly #altStart = uint32s();
  readonly #alts = uint32s();
  readonly #genotypes = uint32s();
  readonly #genotypeNames = new Interner();
  readonly #codes = new ChromosomeCodes();
  readonly #altIds: number[] = [];
  #lineNumber = 0;
  #sawHeader = false;
  #lastChrom = '';
  #lastCode = 0;
  /** Allele ids of one-letter alleles by character code, the usual case, found without a string. */
  readonly #single = new Int32Array(128).fill(-1);

  constructor(readonly matcher: Matcher) {}

  push(line: string): void {
    this.#lineNumber++;
    if (line === '') return;
    if (line.startsWith('#')) {
      // "# [1]CHROM\t[2]POS\t[3]REF\t[4]ALT\t[5]NA12878:GT ..."
      this.samples = line
        .split('\t')
        .slice(4)
        .map((c) => c.replace(/^\[\d+\]/, '').replace(/:GT$/, ''));
      this.#sawHeader = true;
      return;
    }
    if (!this.#sawHeader) throw new ParseError(SOURCE, this.#lineNumber, 'the sample header line (-H) is missing');
    this.sites++;
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    // Lines come sorted, so the chromosome is mostly the one of the line before.
    if (first !== this.#lastChrom.length || !line.startsWith(this.#lastChrom)) {
      this.#lastChrom = line.slice(0, first);
      this.#lastCode = this.#codes.code(this.#lastChrom);
    }
    const chrom = this.#lastCode;
    if (chrom === 0) return;
    const pos = digitsAt(line, first + 1, second);
    const firstRow = this.matcher.find(chrom, pos);
    if (firstRow < 0) return;
    const third = line.indexOf('\t', second + 1);
    const fourth = line.indexOf('\t', third + 1);
    const end = fourth < 0 ? line.length : fourth;
    if (third < 0) throw new ParseError(SOURCE, this.#lineNumber, `expected ${4 + this.samples.length} columns`);
    const ref = this.#allele(line, second + 1, third);
    const altIds = this.#altIds;
    altIds.length = 0;
    if (line.charCodeAt(third + 1) !== 46 || end !== third + 2)
      for (let start = third + 1; start <= end;) {
        let comma = line.indexOf(',', start);
        if (comma < 0 || comma > end) comma = end;
        altIds.push(this.#allele(line, start, comma));
        start = comma + 1;
      }
    const gts =
      fourth < 0 ? [] : this.samples.length === 1 ? [line.slice(fourth + 1)] : line.slice(fourth + 1).split('\t');
    if (gts.length !== this.samples.length || (gts.length === 1 && gts[0]!.includes('\t')))
      throw new ParseError(SOURCE, this.#lineNumber, `expected ${4 + this.samples.length} columns`);
    const site = this.#chrom.length;
    this.#chrom.push(chrom);
    this.#pos.push(pos);
    this.#ref.push(ref);
    this.#altStart.push(this.#alts.length);
    for (const alt of altIds) this.#alts.push(alt);
    for (const gt of gts) this.#genotypes.push(this.#genotypeNames.id(gt));
    this.matcher.addSite(site, firstRow, ref, altIds);
  }

  #allele(line: string, start: number, end: number): number {
    const alleles = this.matcher.rows.alleles;
    if (end - start !== 1) return alleles.id(upper(line.slice(start, end)));
    const code = line.charCodeAt(start);
    if (code >= 128) return alleles.id(upper(line[start]!));
    let id = this.#single[code]!;
    if (id < 0) this.#single[code] = id = alleles.id(upper(line[start]!));
    return id;
  }

  /** The kept sites, once every line was pushed. */
  done(): TargetSites {
    this.#altStart.push(this.#alts.length);
    const alleles = this.matcher.rows.alleles.values;
    const columns = {
      length: this.#chrom.length,
      chrom: this.#chrom.done(),
      pos: this.#pos.done(),
      ref: this.#ref.done(),
      altStart: this.#altStart.done(),
      alts: this.#alts.done(),
      genotypes: this.#genotypes.done(),
      genotypeNames: this.#genotypeNames.values,
    };
    return {
      ...columns,
      at: (i) => ({
        chrom: chromosomeOfCode(columns.chrom[i]!),
        pos: columns.pos[i]!,
        ref: alleles[columns.ref[i]!]!,
        alts: [...columns.alts.subarray(columns.altStart[i]!, columns.altStart[i + 1]!)].map((a) => alleles[a]!),
      }),
    };
  }
}

/** The number written in line[start, end), or NaN when it is not digits. */
function digitsAt(line: string, start: number, end: number): number {
  if (end <= start || end - start > 10) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}
