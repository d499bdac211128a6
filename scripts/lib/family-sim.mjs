// A seeded synthetic trio (child, father, mother; nothing from a real person): reference FASTA, Ensembl-style
// GFF3 (ID=gene:/transcript: prefixes), a joint-called VCF with GT:AD:DP:GQ and a PED, with planted variants of
// known inheritance, decoys that a rule must refuse, and inherited common background. Returns text and truth.
// The contigs are short, so no reference build matches: Lokus then leaves out both builds' PARs (X:10,001 on),
// which puts the X genes below 10,000 outside the PARs and the gene at X:11,001 inside.

export const SAMPLES = ['CHILD', 'FATHER', 'MOTHER'];

/**
 * Planted genotypes (child, father, mother) per gene kind, and the modes that must report each variant ("?":
 * reported but marked unconfirmed; "*": only when the father is affected, which the teaching PED does not say).
 */
const KINDS = {
  denovo: [[['het', 'ref', 'ref'], ['denovo']]],
  recessive: [[['alt', 'het', 'het'], ['recessive']]],
  comphet: [
    [
      ['het', 'het', 'ref'],
      ['comphet', 'dominant*'],
    ],
    [['het', 'ref', 'het'], ['comphet']],
  ],
  'comphet-dn': [
    [
      ['het', 'ref', 'ref'],
      ['denovo', 'comphet'],
    ],
    [['het', 'ref', 'het'], ['comphet']],
  ],
  'same-parent': [
    [['het', 'ref', 'het'], []],
    [['het', 'ref', 'het'], []],
  ],
  'parent-alt': [[['het', 'ref3', 'ref'], []]],
  'low-ab': [[['het19', 'ref', 'ref'], []]],
  common: [[['alt', 'het', 'het'], [], 0.05]],
  nocall: [[['het', 'ref', 'nocall'], ['denovo?']]],
  dominant: [[['het', 'het', 'ref'], ['dominant*']]],
  xlr: [[['alt', 'ref', 'het'], ['x-recessive']]],
  // A son's X allele that neither parent has (coded 1/1, as joint callers write male chrX).
  xdenovo: [[['alt', 'ref', 'ref'], ['denovo']]],
  par: [[['alt', 'ref', 'het'], []]],
};

export const TEACHING = {
  autosomal: [
    'denovo',
    'recessive',
    'comphet',
    'comphet-dn',
    'same-parent',
    'parent-alt',
    'low-ab',
    'common',
    'nocall',
    'dominant',
  ],
  x: ['xlr', 'par'],
};

