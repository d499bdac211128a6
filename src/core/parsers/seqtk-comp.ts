// `seqtk comp` (one line per read) -> distributions over reads: length, GC content and N content.
// The per-read lines are folded as they are read, so a large FASTQ never becomes a large array.
import { FieldReader, numberedLines } from './parse-error';

export interface SeqtkComp {
  reads: number;
  bases: number;
  /** Reads per length. */
  lengths: { length: number; reads: number }[];
  /** Reads per whole-percent GC (of A/C/G/T bases), 0..100. */
  gc: { gc: number; reads: number }[];
  readsWithN: number;
  nBases: number;
  gcPercent: number;
}

export function parseSeqtkComp(text: string): SeqtkComp {
  const r: FieldReader = new FieldReader('seqtk comp output');
  const lengths = new Map<number, number>();
  const gc = new Array<number>(101).fill(0);
  let reads = 0;
  let bases = 0;
  let gcBases = 0;
  let acgtBases = 0;
  let readsWithN = 0;
  let nBases = 0;
  for (const line of numberedLines(text)) {
    const f = r.fields(line, 9, 'a comp line');
    const length = r.int(f[1], line.number, 'length');
    const [a, c, g, t] = [2, 3, 4, 5].map((i) => r.int(f[i], line.number, `column ${i + 1}`)) as [
      number,
      number,
      number,
      number,
    ];
    // #2/#3/#4: ambiguity codes of 2, 3 and 4 bases; N is the 4-base code.
    const n = r.int(f[8], line.number, 'column 9');
    reads++;
    bases += length;
    lengths.set(length, (lengths.get(length) ?? 0) + 1);
    const acgt = a + c + g + t;
    acgtBases += acgt;
    gcBases += c + g;
    if (acgt > 0) gc[Math.round((100 * (c + g)) / acgt)]!++;
    if (n > 0) readsWithN++;
    nBases += n;
  }
  return {
    reads,
    bases,
    lengths: [...lengths].sort((x, y) => x[0] - y[0]).map(([length, count]) => ({ length, reads: count })),
    gc: gc.map((count, percent) => ({ gc: percent, reads: count })),
    readsWithN,
    nBases,
    gcPercent: acgtBases === 0 ? 0 : (100 * gcBases) / acgtBases,
  };
}
