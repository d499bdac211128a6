// The conformance table shared by scripts/make-expected.mjs (runs the NATIVE tools and records their output in
// test/fixtures/expected/) and test/wasm/conformance.test.ts (runs the wasm builds and compares).
//
// A case is one command (natively `native` + args when set, e.g. `busybox head ...`; standard input from the
// fixture `stdin` when set) run in an empty temporary directory into which `inputs` (paths relative to
// test/fixtures/) are copied, keeping their relative path. The tool's stdout, the files listed in `outputs`
// and the exit status must equal the native run. stderr is compared only where `stderr: 'exact'` (the failure
// cases): on success several tools print timings or progress on stderr.
//
// How a stream or file is compared (`kind`):
//   text       normalised text (see normaliseText)
//   bytes      raw bytes, no normalisation at all
//   bgzf-text  BGZF/gzip-decompressed, then normalised text (VCF.gz written with a command-line header line)
//   bam        BGZF-decompressed BAM; its header text normalised, everything after the header raw bytes
//   bcf        BGZF-decompressed BCF; likewise
//   sorted-bed text, with lines whose sort key (chrom, start) is equal put in one fixed order: bedtools sort
//              uses std::sort, which leaves the order of equal keys unspecified, and the native (libstdc++) and
//              wasm (libc++) implementations break such ties differently. Everything else must be identical.
// Byte identity of compressed output is asserted by the `bytes` cases (bgzip -c, --no-PG/--no-version
// writers, indexes), so a compression difference between the builds shows up as a failure there. Decision:
// BGZF output is compared as bytes wherever the tool can be told to leave out its @PG/version lines; both
// builds use libdeflate 1.14 at the same level and these bytes do match. Where the output necessarily carries
// @PG / ##bcftools_*Command lines, it is compared decompressed with exactly those lines normalised.
//
// Normalisation removes exactly the lines that record the program version, its command line or the working
// directory of the run, and a wall-clock timing line; nothing else:
//   SAM/BAM header     `@PG` lines
//   VCF/BCF header     `##bcftools[_<cmd>]Version=` and `##bcftools[_<cmd>]Command=` lines (the latter has a Date;
//                      <cmd> may contain '-', e.g. split-vep; mpileup writes them without `_<cmd>`)
//   stats reports      `# This file was produced by ...`, `# The command line was:...` (samtools/bcftools stats)
//   bcftools gtcheck   the `# This file was produced by bcftools (...), the command line was:` block
//                      (5 lines incl. the working directory) and `INFO\tTime required to process one record`
import { gunzipSync } from 'node:zlib';
import { textToolCases, textToolPrograms } from './text-tools-cases.mjs';

/** program name -> tool directory under public/wasm/<tool>/<version>/ */
export const programTools = {
  samtools: 'samtools',
  bcftools: 'bcftools',
  bgzip: 'htslib',
  tabix: 'htslib',
  htsfile: 'htslib',
  minimap2: 'minimap2',
  seqtk: 'seqtk',
  bedtools: 'bedtools',
  ...textToolPrograms,
};

const BAM = 'ex1.bam';
const BAI = 'ex1.bam.bai';
const FA = ['ex1.fa', 'ex1.fa.fai'];
const KG = '1kg_phase1_chr22_5samples.vcf.gz';
const KGI = [KG, `${KG}.tbi`];
const KGB = '1kg_phase1_chr22_5samples.bcf';
const KGBI = [KGB, `${KGB}.csi`];
const KG_REGION = '22:50300000-50320000';
const CALLS = ['ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'];
const GTF = ['gencode_excerpt.gtf.gz', 'gencode_excerpt.gtf.gz.tbi'];

