// Gene filters from files the user brings: a plain list (symbols and HPO terms), a Scout panel TSV
// (##panel_id, ##version, hgnc_symbol), a PanelApp TSV export, and HPO terms resolved via phenotype_to_genes.txt.

export interface GeneFilter {
  /** Upper-case gene symbols. */
  genes: Set<string>;
  /** What the filter is, for the report: "Scout panel OMIM-AUTO version 3.1 (120 genes)". */
  description: string;
  /** HPO terms in the list that need phenotype_to_genes.txt. */
  hpoTerms: string[];
  problems: string[];
}

const HPO = /^HP:\d{7}$/;

export function parseGeneFilter(text: string, name: string): GeneFilter {
  const lines = text.split(/\r?\n/);
  const meta = new Map<string, string>();
  for (const l of lines) {
    const m = /^##\s*([A-Za-z_]+)\s*=\s*(.*)$/.exec(l);
    if (m) meta.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  const rows = lines.filter((l) => l.trim() !== '' && !l.startsWith('##'));
  const header = (rows[0] ?? '')
    .replace(/^#/, '')
    .split('\t')
    .map((h) => h.trim().toLowerCase());
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const symbolCol = column('hgnc_symbol', 'gene symbol', 'entity name', 'gene_symbol', 'symbol');
  const genes = new Set<string>();
  const problems: string[] = [];
  if (symbolCol >= 0 && header.length > 1) {
    const confidence = column('gel status', 'confidence level', 'level4');
    let skipped = 0;
    for (const row of rows.slice(1)) {
      const f = row.split('\t');
      const symbol = f[symbolCol]?.trim();
      if (!symbol) continue;
      // PanelApp: green (3) genes are the diagnostic-grade ones; amber and red are left out and counted.
      const level = confidence >= 0 ? Number(/\d/.exec(f[confidence] ?? '')?.[0]) : 3;
      if (confidence >= 0 && Number.isFinite(level) && level < 3) {
        skipped += 1;
        continue;
      }
      genes.add(symbol.toUpperCase());
    }
    const panel = meta.get('panel_id');
    const description =
      panel !== undefined
        ? `Scout panel ${panel}${meta.has('version') ? ` version ${meta.get('version')}` : ''} from ${name} (${genes.size} genes)`
        : `${confidence >= 0 ? 'PanelApp panel' : 'Gene table'} ${name} (${genes.size} genes${skipped > 0 ? `; ${skipped} amber/red genes left out` : ''})`;
    if (genes.size === 0)
      problems.push(
        `${name} lists no genes in its "${header[symbolCol]}" column. Check that it is the panel export you meant.`,
      );
    return { genes, description, hpoTerms: [], problems };
  }
  const hpoTerms: string[] = [];
  for (const token of rows.join(' ').split(/[\s,;]+/)) {
    if (token === '' || token.startsWith('#')) continue;
    if (HPO.test(token)) hpoTerms.push(token);
    else if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(token)) genes.add(token.toUpperCase());
    else problems.push(`"${token}" in ${name} is neither a gene symbol nor an HPO term (HP:0000000).`);
  }
  if (genes.size === 0 && hpoTerms.length === 0)
    problems.push(`${name} lists no gene symbols or HPO terms. Put one per line.`);
  return {
    genes,
    description: `Gene list ${name} (${genes.size} genes${hpoTerms.length ? `, ${hpoTerms.length} HPO terms` : ''})`,
    hpoTerms,
    problems,
  };
}

export interface HpoResolution {
  genes: Set<string>;
  /** The release as the file states it, e.g. "2024-04-26", or a sentence saying it does not. */
  version: string;
  unknownTerms: string[];
}

/** Genes of the given terms from HPO's phenotype_to_genes.txt (hpo_id, hpo_name, ncbi_gene_id, gene_symbol, disease_id). */
export function resolveHpo(text: string, terms: readonly string[], name: string): HpoResolution {
  const wanted = new Set(terms);
  const found = new Set<string>();
  const genes = new Set<string>();
  let version: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('hpo_id')) {
      const v = /(?:version|release|date)[^0-9]*(\d{4}-\d{2}-\d{2}|v\d{4}-\d{2}-\d{2})/i.exec(line);
      if (v) version = v[1];
      continue;
    }
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    if (!wanted.has(id)) continue;
    const f = line.split('\t');
    found.add(id);
    if (f[3]) genes.add(f[3].toUpperCase());
  }
  return {
    genes,
    version: version ?? `${name}: the file does not state its HPO release; note the release you downloaded`,
    unknownTerms: terms.filter((t) => !found.has(t)),
  };
}