export function simulateTrio({ seed = 20261203, autosomal, x, background = 120, xBackground = 70 }) {
  let s = seed >>> 0;
  const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (a) => a[Math.floor(random() * a.length)];
  const codons = [];
  for (const a of 'ACGT')
    for (const b of 'ACGT')
      for (const c of 'ACGT') if (!['TAA', 'TAG', 'TGA'].includes(a + b + c)) codons.push(a + b + c);
  const gff = ['##gff-version 3'];
  const contigs = [];
  const records = [];
  const truth = [];
  const genes = [];

  function contig(name, length, slots) {
    const seq = Array.from({ length }, () => pick('ACGT'));
    gff.push(`##sequence-region ${name} 1 ${length}`);
    for (const { kind, start, n } of slots) {
      const gene = `${kind.toUpperCase().replace(/[^A-Z]/g, '')}${n}`;
      const e = [
        [start + 100, start + 699],
        [start + 1000, start + 1599],
      ];
      const cds = Array.from({ length: 400 }, (_, k) => (k === 0 ? 'ATG' : k === 399 ? 'TAA' : pick(codons))).join('');
      e.forEach(([from], i) => {
        for (let k = 0; k < 600; k++) seq[from - 1 + k] = cds[600 * i + k];
      });
      const t = `transcript:${gene}-201`;
      gff.push(
        `${name}\tlokus\tgene\t${start}\t${start + 1999}\t.\t+\t.\tID=gene:${gene};Name=${gene};biotype=protein_coding`,
      );
      gff.push(
        `${name}\tlokus\tmRNA\t${start}\t${start + 1999}\t.\t+\t.\tID=${t};Parent=gene:${gene};Name=${gene}-201;biotype=protein_coding`,
      );
      e.forEach(([from, to], i) =>
        gff.push(`${name}\tlokus\texon\t${from}\t${to}\t.\t+\t.\tParent=${t};Name=${gene}-201.${i + 1}`),
      );
      e.forEach(([from, to]) =>
        gff.push(`${name}\tlokus\tCDS\t${from}\t${to}\t.\t+\t0\tID=CDS:${gene}-201;Parent=${t}`),
      );
      genes.push({ gene, kind, chrom: name, start, end: start + 1999 });
      KINDS[kind].forEach(([gts, modes, af], k) => {
        const pos = start + 100 + 1 + 3 * (10 + 37 * k); // second base of a codon of exon 1: missense or stop
        const ref = seq[pos - 1];
        records.push({ chrom: name, pos, ref, alt: pick([...'ACGT'].filter((b) => b !== ref)), gts, af, gene });
        for (const mode of modes)
          truth.push({
            mode: mode.replace(/[?*]$/, ''),
            id: `${name}:${pos}`,
            unconfirmed: mode.endsWith('?'),
            ifFatherAffected: mode.endsWith('*'),
            gene,
          });
      });
    }
    contigs.push({ name, seq: seq.join('') });
    return seq;
  }

  const autoLength = autosomal.length * 3000 + 3000;
  const a = contig(
    '1',
    autoLength,
    autosomal.map((kind, i) => ({ kind, start: 1001 + i * 3000, n: i + 1 })),
  );
  const xNonPar = x.filter((k) => k !== 'par');
  if (xNonPar.length > 2) throw new Error('at most 2 X genes fit below the PAR');
  const xs = contig('X', 15000, [
    ...xNonPar.map((kind, i) => ({ kind, start: 1001 + i * 3000, n: i + 1 })),
    ...(x.includes('par') ? [{ kind: 'par', start: 11001, n: 1 }] : []),
  ]);
  const used = new Set(records.map((r) => `${r.chrom}:${r.pos}`));
  const free = (chrom, from, to) => {
    for (;;) {
      const pos = from + Math.floor(random() * (to - from));
      if (!used.has(`${chrom}:${pos}`)) return (used.add(`${chrom}:${pos}`), pos);
    }
  };
  // Inherited background: common (AF 0.1-0.5) and Mendelian-consistent, so no rule may report it.
  for (let i = 0; i < background; i++) {
    const pos = free('1', 10, autoLength - 10);
    const parent = () => pick(['ref', 'het', 'het', 'alt']);
    const [f, m] = [parent(), parent()];
    const from = (g) => (g === 'ref' ? 0 : g === 'alt' ? 1 : random() < 0.5 ? 1 : 0);
    const k = from(f) + from(m);
    records.push({
      chrom: '1',
      pos,
      ref: a[pos - 1],
      alt: pick([...'ACGT'].filter((b) => b !== a[pos - 1])),
      gts: [['ref', 'het', 'alt'][k], f, m],
      af: 0.1 + Math.round(random() * 40) / 100,
    });
  }
  // chrX outside the PARs: the father hemizygous ALT (coded 1/1), the mother het or hom-alt, the son her allele.
  for (let i = 0; i < xBackground; i++) {
    const pos = free('X', 10, 9990);
    const m = i % 7 < 4 ? 'alt' : 'het';
    const kid = m === 'alt' || i % 3 !== 0 ? 'alt' : 'ref';
    records.push({
      chrom: 'X',
      pos,
      ref: xs[pos - 1],
      alt: pick([...'ACGT'].filter((b) => b !== xs[pos - 1])),
      gts: [kid, 'alt', m],
      af: 0.3,
    });
  }
  records.sort((p, q) => (p.chrom === q.chrom ? p.pos - q.pos : p.chrom === '1' ? -1 : 1));
  const call = (g) => {
    const d = 24 + Math.floor(random() * 12);
    const h = Math.floor(d / 2);
    switch (g) {
      case 'ref':
        return `0/0:${d},0:${d}:60`;
      case 'ref3':
        return `0/0:${d},3:${d + 3}:40`;
      case 'het':
        return `0/1:${d - h},${h}:${d}:60`;
      case 'het19':
        return `0/1:81,19:100:60`;
      case 'alt':
        return `1/1:0,${d}:${d}:60`;
      case 'nocall':
        return './.:.:.:.';
    }
    throw new Error(g);
  };
  const vcf = [
    '##fileformat=VCFv4.2',
    '##source=Lokus synthetic teaching trio (scripts/lib/family-sim.mjs); not from any person',
    ...contigs.map((c) => `##contig=<ID=${c.name},length=${c.seq.length}>`),
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=gnomad_popmax_af,Number=A,Type=Float,Description="Simulated population allele frequency (popmax)">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...SAMPLES].join('\t'),
    ...records.map((r) =>
      [
        r.chrom,
        r.pos,
        '.',
        r.ref,
        r.alt,
        60,
        'PASS',
        r.af === undefined ? '.' : `gnomad_popmax_af=${r.af}`,
        'GT:AD:DP:GQ',
        ...r.gts.map(call),
      ].join('\t'),
    ),
  ];
  const fasta = contigs.map((c) => `>${c.name}\n${c.seq.match(/.{1,60}/g).join('\n')}\n`).join('');
  let offset = 0;
  const fai = contigs
    .map((c) => {
      const line = `${c.name}\t${c.seq.length}\t${offset + c.name.length + 2}\t60\t61`;
      offset += c.name.length + 2 + c.seq.length + Math.ceil(c.seq.length / 60);
      return line;
    })
    .join('\n');
  const ped = [
    '#family\tindividual\tfather\tmother\tsex\tphenotype',
    'FAM1\tCHILD\tFATHER\tMOTHER\t1\t2',
    'FAM1\tFATHER\t0\t0\t1\t1',
    'FAM1\tMOTHER\t0\t0\t2\t1',
  ].join('\n');
  return {
    vcf: vcf.join('\n') + '\n',
    fasta,
    fai: fai + '\n',
    gff: gff.join('\n') + '\n',
    ped: ped + '\n',
    truth,
    genes,
    records,
  };
}
