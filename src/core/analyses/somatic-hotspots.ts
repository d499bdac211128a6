// Somatic hotspots for a tumour BAM/CRAM: samtools mpileup (no depth cap, no BAQ) at the bundled hotspot
// positions of both builds, the build read from the BAM header (or chosen), then per hotspot the depth, alt
// reads and VAF, "not assessable" below the minimum depth. No reference is needed: bases are counted as read.
import { buildLabel, detectBuild, parseSamHeaderContigs } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';
import { parseMpileup, type PileupColumn } from '../parsers/samtools-mpileup';
import { callHotspot, HOTSPOT_LIST_VERSION, HOTSPOTS, hotspotBed, type HotspotCall } from '../clinical/hotspots';
import { RESEARCH_ONLY } from '../clinical/caveats';
import { locusOfPosition } from '../viewer/locus';
import { hotspotsApplicability } from './applicability';
import type { AnalysisDefinition, ChartRow, Metric } from './analysis';

export interface SomaticHotspotsResult {
  tumour: string;
  build: BuildName | 'unknown';
  /** How the build was settled: "detected: GRCh38 (hg38 naming)" or "chosen". */
  buildNote: string;
  minDepth: number;
  calls: HotspotCall[];
  /** The BAM header's contigs, to say why the check does not apply. */
  contigs: string[];
}

const HOTSPOT_BED = 'somatic-hotspots.bed';

const BUILD_CHOICES = [
  { value: 0, label: 'Detect from the BAM header' },
  { value: 37, label: 'GRCh37 / hg19' },
  { value: 38, label: 'GRCh38 / hg38' },
] as const;

