// The PGx result as table rows (shown in the report and exported as TSV/CSV): one row per gene, one per
// defining position.
import type { ChartRow } from '../analyses/analysis';
import type { PgxCall } from './call-genes';

const MAX_LISTED = 8;

export function geneRows(r: PgxCall): ChartRow[] {
  return r.genes.map((g) => {
    const shown = g.diplotypes.slice(0, MAX_LISTED);
    const more = g.diplotypes.length > MAX_LISTED ? ` … and ${g.diplotypes.length - MAX_LISTED} more` : '';
    const scores = [...new Set(shown.map((d) => d.activityScore).filter((s) => s !== undefined))];
    const diplotype =
      g.status === 'not-called'
        ? 'not called'
        : g.status === 'no-match'
          ? 'no match'
          : shown.map((d) => d.diplotype).join(' or ') + more;
    const phenotypes = [...new Set(shown.map((d) => d.phenotype))];
    return {
      gene: g.gene,
      diplotype,
      phenotype:
        phenotypes.length === 0
          ? g.status === 'not-called'
            ? 'not called'
            : 'Indeterminate'
          : phenotypes.join(' or '),
      'activity score': scores.length === 0 ? '' : scores.join(' or '),
      'not called': g.uncalled
        .map((u) => (u.alleles.length > 0 ? `${u.rsid} (${u.alleles.join(', ')} depend on it)` : u.rsid))
        .join('; '),
      notes: g.notes.join(' '),
    };
  });
}

export function siteRows(r: PgxCall): ChartRow[] {
  return r.sites.map((s) => {
    const c = s.call;
    let genotype = 'not called';
    let zygosity = 'not called';
    if (c.status === 'called') {
      genotype = c.alleles.join(c.phased ? '|' : '/');
      const variants = s.alt.split(',');
      const alt = c.alleles.filter((a) => variants.includes(a)).length;
      const ref = c.alleles.filter((a) => a === s.ref).length;
      zygosity =
        alt === 2
          ? c.alleles[0] === c.alleles[1]
            ? 'homozygous variant'
            : 'two variant alleles'
          : alt === 1 && ref === 1
            ? 'heterozygous'
            : ref === 2
              ? 'reference'
              : 'other allele';
    }
    const detail = c.status === 'called' ? (c.via === 'record' ? '' : c.via) : c.reason;
    return {
      gene: s.gene,
      rsid: s.rsid,
      change: s.change,
      position: `${r.build} ${s.position}`,
      ref: s.ref,
      alt: s.alt,
      genotype,
      zygosity,
      depth: c.depth ?? '',
      note: [detail, s.note ?? ''].filter((t) => t !== '').join(' '),
    };
  });
}
