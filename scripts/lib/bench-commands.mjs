// The commands timed by bench:tools (native vs Node-wasm) and bench:browser (the same in Chromium), in one list
// so both benchmarks measure the same thing and their rows join by label.
//
// group: 'bgzf' = BGZF-bound (decompression + parsing dominate); 'minimap2'; 'other'
// stdout: file name in bench-data/out/ receiving stdout; out: files the command writes (removed between runs)
export const BENCH_COMMANDS = [
  { group: 'bgzf', program: 'samtools', args: ['view', '-c', 'reads.bam'], stdout: 'view-c.txt' },
  { group: 'bgzf', program: 'samtools', args: ['flagstat', 'reads.bam'], stdout: 'flagstat.txt' },
  { group: 'bgzf', program: 'samtools', args: ['stats', 'reads.bam'], stdout: 'stats.txt' },
  { group: 'bgzf', program: 'bcftools', args: ['stats', 'variants.vcf.gz'], stdout: 'bcftools-stats.txt' },
  {
    group: 'bgzf',
    program: 'bcftools',
    args: ['view', '-o', 'out/view.vcf', 'variants.vcf.gz'],
    out: ['out/view.vcf'],
  },
  {
    group: 'other',
    program: 'samtools',
    args: ['index', 'reads.bam', 'out/reads.bam.bai'],
    out: ['out/reads.bam.bai'],
  },
  { group: 'other', program: 'samtools', args: ['depth', '-a', '-r', 'chr4', 'reads.bam'], stdout: 'depth-chr4.txt' },
  {
    group: 'other',
    program: 'samtools',
    args: ['view', '-b', '-o', 'out/small.bam', 'reads_small.bam'],
    out: ['out/small.bam'],
  },
  {
    group: 'other',
    program: 'samtools',
    args: ['sort', '-n', '-o', 'out/small.byname.bam', 'reads_small.bam'],
    out: ['out/small.byname.bam'],
  },
  {
    group: 'other',
    program: 'bcftools',
    args: ['query', '-f', '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AF\n', 'variants.vcf.gz'],
    stdout: 'query.tsv',
  },
  {
    group: 'other',
    program: 'bcftools',
    args: [
      'view',
      '-r',
      'chr1,chr2',
      '-i',
      'QUAL>500 && INFO/AF>0.1',
      '-Oz',
      '-o',
      'out/filtered.vcf.gz',
      'variants.vcf.gz',
    ],
    out: ['out/filtered.vcf.gz'],
  },
  { group: 'other', program: 'bgzip', args: ['-c', 'sr_R1.fastq'], stdout: 'sr_R1.fastq.gz' },
  { group: 'other', program: 'bgzip', args: ['-d', '-c', 'reads_1M.fastq.gz'], stdout: 'reads_1M.fastq' },
  { group: 'other', program: 'seqtk', args: ['fqchk', 'reads_1M.fastq.gz'], stdout: 'fqchk.txt' },
  { group: 'other', program: 'seqtk', args: ['seq', '-a', 'reads_1M.fastq.gz'], stdout: 'reads_1M.fa' },
  {
    group: 'other',
    program: 'bedtools',
    args: ['genomecov', '-ibam', 'reads_small.bam', '-bg'],
    stdout: 'genomecov.bg',
  },
  {
    group: 'minimap2',
    program: 'minimap2',
    args: ['-x', 'sr', '-t', '1', 'ref.fa', 'sr_R1.fastq', 'sr_R2.fastq'],
    stdout: 'sr.paf',
  },
  {
    group: 'minimap2',
    program: 'minimap2',
    args: ['-x', 'map-ont', '-t', '1', 'ref.fa', 'ont.fastq'],
    stdout: 'ont.paf',
  },
];

/** The command as a shell line, quoting arguments with spaces or % (the row label both benchmarks print). */
export const benchLabel = (c) =>
  `${c.program} ${c.args.map((a) => (/[\s%]/.test(a) ? `'${a.replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'` : a)).join(' ')}`;

/** The commands whose line contains one of `only` (all of them when `only` is empty). */
export const selectBenchCommands = (only) =>
  BENCH_COMMANDS.filter((c) => !only.length || only.some((o) => `${c.program} ${c.args.join(' ')}`.includes(o)));