export const somaticHotspots: AnalysisDefinition<SomaticHotspotsResult> = {
  id: 'somatic-hotspots',
  title: 'Somatic hotspots',
  summary:
    'VAF and depth at well-known cancer hotspots (KRAS, NRAS, BRAF, EGFR, PIK3CA, IDH1/2, JAK2) in a tumour BAM/CRAM.',
  inputs: [
    { key: 'tumour', label: 'Tumour alignments', formats: ['bam', 'cram'], needsIndex: true },
    { key: 'reference', label: 'Reference FASTA', formats: ['fasta'], optional: true, help: 'Needed for CRAM only.' },
  ],
  parameters: [
    {
      key: 'build',
      label: 'Reference build',
      default: 0,
      min: 0,
      max: 38,
      help: 'Which coordinates the hotspots are read at.',
      choices: BUILD_CHOICES,
    },
    {
      key: 'minDepth',
      label: 'Minimum depth',
      default: 50,
      min: 1,
      max: 1_000_000,
      help: 'Below this many reads a hotspot is "not assessable".',
    },
    {
      key: 'minAltReads',
      label: 'Minimum alt reads',
      default: 5,
      min: 1,
      max: 1_000_000,
      help: 'A hotspot is "detected" with at least this many reads showing the change…',
    },
    {
      key: 'minVaf',
      label: 'Minimum VAF (%)',
      default: 2,
      min: 0,
      max: 100,
      step: 0.1,
      help: '…and at least this variant allele fraction.',
    },
    {
      key: 'minBaseQ',
      label: 'Minimum base quality',
      default: 20,
      min: 0,
      max: 60,
      help: 'samtools mpileup -Q: bases below it are not counted.',
    },
    {
      key: 'minMapq',
      label: 'Minimum mapping quality',
      default: 20,
      min: 0,
      max: 255,
      help: 'samtools mpileup -q: reads below it are not counted.',
    },
  ],
  thresholds: [
    { key: 'assessablePct', label: 'Hotspots assessable', better: 'higher', pass: 100, warn: 80, unit: '%' },
  ],
  check(inputs, formats) {
    if (formats['tumour'] === 'cram' && !inputs['reference'])
      return 'A CRAM file is read with the reference it was made against: open that FASTA and choose it as "Reference FASTA".';
    return undefined;
  },
  steps(inputs, params) {
    const bam = inputs['tumour']!;
    const ref = inputs['reference'];
    return [
      {
        key: 'header',
        job: {
          label: 'Somatic hotspots: samtools view -H',
          steps: [{ program: 'samtools', argv: ['view', '-H', '--no-PG', bam] }],
        },
      },
      // The positions come on standard input and are kept as a BED file in the work area for the next step.
      {
        key: 'positions',
        job: {
          label: 'Somatic hotspots: hotspot positions (BED)',
          steps: [{ program: 'bedtools', argv: ['sort', '-i', '/dev/stdin'] }],
          stdin: hotspotBed(),
          stdoutFile: HOTSPOT_BED,
        },
      },
      {
        key: 'pileup',
        after: ['positions'],
        job: {
          label: 'Somatic hotspots: samtools mpileup at the hotspot positions',
          // view -M -L reads only the indexed bins around the hotspots (mpileup -l alone would read the whole file);
          // no -a, which would walk every position of every contig (3 Gb, 12 s natively); a position left out has no reads.
          steps: [
            {
              program: 'samtools',
              argv: ['view', '-u', '-M', '-L', HOTSPOT_BED, ...(ref ? ['--reference', ref] : []), bam],
            },
            {
              program: 'samtools',
              argv: [
                'mpileup',
                '-B',
                '-d',
                '0',
                '-Q',
                String(params['minBaseQ']),
                '-q',
                String(params['minMapq']),
                '-l',
                HOTSPOT_BED,
                '-',
              ],
            },
          ],
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const contigs = parseSamHeaderContigs(texts['header'] ?? '');
    const guess = detectBuild(contigs);
    const chosen = params['build'] === 37 ? 'GRCh37' : params['build'] === 38 ? 'GRCh38' : undefined;
    const build = chosen ?? guess.build;
    const buildNote = chosen
      ? `${chosen}, as chosen (header: ${buildLabel(guess)})`
      : `${buildLabel(guess)}, from the header (${guess.matched} chromosome lengths match)`;
    const columns = new Map<string, Map<number, PileupColumn>>();
    for (const column of parseMpileup(texts['pileup'] ?? '')) {
      const byPos = columns.get(column.chrom) ?? new Map<number, PileupColumn>();
      byPos.set(column.pos, column);
      columns.set(column.chrom, byPos);
    }
    const names = new Set(contigs.map((c) => c.name));
    const rules = {
      minDepth: params['minDepth'] ?? 50,
      minAltReads: params['minAltReads'] ?? 5,
      minVaf: params['minVaf'] ?? 2,
    };
    const calls =
      build === 'unknown'
        ? []
        : HOTSPOTS.map((h) => {
            const contig = names.has(h.chrom) ? h.chrom : `chr${h.chrom}`;
            return callHotspot(h, build, contig, columns.get(contig) ?? new Map(), rules);
          });
    const contigNames = contigs.map((c) => c.name);
    return { tumour: inputs['tumour'] ?? '', build, buildNote, minDepth: rules.minDepth, calls, contigs: contigNames };
  },
  applies: (r) =>
    hotspotsApplicability(
      r.build,
      r.contigs,
      HOTSPOTS.map((h) => h.chrom),
    ),
  metrics: hotspotMetrics,
  charts: [
    {
      id: 'hotspot-vaf',
      title: 'Variant allele fraction at assessable hotspots',
      good: 'Zero at most hotspots; a detected hotspot shows its VAF, which with tumour purity hints at clonality.',
      mark: 'bar',
      x: { field: 'hotspot', label: 'Hotspot', scale: 'band' },
      y: { field: 'vaf', label: 'VAF (%)' },
      empty: 'No hotspot has enough depth to be assessed.',
      rows: (r) =>
        r.calls
          .filter((c) => c.status !== 'not assessable')
          .map((c) => ({ hotspot: `${c.hotspot.gene} ${c.hotspot.protein}`, vaf: c.vaf })),
    },
  ],
  tables: (r) => ({ hotspots: hotspotRows(r) }),
  shownTables: [
    {
      key: 'hotspots',
      title: 'Hotspots',
      note: 'VAF = alt reads / depth. Not assessable: depth below the minimum you set; it says nothing about the variant.',
      locus: (row) => locusOfPosition(row['position']),
    },
  ],
  caveats: [
    RESEARCH_ONLY,
    `Only the ${HOTSPOTS.length} listed changes (hotspot list ${HOTSPOT_LIST_VERSION}) are looked at; other variants in these genes, copy number and fusions are not. A "not detected" hotspot may still be present below the detection limit set by depth and the minimum VAF.`,
    'Reads are counted as samtools mpileup counts them: unmapped, secondary, QC-failed and duplicate reads are left out, as are orphan reads of pairs (no -A); no BAQ (-B); no depth cap (-d 0); base and mapping quality at least the chosen minimums; where mates overlap, one of them is counted (its base quality is set to 0, so this needs a minimum base quality above 0).',
    'EGFR exon 19: reads with a deletion starting in the region are counted, whatever its length; inspect them in the viewer.',
  ],
};

function hotspotRows(r: SomaticHotspotsResult): ChartRow[] {
  return r.calls.map((c) => ({
    gene: c.hotspot.gene,
    change: c.hotspot.protein,
    cDNA: c.hotspot.cdna,
    position: `${c.contig}:${c.start}`,
    'ref>alt': c.hotspot.kind === 'deletion' ? 'deletion' : `${c.hotspot.ref}>${c.hotspot.alt}`,
    depth: c.depth,
    'alt reads': c.altReads,
    'VAF %': Number.isFinite(c.vaf) ? Math.round(c.vaf * 100) / 100 : Number.NaN,
    status: c.status,
    rsID: c.hotspot.rsid,
  }));
}

export function hotspotMetrics(r: SomaticHotspotsResult): Metric[] {
  const assessable = r.calls.filter((c) => c.status !== 'not assessable').length;
  const detected = r.calls.filter((c) => c.status === 'detected');
  return [
    {
      key: 'detected',
      label: 'Hotspots detected',
      value: detected.length,
      format: 'count',
      note: detected.map((c) => `${c.hotspot.gene} ${c.hotspot.protein}`).join(', ') || 'none',
    },
    {
      key: 'assessablePct',
      label: 'Assessable',
      value: r.calls.length === 0 ? Number.NaN : (100 * assessable) / r.calls.length,
      format: 'percent',
      threshold: 'assessablePct',
      note: `${assessable} of ${r.calls.length} at depth ≥ ${r.minDepth}`,
    },
    {
      key: 'build',
      label: 'Build',
      value: r.build === 'GRCh37' ? 37 : r.build === 'GRCh38' ? 38 : Number.NaN,
      format: 'count',
      note: r.build === 'unknown' ? 'not detected: choose the build and run again' : r.buildNote,
    },
  ];
}
