// Splits an indexed VCF/BCF into parts of about the same number of records (from `bcftools index -s`), so the
// variant browser can query the parts on several workers at once. Each part is one `-r` list; with
// `--regions-overlap pos` a record belongs to the part holding its POS, so the parts, joined in order, are the file.

export interface ContigStat {
  contig: string;
  /** From the header's ##contig line; undefined when the file does not say ("." in bcftools' output). */
  length: number | undefined;
  records: number;
}

/** Reads `bcftools index -s` (contig, length or ".", record count; one contig a line, in index order). */
export function parseIndexStats(text: string): ContigStat[] {
  const stats: ContigStat[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [contig, length, records, ...rest] = line.split('\t');
    if (
      !contig ||
      length === undefined ||
      records === undefined ||
      rest.length > 0 ||
      !/^\d+$/.test(records) ||
      !(length === '.' || /^\d+$/.test(length))
    ) {
      throw new Error(
        `bcftools index -s output, line ${i + 1}: expected "contig<TAB>length<TAB>records", found "${line}"`,
      );
    }
    stats.push({ contig, length: length === '.' ? undefined : Number(length), records: Number(records) });
  }
  return stats;
}

/** Fewer records than this per part and the split costs more (a worker per part) than it saves. */
export const MIN_RECORDS_PER_PART = 1000;

/**
 * Up to `parts` region lists (each for one `-r`), in file order, that together hold every record exactly once
 * (by POS), balanced by record count. A contig is cut by position (assuming its records spread evenly) only when
 * its length is known; the last piece of a cut contig is open-ended, so records past the stated length stay in.
 * Undefined when splitting cannot help or cannot be written as regions: fewer than two parts, names that a
 * region list cannot hold (":" or ","), or a file order that is not one run per contig.
 */
export function planChunks(
  stats: readonly ContigStat[],
  parts: number,
  minRecords = MIN_RECORDS_PER_PART,
): string[] | undefined {
  const withRecords = stats.filter((s) => s.records > 0);
  const total = withRecords.reduce((sum, s) => sum + s.records, 0);
  const count = Math.min(Math.floor(parts), Math.floor(total / minRecords));
  if (count < 2) return undefined;
  if (withRecords.some((s) => /[:,\s]/.test(s.contig))) return undefined;
  if (new Set(withRecords.map((s) => s.contig)).size !== withRecords.length) return undefined;

  const chunks: string[][] = [[]];
  let before = 0; // records in the contigs already placed
  for (const stat of withRecords) {
    let start = 1; // first position of this contig not yet placed
    const end = before + stat.records;
    // Cut where the running record count crosses the next part's share.
    while (chunks.length < count) {
      const cut = (chunks.length * total) / count;
      if (cut >= end) break;
      const position =
        stat.length === undefined ? undefined : Math.round(((cut - before) / stat.records) * stat.length);
      if (position === undefined || position < start) {
        // Not cuttable here: the part ends at the contig boundary nearer to its share.
        if (cut - before < end - cut && chunks.at(-1)!.length > 0 && start === 1) chunks.push([]);
        else break;
        continue;
      }
      chunks.at(-1)!.push(`${stat.contig}:${start}-${position}`);
      chunks.push([]);
      start = position + 1;
    }
    // "chr:N-" runs to the end of the contig ("chr:N" alone would be the one position N).
    chunks.at(-1)!.push(start === 1 ? stat.contig : `${stat.contig}:${start}-`);
    before = end;
  }
  const lists = chunks.filter((c) => c.length > 0).map((c) => c.join(','));
  return lists.length >= 2 ? lists : undefined;
}
