// The streamed triage (query lines one at a time, as the app reads its output file) gives the same result as the
// whole text on a large generated trio, holds no records (heap measured after a real GC), and is what
// runAnalysis uses for the streamed step.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { familyTriage } from '../../../../src/core/analyses/family-triage';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { runAnalysis } from '../../../../src/core/analyses/run-analysis';
import {
  buildTriage,
  TriageBuilder,
  buildTriageFromLines,
  type FamilyTriageResult,
} from '../../../../src/core/family/run';

const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=1,length=250000000>',
  '##contig=<ID=X,length=156040895>',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tCHILD\tFATHER\tMOTHER',
].join('\n');
const PED = 'F\tCHILD\tFATHER\tMOTHER\t1\t2\nF\tFATHER\t0\t0\t1\t1\nF\tMOTHER\t0\t0\t2\t1\n';
const INPUTS = { variants: 'trio.vcf.gz', pedigree: 'trio.ped', gff: 'g.gff3', reference: 'r.fa' };
const TEXTS = { header: HEADER, 'input:pedigree': PED };
const PARAMS = resolveParameters(familyTriage, {});

const G = { ref: '0/0:30,0:30:60', het: '0/1:15,15:30:60', alt: '1/1:0,30:30:60', nocall: './.:.:.:.' };
/**
 * A seeded trio's query lines, made one at a time: mostly inherited common background, with de novo, recessive,
 * compound-het (every `comphetEvery`th), no-call and chrX sites among them, genes every 50 records.
 */
function* trioLines(n: number, comphetEvery = 53): Generator<string> {
  let s = 7;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const x = i >= n * 0.9;
    const chrom = x ? 'X' : '1';
    const pos = x ? 3_000_000 + (i - Math.floor(n * 0.9)) * 20 : 10_000 + i * 20;
    const gene = `GENE${Math.floor(i / 50)}`;
    const af = i % 997 === 0 || i % 1999 === 0 || i % comphetEvery === 0 ? 0.0001 : 0.2 + rnd() * 0.3;
    let gts: string[];
    if (i % 997 === 0) gts = [G.het, G.ref, G.ref];
    else if (i % 1999 === 0) gts = x ? [G.alt, G.ref, G.het] : [G.alt, G.het, G.het];
    else if (i % comphetEvery === 0) gts = [G.het, i % 2 ? G.het : G.ref, i % 2 ? G.ref : G.het];
    else if (i % 4001 === 0) gts = [G.het, G.ref, G.nocall];
    else {
      const [f, m] = [rnd() < 0.5 ? G.het : G.ref, rnd() < 0.5 ? G.het : G.ref];
      gts = [f === G.het && m === G.het ? G.alt : f === G.ref && m === G.ref ? G.ref : G.het, f, m];
      if (x) gts = [m === G.het ? G.alt : G.ref, rnd() < 0.5 ? G.alt : G.ref, m];
    }
    const info = `gnomad_popmax_af=${af.toFixed(4)};BCSQ=missense|${gene}|${gene}-201|protein_coding|+|10A>10T|${pos}C>T`;
    yield `${chrom}\t${pos}\tC\tT\tPASS\t${info}\t${gts.join('\t')}`;
  }
}

async function* lazily(lines: Iterable<string>): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

const counts = (r: FamilyTriageResult) => Object.fromEntries(r.modes.map((m) => [m.group, m.count]));

describe('streamed family triage', () => {
  it('gives the same result line by line as from the whole text, on a 100,000-record trio', async () => {
    const n = 100_000;
    const whole = buildTriage({ ...TEXTS, records: [...trioLines(n)].join('\n') + '\n' }, INPUTS, PARAMS);
    const streamed = await buildTriageFromLines(TEXTS, lazily(trioLines(n)), INPUTS, PARAMS);
    expect(streamed).toEqual(whole);
    expect(whole.records).toBe(n);
    // The generated sites are really found, so the comparison is not between two empty results.
    expect(counts(whole)).toMatchObject({ denovo: expect.any(Number), recessive: expect.any(Number) });
    for (const group of ['denovo', 'recessive', 'x-recessive', 'comphet'])
      expect(counts(whole)[group]).toBeGreaterThan(3);
    expect(whole.familyRows.map((r) => r['chrX sex'])).toEqual(['male', 'female', 'male']);
  }, 120_000);

  it('holds no records: the heap after 500,000 lines (≈75 MB of text) grows by far less than their size', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const builder = new TriageBuilder(TEXTS, INPUTS, PARAMS);
    gc();
    const before = process.memoryUsage().heapUsed;
    let bytes = 0;
    // Candidates as rare as in a real genome (a few hundred), so what the heap keeps would be the records.
    for (const line of trioLines(500_000, 4999)) {
      bytes += line.length;
      builder.line(line);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(bytes).toBeGreaterThan(70e6);
    // Only candidates are kept: well under a twentieth of the text (holding the records would take several times it).
    expect(grown).toBeLessThan(bytes / 20);
    expect(builder.finish().records).toBe(500_000);
  }, 300_000);

  it('runAnalysis hands the records step to parseLines as lines, never as one text', async () => {
    let textAsked = false;
    const outcome = await runAnalysis<FamilyTriageResult>(
      familyTriage,
      { variants: 'trio.vcf.gz', pedigree: 'trio.ped' },
      PARAMS,
      {
        readText: async () => PED,
        run: async (step) => {
          if (step.key === 'header') return { succeeded: true, text: HEADER };
          expect(step.streamed).toBe(true);
          return {
            succeeded: true,
            lines: () => lazily(trioLines(5_000)),
            get text(): string {
              textAsked = true;
              return '';
            },
          };
        },
      },
    );
    expect(outcome.ok && outcome.result.records).toBe(5_000);
    expect(textAsked).toBe(false);
  });
});
