// Whether the variant browser's region names contigs the file has: "chr22:…" on a file whose contig is "22" (or
// the reverse) would return no rows, so the browser says so and offers the region in the file's naming.

export interface RegionHint {
  /** One plain sentence: which contig is missing and what the file has. */
  message: string;
  /** The region rewritten in the file's naming, when every missing contig has a counterpart there. */
  fix?: string;
}

/** The file's naming of a contig: chr22 <-> 22, chrM <-> MT. */
function otherNaming(contig: string, contigs: ReadonlySet<string>): string | undefined {
  const bare = contig.replace(/^chr/i, '');
  const candidates = /^chr/i.test(contig)
    ? [bare, ...(bare.toUpperCase() === 'M' ? ['MT'] : [])]
    : [`chr${bare}`, ...(bare.toUpperCase() === 'MT' ? ['chrM'] : [])];
  return candidates.find((c) => contigs.has(c));
}

/**
 * Undefined when every contig of the region is in the file, or the file's contigs are not known (no index
 * statistics, no ##contig lines).
 */
export function regionHint(region: string, fileContigs: readonly string[]): RegionHint | undefined {
  // Thousands separators go first, as in the query itself (browser-query.ts), then commas separate regions.
  const text = region.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (text === '' || fileContigs.length === 0) return undefined;
  const contigs = new Set(fileContigs);
  const regions = text.split(',').filter((r) => r !== '');
  const missing = regions.map((r) => r.split(':')[0]!).filter((contig) => !contigs.has(contig));
  if (missing.length === 0) return undefined;
  const renamed = missing.map((contig) => otherNaming(contig, contigs));
  const known = fileContigs.length <= 6 ? fileContigs.join(', ') : `${fileContigs.slice(0, 6).join(', ')}, …`;
  const names = [...new Set(missing)].map((c) => `"${c}"`).join(', ');
  if (renamed.every((r) => r !== undefined)) {
    const fix = regions
      .map((r) => {
        const [contig, ...rest] = r.split(':');
        const other = otherNaming(contig!, contigs) ?? contig!;
        return [other, ...rest].join(':');
      })
      .join(',');
    return {
      message: `This file has no contig ${names}: it names its contigs ${known}. The region in the file's naming is ${fix}.`,
      fix,
    };
  }
  return { message: `This file has no records on ${names}: its contigs are ${known}.` };
}
