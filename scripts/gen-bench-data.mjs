#!/usr/bin/env node
// Generates the benchmark data set in bench-data/ (gitignored), deterministically (seeded), with the NATIVE
// samtools/bgzip/tabix for compression and indexing. Cached: a file is only regenerated when missing or when
// the generator parameters changed (bench-data/manifest.json). Usage: node scripts/gen-bench-data.mjs [--force]
//
//   ref.fa(.fai)              10 Mb generated genome, 4 chromosomes, ~41% GC, with ~3% duplicated segments
//   reads.bam(.bai)           simulated Illumina 2x150 reads, true alignments: 2 of every 3 pairs of the
//                             FASTQ below (~667k reads, 10x), ~100 MB
//   reads_small.bam(.bai)     every 10th pair (~15 MB), for the slower commands
//   reads_1M.fastq.gz         1M reads (500k pairs) as FASTQ (interleaved pairs), BGZF-compressed
//   sr_R1.fastq / sr_R2.fastq every 10th pair (50k pairs) for minimap2 -x sr
//   ont.fastq                 2000 ONT-like reads (1-10 kb, ~7% errors) sampled from ref.fa
//   variants.vcf.gz(.tbi)     2M records, 8 samples (GT:GQ:DP:AD), human-like contigs, BGZF + tabix
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-data');
const force = process.argv.includes('--force');
const PARAMS = {
  version: 3,
  seed: 20261125,
  chroms: [
    ['chr1', 4_000_000],
    ['chr2', 3_000_000],
    ['chr3', 2_000_000],
    ['chr4', 1_000_000],
  ],
  pairs: 500_000,
  readLen: 150,
  insertMean: 350,
  insertSd: 50,
  errorRate: 0.005,
  srPairsEvery: 10,
  smallEvery: 10,
  ontReads: 2000,
  vcfRecords: 2_000_000,
  vcfSamples: 8,
};
mkdirSync(out, { recursive: true });
const manifestPath = join(out, 'manifest.json');
const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
const paramsKey = JSON.stringify(PARAMS);
if (force || manifest.params !== paramsKey) {
  for (const f of [
    'ref.fa',
    'reads.bam',
    'reads_small.bam',
    'reads_1M.fastq.gz',
    'sr_R1.fastq',
    'ont.fastq',
    'variants.vcf.gz',
  ]) {
    rmSync(join(out, f), { force: true });
  }
}
const t0 = Date.now();
const log = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ------------------------------------------------------------------------------------------------ helpers
function prng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare = null;
  next.gauss = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = next() || 1e-12;
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return next;
}

/** A writable sink (file or child stdin) with a string buffer and backpressure. */
function sink(stream) {
  let buf = [];
  let size = 0;
  const flush = async () => {
    if (!size) return;
    const chunk = buf.join('');
    buf = [];
    size = 0;
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  };
  return {
    async write(s) {
      buf.push(s);
      size += s.length;
      if (size > 1 << 22) await flush();
    },
    async end() {
      await flush();
      await new Promise((r) => stream.end(r));
    },
  };
}

function pipeTo(cmd, args, outFile) {
  const child = spawn(cmd, args, { stdio: ['pipe', outFile ? 'pipe' : 'inherit', 'inherit'] });
  if (outFile) child.stdout.pipe(createWriteStream(outFile));
  const done = new Promise((res, rej) =>
    child.on('close', (code) => (code === 0 ? res() : rej(new Error(`${cmd} ${args.join(' ')} exited ${code}`)))),
  );
  return { stdin: child.stdin, done };
}

