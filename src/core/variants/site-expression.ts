// Whether a bcftools filter expression looks only at site-level values (QUAL, INFO/..., TYPE, ...). Such an
// expression gives the same rows from `bcftools query -i` alone as from `view -i | query`, in one pass instead
// of two; any sample-level value (FMT/..., GT, a FORMAT tag named bare) can make query -i drop genotypes of the
// samples that fail, so anything not known to be site-level counts as sample-level.
import type { VcfHeader } from '../parsers/vcf-header';

/** Fixed columns and values bcftools computes per site without looking at samples. */
const SITE_KEYWORDS = new Set(['QUAL', 'FILTER', 'CHROM', 'POS', 'ID', 'REF', 'ALT', 'TYPE', 'N_ALT', 'ILEN']);
/** Functions that compute over their arguments only (the arguments are checked like any other name). */
const PLAIN_FUNCTIONS = new Set(['abs', 'strlen', 'sum', 'min', 'max', 'avg', 'mean', 'median', 'stdev', 'phred']);

/** Names in the expression outside quoted strings, with whether each is called as a function. */
function names(expression: string): { name: string; call: boolean }[] {
  const unquoted = expression.replace(/"[^"]*"|'[^']*'/g, ' ');
  return [...unquoted.matchAll(/(?<![\w.])([A-Za-z_]\w*(?:\/\w+)?)(\s*\()?/g)].map((m) => ({
    name: m[1]!,
    call: m[2] !== undefined,
  }));
}

export function isSiteExpression(expression: string, header: VcfHeader): boolean {
  const infoOnly = (id: string): boolean =>
    header.info.some((f) => f.id === id) && !header.format.some((f) => f.id === id);
  return names(expression).every(({ name, call }) => {
    if (call) return PLAIN_FUNCTIONS.has(name.toLowerCase());
    if (/^INFO\//i.test(name)) return true;
    if (name.includes('/')) return false; // FMT/, FORMAT/ and anything else qualified
    return SITE_KEYWORDS.has(name) || infoOnly(name);
  });
}
