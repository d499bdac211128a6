// Inferring sex from data: chrX/chrY read density against the autosomes (samtools idxstats) for alignments, and
// the share of heterozygous chrX genotypes outside the pseudoautosomal regions for calls. Chromosomal sex
// (XX / XY) is what the data can say; the labels follow the choices the user enters.
import type { IdxstatsRow } from '../parsers/samtools-idxstats';
import { canonicalChromosome } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';

export type InferredSex = 'female' | 'male' | 'unclear' | 'not enough data';

/** Pseudoautosomal regions of chrX, 1-based inclusive (GRC: PAR1 and PAR2). */
export const PAR: Record<BuildName, readonly (readonly [number, number])[]> = {
  GRCh37: [
    [60001, 2699520],
    [154931044, 155260560],
  ],
  GRCh38: [
    [10001, 2781479],
    [155701383, 156030895],
  ],
};

export interface CoverageSex {
  /** chrX / chrY reads per base relative to the autosomes' (1 = autosome-like). */
  xRatio: number;
  yRatio: number;
  autosomeReads: number;
  sex: InferredSex;
}

export function sexFromIdxstats(rows: readonly IdxstatsRow[], minAutosomeReads = 1000): CoverageSex {
  let autoReads = 0;
  let autoLength = 0;
  let x: IdxstatsRow | undefined;
  let y: IdxstatsRow | undefined;
  for (const row of rows) {
    const c = canonicalChromosome(row.name);
    if (c === 'X') x = row;
    else if (c === 'Y') y = row;
    else if (c !== undefined && c !== 'MT') {
      autoReads += row.mapped;
      autoLength += row.length;
    }
  }
  const density = autoLength === 0 ? 0 : autoReads / autoLength;
  const ratio = (row: IdxstatsRow | undefined) =>
    row === undefined || row.length === 0 || density === 0 ? Number.NaN : row.mapped / row.length / density;
  const xRatio = ratio(x);
  const yRatio = y === undefined ? 0 : ratio(y);
  let sex: InferredSex = 'unclear';
  if (autoReads < minAutosomeReads || !Number.isFinite(xRatio)) sex = 'not enough data';
  // XX: chrX like an autosome and (nearly) nothing on chrY; XY: chrX at about half and clearly reads on chrY,
  // whose mappable part is small, so its ratio stays well below 0.5 even for XY.
  else if (xRatio >= 0.8 && yRatio < 0.05) sex = 'female';
  else if (xRatio <= 0.65 && yRatio >= 0.1) sex = 'male';
  return { xRatio, yRatio, autosomeReads: autoReads, sex };
}

export interface GenotypeSex {
  sample: string;
  het: number;
  homAlt: number;
  /** Haploid calls ("1", "0") outside the PARs. */
  haploid: number;
  /** het / (het + hom-alt), haploid non-ref calls counted as hom-alt. */
  hetShare: number;
  sex: InferredSex;
}

/** An unknown build leaves out both builds' PARs, which is safe: they barely overlap the other build's X-specific part. */
export const inPar = (pos: number, build: BuildName | 'unknown'): boolean =>
  (build === 'unknown' ? [...PAR.GRCh37, ...PAR.GRCh38] : PAR[build]).some(([from, to]) => pos >= from && pos <= to);

/** Counts chrX genotypes outside the PARs per sample, one site at a time (a whole genome need not be held). */
export class ChrXCounter {
  readonly #counts: { sample: string; het: number; homAlt: number; haploid: number }[];
  constructor(
    samples: readonly string[],
    private readonly build: BuildName | 'unknown',
  ) {
    this.#counts = samples.map((sample) => ({ sample, het: 0, homAlt: 0, haploid: 0 }));
  }

  /** One chrX site: its position and each sample's GT, in the order the samples were given. */
  add(pos: number, gts: readonly string[]): void {
    if (inPar(pos, this.build)) return;
    for (let i = 0; i < this.#counts.length; i++) {
      const alleles = (gts[i] ?? '.').split(/[/|]/);
      if (alleles.some((a) => a === '.')) continue;
      const c = this.#counts[i]!;
      if (alleles.length === 1) c.haploid += 1;
      if (new Set(alleles).size > 1) c.het += 1;
      else if (alleles[0] !== '0') c.homAlt += 1;
    }
  }

  result(minSites = 50): GenotypeSex[] {
    return this.#counts.map((c) => {
      const informative = c.het + c.homAlt;
      const hetShare = informative === 0 ? Number.NaN : c.het / informative;
      const sex: InferredSex =
        informative < minSites
          ? 'not enough data'
          : hetShare <= 0.05
            ? 'male'
            : hetShare >= 0.15
              ? 'female'
              : 'unclear';
      return { ...c, hetShare, sex };
    });
  }
}

/** From `bcftools query -H -f '%CHROM\t%POS[\t%GT]\n'` on chrX: per sample, outside the PARs. */
export function sexFromChrX(text: string, build: BuildName | 'unknown', minSites = 50): GenotypeSex[] {
  const lines = text.split('\n').filter((l) => l !== '');
  const header = lines.find((l) => l.startsWith('#'));
  const samples = (header ?? '')
    .split('\t')
    .slice(2)
    .map((f) => f.replace(/^\[\d+\]/, '').replace(/:GT$/, ''));
  const counter = new ChrXCounter(samples, build);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    const f = line.split('\t');
    counter.add(Number(f[1]), f.slice(2));
  }
  return counter.result(minSites);
}