function runCmd(cmd, args) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', rej);
    child.on('close', (code) => (code === 0 ? res() : rej(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

const BASES = 'ACGT';
const COMP = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
const revcomp = (s) => {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += COMP[s[i]];
  return r;
};

// ------------------------------------------------------------------------------------------------ reference
const refPath = join(out, 'ref.fa');
const genome = new Map();
{
  const rand = prng(PARAMS.seed);
  for (const [name, len] of PARAMS.chroms) {
    const seq = new Uint8Array(len);
    for (let i = 0; i < len; i++) {
      const r = rand();
      // 41% GC
      seq[i] = r < 0.295 ? 65 : r < 0.5 ? 84 : r < 0.705 ? 67 : 71;
    }
    // duplicated segments (~3%): copy 300 bp - 5 kb segments elsewhere, 1% diverged
    let copied = 0;
    while (copied < len * 0.03) {
      const l = rand.int(300, 5000);
      const from = rand.int(0, len - l - 1);
      const to = rand.int(0, len - l - 1);
      for (let i = 0; i < l; i++) seq[to + i] = rand() < 0.01 ? BASES.charCodeAt(rand.int(0, 3)) : seq[from + i];
      copied += l;
    }
    genome.set(name, seq);
  }
  if (!existsSync(refPath)) {
    const lines = [];
    for (const [name, seq] of genome) {
      lines.push(`>${name}\n`);
      const s = Buffer.from(seq).toString('latin1');
      for (let i = 0; i < s.length; i += 60) lines.push(`${s.slice(i, i + 60)}\n`);
    }
    writeFileSync(refPath, lines.join(''));
    await runCmd('samtools', ['faidx', refPath]);
    log('ref.fa written');
  }
}

// ------------------------------------------------------------------------------------------------ reads
const bamPath = join(out, 'reads.bam');
if (
  !existsSync(bamPath) ||
  !existsSync(join(out, 'reads_1M.fastq.gz')) ||
  !existsSync(join(out, 'sr_R1.fastq')) ||
  !existsSync(join(out, 'reads_small.bam'))
) {
  const rand = prng(PARAMS.seed + 1);
  const L = PARAMS.readLen;
  // sample's variants: 1 per 1000 bp, 1/3 homozygous
  const variants = new Map();
  for (const [name, seq] of genome) {
    const alt = new Uint8Array(seq.length); // 0: none; else ALT base code; hom flag in bit 7
    for (let p = rand.int(1, 2000); p < seq.length; p += rand.int(1, 2000)) {
      let b = BASES.charCodeAt(rand.int(0, 3));
      if (b === seq[p]) b = BASES.charCodeAt((BASES.indexOf(String.fromCharCode(b)) + 1) % 4);
      alt[p] = b | (rand() < 0.33 ? 0x80 : 0);
    }
    variants.set(name, alt);
  }
  const qualMeanTab = Array.from({ length: L }, (_, i) => Math.round(37 - (i / L) * 8));
  const gaussTab = Array.from({ length: 4096 }, () => Math.round(rand.gauss() * 3));
  const BASE_CODES = [65, 67, 71, 84];
  const err1 = PARAMS.errorRate;
  const err2 = PARAMS.errorRate * 2;
  const seqBuf = Buffer.alloc(L);
  const qualBuf = Buffer.alloc(L);
  const header =
    '@HD\tVN:1.6\tSO:coordinate\n' +
    [...genome].map(([n, s]) => `@SQ\tSN:${n}\tLN:${s.length}\n`).join('') +
    '@RG\tID:sim\tSM:bench\tPL:ILLUMINA\n';
  const bam = pipeTo('samtools', ['view', '--no-PG', '-@', '1', '-b', '-o', bamPath, '-']);
  const small = pipeTo('samtools', ['view', '--no-PG', '-b', '-o', join(out, 'reads_small.bam'), '-']);
  const fq = pipeTo('bgzip', ['-@', '1', '-c'], join(out, 'reads_1M.fastq.gz'));
  const bamOut = sink(bam.stdin);
  const smallOut = sink(small.stdin);
  const fqOut = sink(fq.stdin);
  const sr1 = sink(createWriteStream(join(out, 'sr_R1.fastq')));
  const sr2 = sink(createWriteStream(join(out, 'sr_R2.fastq')));
  await bamOut.write(header);
  await smallOut.write(header);
  const total = [...genome.values()].reduce((a, s) => a + s.length, 0);
  let pairNo = 0;
  for (const [chrom, seq] of genome) {
    const alt = variants.get(chrom);
    const nPairs = Math.round((PARAMS.pairs * seq.length) / total);
    // fragment starts, sorted
    const starts = new Float64Array(nPairs);
    for (let i = 0; i < nPairs; i++) starts[i] = Math.floor(rand() * (seq.length - 1000));
    starts.sort();
    const pending = []; // mates waiting to be written in coordinate order: [pos, samLine, small]
    const emitUpTo = async (pos) => {
      pending.sort((a, b) => a[0] - b[0]);
      let k = 0;
      while (k < pending.length && pending[k][0] <= pos) {
        if (pending[k][3]) await bamOut.write(pending[k][1]);
        if (pending[k][2]) await smallOut.write(pending[k][1]);
        k++;
      }
      pending.splice(0, k);
    };
    for (let i = 0; i < nPairs; i++) {
      const start = starts[i];
      const ins = Math.max(L + 20, Math.round(PARAMS.insertMean + rand.gauss() * PARAMS.insertSd));
      const hap = rand() < 0.5;
      const fragEnd = Math.min(start + ins, seq.length);
      const p1 = start;
      const p2 = fragEnd - L;
      const name = `SIM:1:FC:1:${1101 + (pairNo % 20)}:${pairNo}`;
      const mk = (pos) => {
        let nm = 0;
        for (let j = 0; j < L; j++) {
          const p = pos + j;
          let b = seq[p];
          const a = alt[p];
          if (a && (a & 0x80 || hap)) b = a & 0x7f;
          let qq = qualMeanTab[j] + gaussTab[(rand() * 4096) | 0];
          if (rand() < (j > 120 ? err2 : err1)) {
            b = BASE_CODES[(rand() * 4) | 0];
            qq = Math.min(qq, 2 + ((rand() * 19) | 0));
          }
          if (b !== seq[p]) nm++;
          seqBuf[j] = b;
          qualBuf[j] = 33 + (qq < 2 ? 2 : qq > 41 ? 41 : qq);
        }
        return [seqBuf.toString('latin1'), qualBuf.toString('latin1'), nm];
      };
      const [s1, q1, nm1] = mk(p1);
      const [s2, q2, nm2] = mk(p2);
      const top = rand() < 0.5; // fragment from top strand: read1 forward
      const tlen = fragEnd - start;
      // read1 at p1 forward (flag 99) and read2 at p2 reverse (147), or read2 at p1 forward (163) and read1 at p2 reverse (83)
      const fl = top ? [99, 147] : [163, 83];
      const line1 = `${name}\t${fl[0]}\t${chrom}\t${p1 + 1}\t60\t${L}M\t=\t${p2 + 1}\t${tlen}\t${s1}\t${q1}\tNM:i:${nm1}\tRG:Z:sim\n`;
      const line2 = `${name}\t${fl[1]}\t${chrom}\t${p2 + 1}\t60\t${L}M\t=\t${p1 + 1}\t${-tlen}\t${s2}\t${q2}\tNM:i:${nm2}\tRG:Z:sim\n`;
      const inSmall = pairNo % PARAMS.smallEvery === 0;
      const inBam = pairNo % 3 !== 2;
      await emitUpTo(p1);
      if (inBam) await bamOut.write(line1);
      if (inSmall) await smallOut.write(line1);
      pending.push([p2, line2, inSmall, inBam]);
      // FASTQ: reads as sequenced (reverse-strand reads reverse-complemented back)
      const r1 = top ? [s1, q1] : [revcomp(s2), [...q2].reverse().join('')];
      const r2 = top ? [revcomp(s2), [...q2].reverse().join('')] : [s1, q1];
      await fqOut.write(`@${name}/1\n${r1[0]}\n+\n${r1[1]}\n@${name}/2\n${r2[0]}\n+\n${r2[1]}\n`);
      if (pairNo % PARAMS.srPairsEvery === 0) {
        await sr1.write(`@${name}\n${r1[0]}\n+\n${r1[1]}\n`);
        await sr2.write(`@${name}\n${r2[0]}\n+\n${r2[1]}\n`);
      }
      pairNo++;
      if (pairNo % 100_000 === 0) log(`${pairNo} pairs`);
    }
    await emitUpTo(Infinity);
  }
  await Promise.all([bamOut.end(), smallOut.end(), fqOut.end(), sr1.end(), sr2.end()]);
  await Promise.all([bam.done, small.done, fq.done]);
  await runCmd('samtools', ['index', bamPath]);
  await runCmd('samtools', ['index', join(out, 'reads_small.bam')]);
  log(`reads.bam, reads_small.bam, reads_1M.fastq.gz, sr_R{1,2}.fastq written (${pairNo} pairs)`);
}

// ------------------------------------------------------------------------------------------------ ONT reads
if (!existsSync(join(out, 'ont.fastq'))) {
  const rand = prng(PARAMS.seed + 2);
  const o = sink(createWriteStream(join(out, 'ont.fastq')));
  const names = [...genome.keys()];
  for (let i = 0; i < PARAMS.ontReads; i++) {
    const chrom = names[rand.int(0, names.length - 1)];
    const seq = genome.get(chrom);
    const len = Math.round(1000 + Math.min(9000, -Math.log(rand() || 1e-9) * 4000));
    const start = rand.int(0, seq.length - len - 1);
    let frag = Buffer.from(seq.subarray(start, start + len)).toString('latin1');
    const strand = rand() < 0.5 ? '+' : '-';
    if (strand === '-') frag = revcomp(frag);
    let s = '';
    let q = '';
    for (let j = 0; j < frag.length; j++) {
      const b = frag[j];
      const e = rand();
      if (e < 0.028) {
        s += BASES[rand.int(0, 3)];
        q += String.fromCharCode(33 + rand.int(3, 10));
      } else if (e < 0.049) {
        // deletion
      } else if (e < 0.07) {
        s += BASES[rand.int(0, 3)] + b;
        q += String.fromCharCode(33 + rand.int(3, 9), 33 + rand.int(8, 20));
      } else {
        s += b;
        q += String.fromCharCode(33 + rand.int(10, 30));
      }
    }
    await o.write(`@ont_${i} ${chrom}:${start + 1}-${start + len}${strand}\n${s}\n+\n${q}\n`);
  }
  await o.end();
  log('ont.fastq written');
}

// ------------------------------------------------------------------------------------------------ VCF
const vcfPath = join(out, 'variants.vcf.gz');
if (!existsSync(vcfPath)) {
  const rand = prng(PARAMS.seed + 3);
  // GRCh38 autosome lengths (chr1..chr22)
  const human = [
    248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973, 145138636, 138394717, 133797422,
    135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441, 80373285, 58617616, 64444167, 46709983,
    50818468,
  ];
  const totalLen = human.reduce((a, b) => a + b, 0);
  const samples = Array.from({ length: PARAMS.vcfSamples }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
  const bg = pipeTo('bgzip', ['-@', '1', '-c'], vcfPath);
  const v = sink(bg.stdin);
  await v.write(
    '##fileformat=VCFv4.2\n' +
      human.map((l, i) => `##contig=<ID=chr${i + 1},length=${l}>\n`).join('') +
      '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes">\n' +
      '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">\n' +
      '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">\n' +
      '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">\n' +
      '##FILTER=<ID=LowQual,Description="Low quality">\n' +
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n' +
      '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">\n' +
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">\n' +
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n' +
      `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${samples.join('\t')}\n`,
  );
  let n = 0;
  for (let c = 0; c < human.length; c++) {
    const count = Math.round((PARAMS.vcfRecords * human[c]) / totalLen);
    const gap = human[c] / count;
    let pos = 0;
    for (let i = 0; i < count; i++) {
      pos += 1 + Math.floor(rand() * 2 * gap - 1);
      if (pos > human[c] - 10) break;
      const ref = BASES[rand.int(0, 3)];
      const kind = rand();
      let altA;
      if (kind < 0.85) altA = BASES[(BASES.indexOf(ref) + rand.int(1, 3)) % 4];
      else if (kind < 0.93) altA = ref + BASES[rand.int(0, 3)] + (rand() < 0.5 ? BASES[rand.int(0, 3)] : '');
      else altA = null; // deletion
      const refA = altA === null ? ref + BASES[rand.int(0, 3)] + BASES[rand.int(0, 3)] : ref;
      const alt = altA === null ? ref : altA;
      const af = Math.min(0.99, Math.pow(rand(), 2.5) + 0.005);
      let ac = 0;
      let dpTot = 0;
      const gts = [];
      for (let s = 0; s < samples.length; s++) {
        const a1 = rand() < af ? 1 : 0;
        const a2 = rand() < af ? 1 : 0;
        ac += a1 + a2;
        const dp = Math.max(0, Math.round(30 + rand.gauss() * 8));
        dpTot += dp;
        const altReads =
          a1 + a2 === 0 ? (rand() < 0.05 ? 1 : 0) : a1 + a2 === 2 ? dp : Math.round(dp * (0.35 + rand() * 0.3));
        const gq = Math.min(99, Math.max(1, Math.round(60 + rand.gauss() * 25)));
        gts.push(rand() < 0.01 ? './.:.:0:0,0' : `${a1}/${a2}:${gq}:${dp}:${dp - altReads},${altReads}`);
      }
      const an = samples.length * 2;
      const qual = (20 + rand() * 980).toFixed(2);
      const filter = Number(qual) < 50 ? 'LowQual' : 'PASS';
      const id = rand() < 0.6 ? `rs${100000 + n}` : '.';
      await v.write(
        `chr${c + 1}\t${pos}\t${id}\t${refA}\t${alt}\t${qual}\t${filter}\tAC=${ac};AN=${an};AF=${(ac / an).toFixed(4)};DP=${dpTot}\tGT:GQ:DP:AD\t${gts.join('\t')}\n`,
      );
      n++;
    }
    log(`chr${c + 1}: ${n} records`);
  }
  await v.end();
  await bg.done;
  await runCmd('tabix', ['-f', '-p', 'vcf', vcfPath]);
  log(`variants.vcf.gz written (${n} records)`);
}

writeFileSync(manifestPath, `${JSON.stringify({ params: paramsKey, generated: new Date().toISOString() }, null, 2)}\n`);
log('bench data ready in bench-data/');
