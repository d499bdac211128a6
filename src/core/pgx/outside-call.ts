// PharmCAT "outside call" file: one `GENE<TAB>DIPLOTYPE` line per gene with a single diplotype (PharmCAT's
// documented format, docs/using/Outside-Call-Format.md: tab-separated, lines starting with # ignored); genes
// Lokus could not call unambiguously are listed as # comments, so PharmCAT does not take a guess as a call.
import type { PgxCall } from './call-genes';

export function outsideCalls(call: PgxCall, inputName: string): string {
  const lines = [
    `# PharmCAT outside calls from Lokus (${inputName}, sample ${call.sample}, ${call.build}). For research and education, not for clinical decisions.`,
  ];
  for (const gene of call.genes) {
    if (gene.status === 'called' && gene.diplotypes.length === 1) {
      if (gene.gene === 'CYP2D6')
        lines.push('# CYP2D6: SNVs only; copy number, deletions, duplications and hybrids were not assessed.');
      lines.push(`${gene.gene}\t${gene.diplotypes[0]!.diplotype}`);
    } else if (gene.diplotypes.length > 0) {
      lines.push(
        `# ${gene.gene}: not exported, several diplotypes fit (${gene.diplotypes.map((d) => d.diplotype).join(', ')})`,
      );
    } else {
      lines.push(
        `# ${gene.gene}: not exported (${gene.status === 'no-match' ? 'no defined diplotype fits' : 'not called'})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
