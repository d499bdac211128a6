// A fake engine whose samtools, bcftools and seqtk answer the analyses' commands with the committed outputs
// of the native tools on the fixtures, and a StepRunner that runs steps on it as the workbench would.
import { respond, createFakeEngine, type FakeEngine, type FakeProgram } from '../../../fakes/fake-engine';
import type { StepRunner } from '../../../../src/core/analyses/run-analysis';
import { toolOutput } from '../parsers/tool-output';

const stats = toolOutput('samtools-stats.ex1.bam.txt');

export const SCRIPTED: Record<string, FakeProgram> = {
  samtools: respond(
    {
      'flagstat ex1.bam': toolOutput('samtools-flagstat.ex1.bam.txt'),
      'idxstats ex1.bam': toolOutput('samtools-idxstats.ex1.bam.txt'),
      'stats -i 8000 -c 1,1000,1 ex1.bam': stats,
      'stats -i 500 -c 1,1000,1 ex1.bam': stats,
      ...Object.fromEntries(
        [1, 20, 30, 60].map((q) => [
          `view -c -F 0x904 -q ${q} ex1.bam`,
          toolOutput(`samtools-view-count-mapq${q}.ex1.bam.txt`),
        ]),
      ),
    },
    'samtools',
  ),
  bcftools: respond(
    {
      'stats -s - 1kg_phase1_chr22_5samples.vcf.gz': toolOutput('bcftools-stats.1kg_phase1_chr22_5samples.vcf.gz.txt'),
      'stats -s - ex1.calls.vcf.gz': toolOutput('bcftools-stats.ex1.calls.vcf.gz.txt'),
    },
    'bcftools',
  ),
  seqtk: respond(
    Object.fromEntries(
      ['R1', 'R2'].flatMap((r) => [
        [`fqchk -q 20 ex1_${r}.fastq.gz`, toolOutput(`seqtk-fqchk.ex1_${r}.fastq.gz.txt`)],
        [`comp ex1_${r}.fastq.gz`, toolOutput(`seqtk-comp.ex1_${r}.fastq.gz.txt`)],
      ]),
    ),
    'seqtk',
  ),
};

export function scriptedEngine(): FakeEngine {
  return createFakeEngine({ programs: SCRIPTED });
}

export function engineRunner(engine: FakeEngine): StepRunner {
  return {
    async run(step) {
      const result = await engine.run(step.job).result;
      if (result.status !== 'succeeded') return { succeeded: false, message: result.error?.advice ?? result.stderr };
      const file =
        step.job.stdoutFile === undefined ? undefined : result.outputs.find((o) => o.path === step.job.stdoutFile);
      return { succeeded: true, text: file ? await file.blob.text() : result.stdout };
    },
  };
}
