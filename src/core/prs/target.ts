// The target genotypes as `bcftools query -H -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n'` prints them, read line by
// line: every site goes past the matcher, and only the genotypes at positions of the score are kept.
import { ParseError } from '../parsers/parse-error';
import { scorableChromosome, type Matcher, type TargetSite } from './match';

/** The query format the reader expects (one line per site, a GT column per sample). */
export const TARGET_QUERY_FORMAT = '%CHROM\\t%POS\\t%REF\\t%ALT[\\t%GT]\\n';

const SOURCE = 'bcftools query output';

export class TargetReader {
  samples: string[] = [];
  sites = 0;
  readonly #genotypes = new Map<number, string[]>();
  #lineNumber = 0;
  #sawHeader = false;

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
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    const chrom = line.slice(0, first);
    const pos = Number(line.slice(first + 1, second));
    const index = this.sites++;
    if (!this.matcher.wants(chrom, pos)) return;
    const fields = line.split('\t');
    if (fields.length < 4 + this.samples.length)
      throw new ParseError(SOURCE, this.#lineNumber, `expected ${4 + this.samples.length} columns`);
    const site: TargetSite = {
      index,
      chrom: scorableChromosome(chrom)!,
      pos,
      ref: fields[2]!.toUpperCase(),
      alts: fields[3] === '.' ? [] : fields[3]!.toUpperCase().split(','),
    };
    this.#genotypes.set(index, fields.slice(4));
    this.matcher.addSite(site);
  }

  genotypes(site: TargetSite): readonly string[] | undefined {
    return this.#genotypes.get(site.index);
  }
}