/** @type {import('./conformance-cases.d.mts').ConformanceCase[]} */
export const cases = [
  // ---------------------------------------------------------------- samtools
  { id: 'samtools-view-sam-region', program: 'samtools', args: ['view', '-h', BAM, 'seq2:450-550'], inputs: [BAM, BAI] },
  { id: 'samtools-view-count', program: 'samtools', args: ['view', '-c', BAM], inputs: [BAM] },
  { id: 'samtools-view-count-filtered-region', program: 'samtools', args: ['view', '-c', '-f', '2', '-q', '30', BAM, 'seq1:100-1000'], inputs: [BAM, BAI] },
  { id: 'samtools-view-sam-to-bam-stdout', program: 'samtools', args: ['view', '--no-PG', '-b', 'toy.sam'], inputs: ['toy.sam'], stdout: 'bytes' },
  { id: 'samtools-view-bam-region-to-file', program: 'samtools', args: ['view', '-b', '-o', 'seq1.bam', BAM, 'seq1'], inputs: [BAM, BAI], outputs: [{ path: 'seq1.bam', kind: 'bam' }] },
  { id: 'samtools-view-cram-region', program: 'samtools', args: ['view', '-h', '-T', 'ex1.fa', 'ex1.cram', 'seq1:1-200'], inputs: ['ex1.cram', 'ex1.cram.crai', ...FA] },
  { id: 'samtools-view-bam-to-cram', program: 'samtools', args: ['view', '--no-PG', '-C', '-T', 'ex1.fa', '-o', 'out.cram', BAM], inputs: [BAM, ...FA], outputs: [{ path: 'out.cram', kind: 'bytes' }] },
  { id: 'samtools-sort-by-name', program: 'samtools', args: ['sort', '-n', '-o', 'byname.bam', BAM], inputs: [BAM], outputs: [{ path: 'byname.bam', kind: 'bam' }] },
  { id: 'samtools-sort-coordinate', program: 'samtools', args: ['sort', '--no-PG', '-o', 'sorted.bam', 'ex1.byname.bam'], inputs: ['ex1.byname.bam'], outputs: [{ path: 'sorted.bam', kind: 'bytes' }] },
  { id: 'samtools-sort-toy-no-pg', program: 'samtools', args: ['sort', '--no-PG', '-o', 'toy.sorted.bam', 'toy.sam'], inputs: ['toy.sam'], outputs: [{ path: 'toy.sorted.bam', kind: 'bytes' }] },
  { id: 'samtools-index-bai', program: 'samtools', args: ['index', BAM], inputs: [BAM], outputs: [{ path: BAI, kind: 'bytes' }] },
  { id: 'samtools-index-csi', program: 'samtools', args: ['index', '-c', BAM], inputs: [BAM], outputs: [{ path: 'ex1.bam.csi', kind: 'bytes' }] },
  { id: 'samtools-flagstat', program: 'samtools', args: ['flagstat', BAM], inputs: [BAM] },
  { id: 'samtools-stats', program: 'samtools', args: ['stats', BAM], inputs: [BAM] },
  { id: 'samtools-stats-ref-region', program: 'samtools', args: ['stats', '-r', 'ex1.fa', BAM, 'seq2'], inputs: [BAM, BAI, ...FA] },
  { id: 'samtools-idxstats', program: 'samtools', args: ['idxstats', BAM], inputs: [BAM, BAI] },
  { id: 'samtools-depth', program: 'samtools', args: ['depth', '-a', BAM], inputs: [BAM] },
  { id: 'samtools-coverage', program: 'samtools', args: ['coverage', BAM], inputs: [BAM] },
  { id: 'samtools-faidx-regions', program: 'samtools', args: ['faidx', 'ex1.fa', 'seq1:100-200', 'seq2:1-50'], inputs: FA },
  { id: 'samtools-faidx-build-index', program: 'samtools', args: ['faidx', 'MT-human.fa'], inputs: ['MT-human.fa'], outputs: [{ path: 'MT-human.fa.fai', kind: 'bytes' }] },
  { id: 'samtools-mpileup', program: 'samtools', args: ['mpileup', '-f', 'ex1.fa', '-r', 'seq2:400-600', BAM], inputs: [BAM, BAI, ...FA] },
  { id: 'samtools-consensus', program: 'samtools', args: ['consensus', '-f', 'fasta', '-o', 'consensus.fa', BAM], inputs: [BAM], outputs: [{ path: 'consensus.fa', kind: 'text' }] },
  { id: 'samtools-bedcov', program: 'samtools', args: ['bedcov', 'ex1.windows200.bed', BAM], inputs: ['ex1.windows200.bed', BAM, BAI] },
  { id: 'samtools-import-paired', program: 'samtools', args: ['import', '-1', 'ex1_R1.fastq.gz', '-2', 'ex1_R2.fastq.gz'], inputs: ['ex1_R1.fastq.gz', 'ex1_R2.fastq.gz'] },
  { id: 'samtools-fastq-read1', program: 'samtools', args: ['fastq', '-f', '64', BAM], inputs: [BAM] },
  { id: 'samtools-fastq-paired-files', program: 'samtools', args: ['fastq', '-1', 'r1.fq.gz', '-2', 'r2.fq.gz', '-s', 'single.fq', BAM], inputs: [BAM], outputs: [{ path: 'r1.fq.gz', kind: 'bgzf-text' }, { path: 'r2.fq.gz', kind: 'bgzf-text' }, { path: 'single.fq', kind: 'text' }] },

  // ---------------------------------------------------------------- bcftools
  { id: 'bcftools-view-region', program: 'bcftools', args: ['view', '-r', KG_REGION, KG], inputs: KGI },
  { id: 'bcftools-view-bcf-samples', program: 'bcftools', args: ['view', '-H', '-s', 'HG00096,HG00100', '-r', KG_REGION, KGB], inputs: KGBI },
  { id: 'bcftools-view-count-filter', program: 'bcftools', args: ['view', '-H', '-i', 'INFO/AF>0.4 && INFO/VT="SNP"', '-G', KG], inputs: KGI },
  { id: 'bcftools-view-to-bcf-no-version', program: 'bcftools', args: ['view', '--no-version', '-Ob', '-o', 'out.bcf', KG], inputs: KGI, outputs: [{ path: 'out.bcf', kind: 'bytes' }] },
  { id: 'bcftools-view-to-vcfgz', program: 'bcftools', args: ['view', '-Oz', '-o', 'out.vcf.gz', '-r', KG_REGION, KGB], inputs: KGBI, outputs: [{ path: 'out.vcf.gz', kind: 'bgzf-text' }] },
  { id: 'bcftools-view-to-bcf', program: 'bcftools', args: ['view', '-Ob', '-o', 'region.bcf', '-r', KG_REGION, KG], inputs: KGI, outputs: [{ path: 'region.bcf', kind: 'bcf' }] },
  { id: 'bcftools-query', program: 'bcftools', args: ['query', '-f', '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AF[\t%GT]\n', '-r', KG_REGION, KG], inputs: KGI },
  { id: 'bcftools-query-samples', program: 'bcftools', args: ['query', '-l', KGB], inputs: [KGB] },
  { id: 'bcftools-stats', program: 'bcftools', args: ['stats', KG], inputs: [KG] },
  { id: 'bcftools-stats-bcf-samples', program: 'bcftools', args: ['stats', '-s', '-', KGB], inputs: [KGB] },
  { id: 'bcftools-filter-soft', program: 'bcftools', args: ['filter', '-s', 'LowAF', '-e', 'INFO/AF<0.05', '-r', KG_REGION, KG], inputs: KGI },
  { id: 'bcftools-norm-split-multiallelic', program: 'bcftools', args: ['norm', '-m', '-any', '-r', 'seq1:1-120', 'ex1.mpileup.bcf'], inputs: ['ex1.mpileup.bcf', 'ex1.mpileup.bcf.csi'] },
  { id: 'bcftools-norm-left-align', program: 'bcftools', args: ['norm', '-f', 'ex1.fa', 'ex1.calls.vcf.gz'], inputs: [...CALLS, ...FA] },
  { id: 'bcftools-mpileup', program: 'bcftools', args: ['mpileup', '-f', 'ex1.fa', '-r', 'seq2:400-600', BAM], inputs: [BAM, BAI, ...FA] },
  { id: 'bcftools-call-multiallelic', program: 'bcftools', args: ['call', '-mv', 'ex1.mpileup.bcf'], inputs: ['ex1.mpileup.bcf'] },
  { id: 'bcftools-call-consensus-caller', program: 'bcftools', args: ['call', '-c', '-r', 'seq2:1-200', 'ex1.mpileup.bcf'], inputs: ['ex1.mpileup.bcf', 'ex1.mpileup.bcf.csi'] },
  { id: 'bcftools-index-csi', program: 'bcftools', args: ['index', KGB], inputs: [KGB], outputs: [{ path: `${KGB}.csi`, kind: 'bytes' }] },
  { id: 'bcftools-index-tbi', program: 'bcftools', args: ['index', '-t', KG], inputs: [KG], outputs: [{ path: `${KG}.tbi`, kind: 'bytes' }] },
  { id: 'bcftools-index-stats', program: 'bcftools', args: ['index', '--stats', KGB], inputs: KGBI },
  { id: 'bcftools-consensus', program: 'bcftools', args: ['consensus', '-f', 'ex1.fa', 'ex1.calls.vcf.gz'], inputs: [...CALLS, ...FA] },
  { id: 'bcftools-gtcheck', program: 'bcftools', args: ['gtcheck', '-g', KGB, KG], inputs: [...KGI, ...KGBI] },
  { id: 'bcftools-annotate-remove', program: 'bcftools', args: ['annotate', '-x', 'INFO/LDAF,INFO/AVGPOST,FORMAT/GL', '-r', KG_REGION, KG], inputs: KGI },
  { id: 'bcftools-annotate-set-id', program: 'bcftools', args: ['annotate', '--set-id', '+%CHROM\\_%POS\\_%REF\\_%FIRST_ALT', 'ex1.calls.vcf.gz'], inputs: CALLS },
  { id: 'bcftools-plugin-fill-tags', program: 'bcftools', args: ['+fill-tags', '-r', KG_REGION, KG, '--', '-t', 'AF,AC,AN,MAF,HWE,ExcHet'], inputs: KGI },
  { id: 'bcftools-plugin-split-vep', program: 'bcftools', args: ['+split-vep', '-f', '%CHROM\t%POS\t%REF\t%ALT\t%SYMBOL\t%Consequence\t%IMPACT\n', '-s', 'worst', 'vep_csq_chr1.vcf.gz'], inputs: ['vep_csq_chr1.vcf.gz'] },
  { id: 'bcftools-plugin-split-vep-columns', program: 'bcftools', args: ['+split-vep', '-c', 'SYMBOL,gnomAD_AF:Float', '-s', 'primary', 'vep_csq_chr1.vcf.gz'], inputs: ['vep_csq_chr1.vcf.gz'] },
  { id: 'bcftools-plugin-setGT', program: 'bcftools', args: ['+setGT', '-r', KG_REGION, KG, '--', '-t', 'q', '-n', '.', '-i', 'FMT/DS>0.5 && FMT/DS<1.5'], inputs: KGI },
  { id: 'bcftools-plugin-counts', program: 'bcftools', args: ['+counts', KG], inputs: [KG] },

  // ---------------------------------------------------------------- htslib: bgzip, tabix, htsfile
  { id: 'bgzip-compress-stdout', program: 'bgzip', args: ['-c', 'MT-human.fa'], inputs: ['MT-human.fa'], stdout: 'bytes' },
  { id: 'bgzip-compress-file-with-index', program: 'bgzip', args: ['-i', 'ex1.fastq'], inputs: ['ex1.fastq'], outputs: [{ path: 'ex1.fastq.gz', kind: 'bytes' }, { path: 'ex1.fastq.gz.gzi', kind: 'bytes' }] },
  { id: 'bgzip-decompress-stdout', program: 'bgzip', args: ['-d', '-c', KG], inputs: [KG] },
  { id: 'bgzip-decompress-file', program: 'bgzip', args: ['-d', 'vep_csq_chr1.vcf.gz'], inputs: ['vep_csq_chr1.vcf.gz'], outputs: [{ path: 'vep_csq_chr1.vcf', kind: 'bytes' }] },
  { id: 'bgzip-reindex', program: 'bgzip', args: ['-r', KG], inputs: [KG], outputs: [{ path: `${KG}.gzi`, kind: 'bytes' }] },
  { id: 'bgzip-test-ok', program: 'bgzip', args: ['-t', KG], inputs: [KG] },
  { id: 'tabix-index-vcf', program: 'tabix', args: ['-p', 'vcf', KG], inputs: [KG], outputs: [{ path: `${KG}.tbi`, kind: 'bytes' }] },
  { id: 'tabix-index-gff-csi', program: 'tabix', args: ['-p', 'gff', '-C', 'gencode_excerpt.gtf.gz'], inputs: ['gencode_excerpt.gtf.gz'], outputs: [{ path: 'gencode_excerpt.gtf.gz.csi', kind: 'bytes' }] },
  { id: 'tabix-query-vcf', program: 'tabix', args: ['-h', KG, KG_REGION], inputs: KGI },
  { id: 'tabix-query-gtf', program: 'tabix', args: ['gencode_excerpt.gtf.gz', 'chr1:10000-20000'], inputs: GTF },
  { id: 'tabix-list-chroms', program: 'tabix', args: ['-l', 'gencode_excerpt.gtf.gz'], inputs: GTF },
  { id: 'htsfile-formats', program: 'htsfile', args: [BAM, 'ex1.cram', KG, KGB, 'ex1.fa', 'ex1.fastq', 'ex1_R1.fastq.gz', 'gencode_excerpt.gtf.gz', 'toy.sam', 'ex1.bam.bai'], inputs: [BAM, 'ex1.cram', KG, KGB, 'ex1.fa', 'ex1.fastq', 'ex1_R1.fastq.gz', 'gencode_excerpt.gtf.gz', 'toy.sam', 'ex1.bam.bai'] },
  { id: 'htsfile-view-header', program: 'htsfile', args: ['-h', 'ex1.cram'], inputs: ['ex1.cram'] },

  // ---------------------------------------------------------------- minimap2
  { id: 'minimap2-sr-paired-sam', program: 'minimap2', args: ['-a', '-x', 'sr', '-t', '1', 'ex1.fa', 'ex1_R1.fastq.gz', 'ex1_R2.fastq.gz'], inputs: ['ex1.fa', 'ex1_R1.fastq.gz', 'ex1_R2.fastq.gz'] },
  { id: 'minimap2-sr-single-paf', program: 'minimap2', args: ['-x', 'sr', '-t', '1', 'ex1.fa', 'ex1.fastq'], inputs: ['ex1.fa', 'ex1.fastq'] },
  { id: 'minimap2-map-ont-sam', program: 'minimap2', args: ['-a', '-x', 'map-ont', '-t', '1', 'MT-human.fa', 'MT-human.ont-sim.fastq'], inputs: ['MT-human.fa', 'MT-human.ont-sim.fastq'] },
  { id: 'minimap2-asm20-cigar-paf', program: 'minimap2', args: ['-c', '-x', 'asm20', '-t', '1', 'MT-human.fa', 'MT-orang.fa'], inputs: ['MT-human.fa', 'MT-orang.fa'] },
  { id: 'minimap2-build-index', program: 'minimap2', args: ['-x', 'map-ont', '-t', '1', '-d', 'MT-human.mmi', 'MT-human.fa'], inputs: ['MT-human.fa'], outputs: [{ path: 'MT-human.mmi', kind: 'bytes' }] },

  // ---------------------------------------------------------------- seqtk
  { id: 'seqtk-seq-fasta', program: 'seqtk', args: ['seq', '-a', 'ex1.fastq'], inputs: ['ex1.fastq'] },
  { id: 'seqtk-seq-revcomp-gz', program: 'seqtk', args: ['seq', '-r', 'ex1_R1.fastq.gz'], inputs: ['ex1_R1.fastq.gz'] },
  { id: 'seqtk-seq-qual-mask', program: 'seqtk', args: ['seq', '-q', '20', '-n', 'N', 'ex1_R2.fastq.gz'], inputs: ['ex1_R2.fastq.gz'] },
  { id: 'seqtk-fqchk', program: 'seqtk', args: ['fqchk', 'ex1.fastq'], inputs: ['ex1.fastq'] },
  { id: 'seqtk-comp', program: 'seqtk', args: ['comp', 'MT-human.ont-sim.fastq'], inputs: ['MT-human.ont-sim.fastq'] },
  { id: 'seqtk-sample-fraction', program: 'seqtk', args: ['sample', '-s', '11', 'ex1_R1.fastq.gz', '0.1'], inputs: ['ex1_R1.fastq.gz'] },
  { id: 'seqtk-sample-count', program: 'seqtk', args: ['sample', '-s', '7', 'ex1.fastq', '100'], inputs: ['ex1.fastq'] },

  // ---------------------------------------------------------------- bedtools
  { id: 'bedtools-intersect-count-bam', program: 'bedtools', args: ['intersect', '-a', 'ex1.windows200.bed', '-b', BAM, '-c'], inputs: ['ex1.windows200.bed', BAM] },
  { id: 'bedtools-intersect-vcf', program: 'bedtools', args: ['intersect', '-a', 'ex1.calls.vcf.gz', '-b', 'ex1.windows200.bed', '-wa', '-wb'], inputs: ['ex1.calls.vcf.gz', 'ex1.windows200.bed'] },
  { id: 'bedtools-coverage', program: 'bedtools', args: ['coverage', '-a', 'ex1.windows200.bed', '-b', BAM], inputs: ['ex1.windows200.bed', BAM] },
  { id: 'bedtools-sort', program: 'bedtools', args: ['sort', '-i', 'gencode_excerpt.exons.bed'], inputs: ['gencode_excerpt.exons.bed'], stdout: 'sorted-bed' },
  { id: 'bedtools-merge-gtf', program: 'bedtools', args: ['merge', '-s', '-c', '3', '-o', 'distinct', '-i', 'gencode_excerpt.gtf.gz'], inputs: ['gencode_excerpt.gtf.gz'] },
  { id: 'bedtools-genomecov-bg', program: 'bedtools', args: ['genomecov', '-ibam', BAM, '-bg'], inputs: [BAM] },
  { id: 'bedtools-genomecov-hist', program: 'bedtools', args: ['genomecov', '-i', 'ex1.windows200.bed', '-g', 'ex1.fa.fai'], inputs: ['ex1.windows200.bed', 'ex1.fa.fai'] },

  // ---------------------------------------------------------------- failure behaviour: the tool's own message, non-zero exit
  { id: 'fail-samtools-view-missing-file', program: 'samtools', args: ['view', 'missing.bam'], inputs: [], stderr: 'exact' },
  { id: 'fail-samtools-view-truncated-bam', program: 'samtools', args: ['view', '-c', 'bad/ex1.truncated.bam'], inputs: ['bad/ex1.truncated.bam'], stderr: 'exact' },
  { id: 'fail-samtools-view-not-bam', program: 'samtools', args: ['view', 'bad/not-a-bam.bam'], inputs: ['bad/not-a-bam.bam'], stderr: 'exact' },
  { id: 'fail-samtools-view-unknown-option', program: 'samtools', args: ['view', '--no-such-option', BAM], inputs: [BAM], stderr: 'exact' },
  { id: 'fail-samtools-sort-unknown-option', program: 'samtools', args: ['sort', '--no-such-option', '-o', 'out.bam', BAM], inputs: [BAM], stderr: 'exact' },
  { id: 'fail-samtools-sort-missing-file', program: 'samtools', args: ['sort', '-o', 'out.bam', 'missing.bam'], inputs: [], stderr: 'exact' },
  { id: 'fail-bcftools-view-missing-file', program: 'bcftools', args: ['view', 'missing.vcf.gz'], inputs: [], stderr: 'exact' },
  { id: 'fail-bcftools-view-truncated-bgzf', program: 'bcftools', args: ['view', '-H', 'bad/1kg_chr22.truncated.vcf.gz'], inputs: ['bad/1kg_chr22.truncated.vcf.gz'], stderr: 'exact' },
  { id: 'fail-bcftools-unknown-option', program: 'bcftools', args: ['view', '--no-such-option', KG], inputs: [KG], stderr: 'exact' },
  { id: 'fail-bcftools-invalid-short-option', program: 'bcftools', args: ['view', '-Z', KG], inputs: [KG], stderr: 'exact' },
  { id: 'fail-bgzip-unknown-option', program: 'bgzip', args: ['--no-such-option', 'ex1.fa'], inputs: ['ex1.fa'], stderr: 'exact' },
  { id: 'fail-bgzip-test-truncated', program: 'bgzip', args: ['-t', 'bad/1kg_chr22.truncated.vcf.gz'], inputs: ['bad/1kg_chr22.truncated.vcf.gz'], stderr: 'exact' },
  { id: 'fail-bgzip-missing-file', program: 'bgzip', args: ['-d', '-c', 'missing.gz'], inputs: [], stderr: 'exact' },
  { id: 'fail-tabix-missing-file', program: 'tabix', args: ['-p', 'vcf', 'missing.vcf.gz'], inputs: [], stderr: 'exact' },
  { id: 'fail-htsfile-missing-file', program: 'htsfile', args: ['missing.bam'], inputs: [], stderr: 'exact' },
  { id: 'fail-minimap2-missing-reference', program: 'minimap2', args: ['-a', 'missing.fa', 'ex1.fastq'], inputs: ['ex1.fastq'], stderr: 'exact' },
  { id: 'fail-minimap2-unknown-option', program: 'minimap2', args: ['--no-such-option', 'ex1.fa', 'ex1.fastq'], inputs: ['ex1.fa', 'ex1.fastq'], stderr: 'exact' },
  { id: 'fail-seqtk-missing-file', program: 'seqtk', args: ['seq', 'missing.fq'], inputs: [], stderr: 'exact' },
  { id: 'fail-bedtools-missing-file', program: 'bedtools', args: ['intersect', '-a', 'missing.bed', '-b', 'ex1.windows200.bed'], inputs: ['ex1.windows200.bed'], stderr: 'exact' },
  // ---------------------------------------------------------------- text tools (busybox applets vs native busybox)
  ...textToolCases,
];

