#!/usr/bin/env node
// Writes test/fixtures/hotspots.grch38.bam(.bai): a synthetic tumour BAM on GRCh38-named/length contigs with reads
// only around a few hotspots of src/core/clinical/hotspots.json, at the real hotspot coordinates, with known variant
// fractions: KRAS G12D 25% (plus 6 duplicate alt reads that must not count), BRAF V600E 10%, EGFR exon 19 15-bp
// deletion 20%, PIK3CA H1047R 0% (covered, wild type), EGFR T790M thinly covered (8 reads). Seeded: rerunning
// reproduces the same reads. Needs native samtools (sort, index). Run from the repository root.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const hotspots = JSON.parse(readFileSync('src/core/clinical/hotspots.json', 'utf8')).hotspots;
const builds = readFileSync('src/core/files/reference-builds.ts', 'utf8');
const grch38 = builds.slice(builds.indexOf('GRCh38: {'));
const lengths = [...grch38.slice(0, grch38.indexOf('}')).matchAll(/'?(\w+)'?: (\d+),/g)].map((m) => [
  m[1],
  Number(m[2]),
]);

let seed = 20261125;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const base = () => 'ACGT'[Math.floor(random() * 4)];
const READ = 100;

/** A local reference window around a position, with every listed hotspot's reference base in place. */
function window(chrom, start) {
  const seq = Array.from({ length: 400 }, base);
  const from = start - 200;
  for (const h of hotspots)
    if (h.kind === 'snv' && h.chrom === chrom && h.grch38 >= from && h.grch38 < from + 400)
      seq[h.grch38 - from] = h.ref;
  return { from, seq };
}

const records = [];
let n = 0;
function addReads(h, count, altCount, { deletion = 0, duplicates = 0 } = {}) {
  const w = window(h.chrom, h.grch38);
  for (let i = 0; i < count + duplicates; i++) {
    const alt = i < altCount || i >= count;
    const offset = 20 + Math.floor(random() * 60); // the hotspot lies 20..79 bases into the read
    const pos = h.grch38 - offset;
    let seq = w.seq.slice(pos - w.from, pos - w.from + READ);
    let cigar = `${READ}M`;
    if (alt && deletion > 0) {
      // Reads skip `deletion` reference bases starting at the hotspot position.
      const keep = h.grch38 - pos;
      seq = [
        ...w.seq.slice(pos - w.from, h.grch38 - w.from),
        ...w.seq.slice(h.grch38 + deletion - w.from, h.grch38 + deletion - w.from + READ - keep),
      ];
      cigar = `${keep}M${deletion}D${READ - keep}M`;
    } else if (alt) seq[offset] = h.alt;
    const flag = (i % 2 ? 16 : 0) | (i >= count ? 1024 : 0);
    n += 1;
    records.push(
      [`r${n}`, flag, `chr${h.chrom}`, pos, 60, cigar, '*', 0, 0, seq.join(''), 'I'.repeat(READ)].join('\t'),
    );
  }
}

const byId = Object.fromEntries(hotspots.map((h) => [h.id, h]));
addReads(byId.KRAS_G12D, 200, 50, { duplicates: 6 });
addReads(byId.BRAF_V600E, 200, 20);
addReads(byId.EGFR_ex19del, 100, 20, { deletion: 15 });
addReads(byId.PIK3CA_H1047R, 120, 0);
addReads(byId.EGFR_T790M, 8, 2);

const header = [
  '@HD\tVN:1.6\tSO:unsorted',
  ...lengths.map(([name, length]) => `@SQ\tSN:chr${name === 'MT' ? 'M' : name}\tLN:${length}`),
  '@RG\tID:tumour\tSM:synthetic-tumour',
];
const sam = [...header, ...records.map((r) => `${r}\tRG:Z:tumour`)].join('\n') + '\n';
writeFileSync('/tmp/hotspots.grch38.sam', sam);
execFileSync('samtools', ['sort', '--no-PG', '-o', 'test/fixtures/hotspots.grch38.bam', '/tmp/hotspots.grch38.sam']);
execFileSync('samtools', ['index', 'test/fixtures/hotspots.grch38.bam']);
console.log(`${records.length} reads written to test/fixtures/hotspots.grch38.bam`);
