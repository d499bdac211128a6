// `bcftools gtcheck` (1.16, with -g) -> the site counters of its INFO lines and one record per compared sample
// pair from its DC lines (query sample, -g sample, discordance, -log P(HWE), sites compared).
import { FieldReader, numberedLines } from './parse-error';

export interface GtcheckPair {
  query: string;
  genotyped: string;
  /** Mismatching genotypes (with -e 0), or the error-weighted score otherwise. */
  discordance: number;
  negLogHwe: number;
  sites: number;
}

export interface Gtcheck {
  /** INFO counters: "sites-compared", "sites-skipped-no-match", ... */
  info: Record<string, number>;
  pairs: GtcheckPair[];
}

export function parseGtcheck(text: string): Gtcheck {
  const reader = new FieldReader('bcftools gtcheck output');
  const info: Record<string, number> = {};
  const pairs: GtcheckPair[] = [];
  for (const line of numberedLines(text)) {
    if (line.text.startsWith('INFO\tsites-')) {
      const f = reader.fields(line, 3, 'an INFO line');
      info[f[1]!] = reader.int(f[2], line.number, f[1]!);
    } else if (line.text.startsWith('DC\t')) {
      const f = reader.fields(line, 6, 'a DC line');
      pairs.push({
        query: f[1]!,
        genotyped: f[2]!,
        discordance: reader.num(f[3], line.number, 'discordance'),
        negLogHwe: reader.num(f[4], line.number, '-log P(HWE)'),
        sites: reader.int(f[5], line.number, 'sites compared'),
      });
    }
  }
  if (!('sites-compared' in info))
    reader.fail(0, 'no "INFO sites-compared" line; is this bcftools gtcheck 1.16 output?');
  return { info, pairs };
}
