// Conformance cases of the console's text tools (the busybox applets in wasm/tools.json), appended to the table
// in conformance-cases.mjs. The native reference is Debian's own busybox of the same source
// (`/usr/bin/busybox <applet> ...`, package busybox 1:1.35.0-4+deb12u1), on real data: 1000 Genomes VCF text,
// GENCODE exons, ex1 reads and reference.

const VCF = 'text/1kg_chr22_300.vcf';
const EXONS = 'gencode_excerpt.exons.bed';
const WINDOWS = 'ex1.windows200.bed';
const FASTQ = 'ex1.fastq';
const FA = 'ex1.fa';

/** [id, applet, args, inputs, extra] */
const table = [
  ['head-default', 'head', [VCF], [VCF]],
  ['head-n', 'head', ['-n', '40', VCF], [VCF]],
  ['head-c', 'head', ['-c', '500', FA], [FA]],
  ['head-two-files', 'head', ['-n', '3', EXONS, WINDOWS], [EXONS, WINDOWS]],
  ['tail-n', 'tail', ['-n', '5', VCF], [VCF]],
  ['tail-from-line', 'tail', ['-n', '+320', VCF], [VCF]],
  ['cat-files', 'cat', [WINDOWS, EXONS], [WINDOWS, EXONS]],
  ['cat-n', 'cat', ['-n', WINDOWS], [WINDOWS]],
  ['cut-fields', 'cut', ['-f', '1,2,4,5', VCF], [VCF]],
  ['cut-chars', 'cut', ['-c', '1-12', FASTQ], [FASTQ]],
  ['sort-bed', 'sort', ['-k1,1', '-k2,2n', EXONS], [EXONS]],
  ['sort-rn-column', 'sort', ['-t', '\t', '-k3,3rn', EXONS], [EXONS]],
  ['sort-u', 'sort', ['-u', '-k4,4', EXONS], [EXONS]],
  ['sort-whole-lines', 'sort', [FASTQ], [FASTQ]],
  ['uniq-c-prefix', 'uniq', ['-c', '-w', '5', WINDOWS], [WINDOWS]],
  ['uniq-d', 'uniq', ['-d', FASTQ], [FASTQ]],
  ['wc-files', 'wc', [VCF, FASTQ, EXONS], [VCF, FASTQ, EXONS]],
  ['wc-l', 'wc', ['-l', VCF], [VCF]],
  ['tr-complement', 'tr', ['ACGTacgt', 'TGCAtgca'], [], { stdin: FA }],
  ['tr-squeeze-delete', 'tr', ['-s', '\t', ' '], [], { stdin: VCF }],
  ['tr-delete-class', 'tr', ['-d', '[:digit:]'], [], { stdin: EXONS }],
  ['wc-stdin', 'wc', [], [], { stdin: FASTQ }],
  ['sort-stdin-rn', 'sort', ['-rn'], [], { stdin: WINDOWS }],
  ['grep-v-header', 'grep', ['-v', '^#', VCF], [VCF]],
  ['grep-c', 'grep', ['-c', 'PASS', VCF], [VCF]],
  ['grep-E-n', 'grep', ['-n', '-E', '\t(A|T)\t[CG]\t', VCF], [VCF]],
  ['grep-w-i', 'grep', ['-w', '-i', 'ensT00000456328', EXONS], [EXONS]],
  ['grep-F-o', 'grep', ['-F', '-o', 'GTGGTTT', FA], [FA]],
  ['grep-no-match', 'grep', ['-q', 'no such text', VCF], [VCF], { stderr: 'exact' }],
  ['grep-missing-file', 'grep', ['x', 'missing.txt'], [], { stderr: 'exact' }],
  ['sed-range', 'sed', ['-n', '29,33p', VCF], [VCF]],
  ['sed-subst', 'sed', ['-e', '/^#/d', '-e', 's/\t/,/g', VCF], [VCF]],
  ['sed-E-groups', 'sed', ['-E', 's/^(chr[0-9]+)\t([0-9]+)\t([0-9]+).*/\\1:\\2-\\3/', EXONS], [EXONS]],
  ['awk-count-by-key', 'awk', ['-F', '\t', '!/^#/ { n[$5]++ } END { for (k in n) print k, n[k] }', VCF], [VCF]],
  ['awk-sum-mean', 'awk', ['{ s += $3 - $2 } END { print s, s / NR, NR }', EXONS], [EXONS]],
  ['awk-printf-funcs', 'awk', ['-F', '\t', '!/^#/ { printf "%s:%d %s %.3f\\n", $1, $2, toupper(substr($4, 1, 1)), length($8) / 7 }', VCF], [VCF]],
  ['awk-split-gsub', 'awk', ['-F', '\t', '!/^#/ { k = split($8, a, ";"); gsub(/[AT]/, "w", $4); print NR, k, a[1], $4 }', VCF], [VCF]],
  ['zcat-bgzf', 'zcat', ['ex1.calls.vcf.gz'], ['ex1.calls.vcf.gz']],
  ['zcat-gzip', 'zcat', ['ex1_R1.fastq.gz'], ['ex1_R1.fastq.gz']],
  ['paste-files', 'paste', [WINDOWS, WINDOWS], [WINDOWS]],
  ['nl-lines', 'nl', [WINDOWS], [WINDOWS]],
  ['tac-lines', 'tac', [WINDOWS], [WINDOWS]],
  ['rev-lines', 'rev', [WINDOWS], [WINDOWS]],
  ['seq-range', 'seq', ['-s', ',', '1', '3', '100'], []],
  ['md5sum-file', 'md5sum', [VCF, FA], [VCF, FA]],
  ['sha256sum-file', 'sha256sum', [VCF], [VCF]],
  ['sort-missing-file', 'sort', ['missing.txt'], [], { stderr: 'exact' }],
];

/** @type {import('./conformance-cases.d.mts').ConformanceCase[]} */
export const textToolCases = table.map(([id, program, args, inputs, extra]) => ({
  id: `busybox-${id}`,
  program,
  args,
  inputs,
  native: ['busybox', program],
  ...extra,
}));

/** The applets above run the busybox build (public/wasm/busybox/<version>/busybox.{js,wasm}). */
export const textToolPrograms = Object.fromEntries(table.map(([, program]) => [program, 'busybox']));
