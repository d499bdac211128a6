// Serves the example session's files (real data from test/fixtures) at <base>/examples/, in dev and in builds,
// so the fixtures stay the one copy of that data. Files are served under a neutral ".data" name because static
// servers send "x.gz" with Content-Encoding: gzip, and the browser would then hand us decompressed bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const EXAMPLE_FILES = [
  'ex1.bam',
  'ex1.bam.bai',
  'ex1.fa',
  'ex1.fa.fai',
  'ex1.calls.vcf.gz',
  'ex1.calls.vcf.gz.csi',
  'ex1_R1.fastq.gz',
  'ex1_R2.fastq.gz',
  'ex1.windows200.bed',
  'ex1.panel.bed',
  // Pathogen consensus: lambda phage and seeded reads with known variants (scripts/gen-pathogen-reads.mjs).
  'pathogen/lambda.fa',
  'pathogen/lambda-a_R1.fastq.gz',
  'pathogen/lambda-a_R2.fastq.gz',
] as const;

/** The teaching family (scripts/gen-family-fixtures.mjs): a synthetic trio for family triage, its own example. */
export const FAMILY_FILES = [
  'family/teaching.vcf.gz',
  'family/teaching.vcf.gz.tbi',
  'family/teaching.ped',
  'family/teaching.gff3',
  'family/teaching.fa',
  'family/teaching.fa.fai',
] as const;

/** The polygenic-score example (scripts/gen-prs-data.mjs): a synthetic scoring file and one-sample VCF. */
export const PGS_FILES = ['prs/PGS_LOKUS_EXAMPLE.txt', 'prs/SYNTH01.vcf'] as const;

const SERVED: readonly string[] = [...EXAMPLE_FILES, ...FAMILY_FILES, ...PGS_FILES];

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

function servedName(index: number): string {
  return `file-${index}.data`;
}

export function exampleData(): Plugin {
  const manifest = JSON.stringify({
    name: 'Example: ex1 (Rsamtools/samtools example reads on two phage-like contigs)',
    files: EXAMPLE_FILES.map((file, i) => ({ name: file.split('/').at(-1)!, path: servedName(i) })),
    family: {
      name: 'Teaching family: a synthetic trio with planted de novo, recessive, compound-het and X-linked variants',
      files: FAMILY_FILES.map((file, i) => ({
        name: file.split('/').at(-1)!,
        path: servedName(EXAMPLE_FILES.length + i),
      })),
    },
    pgs: {
      name: 'Polygenic score: a synthetic 2,000-variant PGS Catalog scoring file and one synthetic genome',
      files: PGS_FILES.map((file, i) => ({
        name: file.split('/').at(-1)!,
        path: servedName(EXAMPLE_FILES.length + FAMILY_FILES.length + i),
      })),
    },
  });
  return {
    name: 'lokus-example-data',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/examples\/([^/?#]+)$/.exec(request.url?.split('?')[0] ?? '');
        if (!match) return next();
        const name = decodeURIComponent(match[1]!);
        if (name === 'manifest.json') {
          response.setHeader('Content-Type', 'application/json');
          return response.end(manifest);
        }
        const index = SERVED.findIndex((_, i) => servedName(i) === name);
        if (index < 0) return next();
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(readFileSync(join(FIXTURES, SERVED[index]!)));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'examples/manifest.json', source: manifest });
      SERVED.forEach((name, i) => {
        this.emitFile({
          type: 'asset',
          fileName: `examples/${servedName(i)}`,
          source: readFileSync(join(FIXTURES, name)),
        });
      });
    },
  };
}
