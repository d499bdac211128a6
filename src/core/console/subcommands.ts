// Subcommands of the installed multi-command tools, for Tab completion (`bcftools st<Tab>` → `stats`).
// Source: the usage text of each build in wasm/tools.json (`samtools` 1.16.1, `bcftools` 1.16, `bedtools` 2.30.0,
// `seqtk` 1.4 run without arguments), read 2026-12-03.

const words = (list: string): readonly string[] => list.split(/\s+/).filter(Boolean);

export const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  samtools: words(`
    addreplacerg ampliconclip ampliconstats bedcov calmd cat collate consensus coverage depad depth dict
    faidx fasta fastq fixmate flags flagstat fqidx head help idxstats import index markdup merge mpileup
    phase quickcheck reference reheader samples sort split stats targetcut tview version view
  `),
  bcftools: words(`
    annotate call cnv concat consensus convert csq filter gtcheck head index isec merge mpileup norm plugin
    query reheader roh sort stats view
  `),
  bedtools: words(`
    annotate bamtobed bamtofastq bed12tobed6 bedpetobam bedtobam closest cluster complement coverage expand
    fisher flank genomecov getfasta groupby igv intersect jaccard links makewindows map maskfasta merge
    multicov multiinter nuc overlap pairtobed pairtopair random reldist sample shift shuffle slop sort
    spacing split subtract summary tag unionbedg window
  `),
  seqtk: words(`
    comp cutN dropse famask fqchk gap gc hety hpc listhet mergefa mergepe mutfa randbase rename sample seq
    size split subseq telo trimfq
  `),
};
