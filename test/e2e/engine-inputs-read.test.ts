// Provenance records the inputs a command read, from the worker's file system: names joined to an option
// (`--region-file=x.bed`, `-Tx.bed`) and index paths (`x.bam##idx##x.bai`) count, files it never opened do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmd, openEngine, type EnginePage } from './support/engine-page';

let app: EnginePage;
beforeAll(async () => {
  app = await openEngine();
  await app.mountFixtures('ex1.bam', 'ex1.bam.bai', 'ex1.panel.bed', 'ex1.fa', 'ex1.calls.vcf.gz');
});
afterAll(async () => app?.close());

describe('inputs a command read', () => {
  it.each([
    [['view', '-c', '--region-file=ex1.panel.bed', 'ex1.bam'], 'samtools', ['ex1.bam', 'ex1.bam.bai', 'ex1.panel.bed']],
    [['view', '-c', 'ex1.bam##idx##ex1.bam.bai', 'seq1'], 'samtools', ['ex1.bam', 'ex1.bam.bai']],
    [['view', '-H', '-Tex1.panel.bed', 'ex1.calls.vcf.gz'], 'bcftools', ['ex1.calls.vcf.gz', 'ex1.panel.bed']],
  ])('%j', async (argv, program, read) => {
    const result = await app.run({ steps: [cmd(program, ...argv)] });
    expect(result.status, result.stderr).toBe('succeeded');
    expect([...result.inputsRead].sort()).toEqual(read);
  });
});