// ------------------------------------------------------------------------------------------------ normalisation

const DROP_LINE = [
  /^@PG\t/,
  /^##bcftools(_[\w-]+)?Version=/,
  /^##bcftools(_[\w-]+)?Command=/,
  /^# This file was produced by (samtools|bcftools) stats /,
  /^# The command line was:/,
  /^INFO\tTime required to process one record /,
];

/** Drop exactly the version / command-line / working-directory / timing lines listed above. */
export function normaliseText(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // bcftools gtcheck provenance block: 5 lines
    if (/^# This file was produced by bcftools \(.*\), the command line was:$/.test(line)) {
      i += 4;
      continue;
    }
    if (DROP_LINE.some((re) => re.test(line))) continue;
    out.push(line);
  }
  return out.join('\n');
}

function normaliseBinaryHeader(raw, magic) {
  // BAM: "BAM\1" l_text text ...; BCF: "BCF\2\2" l_text text ...
  if (raw.length < magic.length + 4 || !raw.subarray(0, magic.length).equals(magic)) return raw;
  const lText = raw.readUInt32LE(magic.length);
  const textStart = magic.length + 4;
  const text = raw.subarray(textStart, textStart + lText).toString('latin1');
  const nul = text.indexOf('\0');
  const body = nul >= 0 ? text.slice(0, nul) : text;
  const norm = Buffer.from(normaliseText(body), 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(norm.length);
  return Buffer.concat([magic, len, norm, raw.subarray(textStart + lText)]);
}

/** Orders only runs of consecutive lines with the same chrom and start; the order of the runs is kept. */
function orderTies(text) {
  const lines = text.split('\n');
  const out = [];
  let run = [];
  let runKey;
  const flush = () => out.push(...run.sort());
  for (const line of lines) {
    const key = line.split('\t', 2).join('\t');
    if (key !== runKey) {
      flush();
      run = [];
      runKey = key;
    }
    run.push(line);
  }
  flush();
  return out.join('\n');
}

/** Canonical bytes of a stream/file for comparison. */
export function canonical(buf, kind) {
  switch (kind) {
    case 'bytes':
      return buf;
    case 'text':
      return Buffer.from(normaliseText(buf.toString('latin1')), 'latin1');
    case 'bgzf-text':
      return Buffer.from(normaliseText(gunzipSync(buf).toString('latin1')), 'latin1');
    case 'bam':
      return normaliseBinaryHeader(gunzipSync(buf), Buffer.from('BAM\x01', 'latin1'));
    case 'bcf':
      return normaliseBinaryHeader(gunzipSync(buf), Buffer.from('BCF\x02\x02', 'latin1'));
    case 'sorted-bed':
      return Buffer.from(orderTies(normaliseText(buf.toString('latin1'))), 'latin1');
    default:
      throw new Error(`unknown comparison kind ${kind}`);
  }
}

/** Canonical outputs larger than this (bytes) are stored as a SHA-256 digest instead of a file. */
export const INLINE_LIMIT = 64_000;
