import { describe, expect, it } from 'vitest';
import { parseGeneFilter, resolveHpo } from '../../../../src/core/family/gene-filter';

describe('gene filters', () => {
  it.each<[string, string, string[], RegExp]>([
    ['plain list', 'GENE1\ngene2, GENE3\n', ['GENE1', 'GENE2', 'GENE3'], /^Gene list l.txt \(3 genes\)$/],
    [
      'Scout panel TSV',
      '##panel_id=skeletal\n##version=1.2\n#hgnc_id\thgnc_symbol\tgenetic_disease_models\n2200\tCOL1A1\tAD\n2197\tCOL1A2\tAD\n',
      ['COL1A1', 'COL1A2'],
      /^Scout panel skeletal version 1.2 from l.txt \(2 genes\)$/,
    ],
    [
      'PanelApp TSV (green genes only)',
      'Entity Name\tEntity type\tGel Status\nAAA\tgene\t3\nBBB\tgene\t2\nCCC\tgene\t4\n',
      ['AAA', 'CCC'],
      /PanelApp panel l.txt \(2 genes; 1 amber\/red genes left out\)/,
    ],
  ])('%s', (_name, text, genes, description) => {
    const f = parseGeneFilter(text, 'l.txt');
    expect([...f.genes].sort()).toEqual(genes);
    expect(f.description).toMatch(description);
    expect(f.problems).toEqual([]);
  });

  it('HPO terms in a list resolve through phenotype_to_genes.txt, with the release it states', () => {
    const f = parseGeneFilter('HP:0001250\nHP:9999999\n', 'terms.txt');
    const p2g =
      '#version: 2024-04-26\nhpo_id\thpo_name\tncbi_gene_id\tgene_symbol\tdisease_id\nHP:0001250\tSeizure\t6323\tSCN1A\tOMIM:1\nHP:0001250\tSeizure\t6324\tscn2a\tOMIM:2\nHP:0000001\tAll\t1\tX\tOMIM:3\n';
    const r = resolveHpo(p2g, f.hpoTerms, 'p2g.txt');
    expect([[...r.genes].sort(), r.version, r.unknownTerms]).toEqual([
      ['SCN1A', 'SCN2A'],
      '2024-04-26',
      ['HP:9999999'],
    ]);
  });

  it('a token that is neither a symbol nor an HPO term is reported', () => {
    expect(parseGeneFilter('GENE1 HP:12', 'l.txt').problems[0]).toMatch(/"HP:12" in l.txt is neither/);
  });
});
