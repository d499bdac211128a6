// The pathogen panel's state on a real AppState (store on fake-indexeddb) with a fake engine whose samtools and
// bcftools answer with the native outputs for lambda-a: samples paired by name, several started at once, the
// preset chosen from read lengths, the per-sample summary, and the VCF added to the session's files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeState } from './compose';
import { createFakeEngine, type FakeCall, type FakeEngine } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

const bytes = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)));
const fixture = (path: string) => new File([bytes(path)], path.split('/').at(-1)!);
const native = (name: string) => bytes(`tool-output/pathogen/${name}`);

/** samtools/bcftools by subcommand: files where the real tools write them, native text where they print. */
function tools(): FakeEngine {
  const after = (call: FakeCall, flag: string) => call.argv[call.argv.indexOf(flag) + 1]!;
  return createFakeEngine({
    programs: {
      minimap2: (call) => (call.stdout('@HD\tVN:1.6\n'), 0),
      samtools: (call) => {
        const [sub] = call.argv;
        const last = call.argv.at(-1)!;
        if (sub === 'faidx') call.writeFile(`${last}.fai`, 'fai');
        else if (sub === 'sort') call.writeFile(after(call, '-o'), 'BAM');
        else if (sub === 'index') call.writeFile(`${last}.bai`, 'BAI');
        else if (sub === 'flagstat') call.stdout(native('samtools-flagstat.lambda-a.bam.txt'));
        else if (sub === 'depth') call.stdout(gunzipSync(native('samtools-depth.lambda-a.bam.txt.gz')));
        else if (sub === 'consensus') call.stdout(gunzipSync(native('samtools-consensus.lambda-a.bam.fa.gz')));
        else return 1;
        return 0;
      },
      bcftools: (call) => {
        const [sub] = call.argv;
        if (sub === 'view')
          call.writeFile(after(call, '-o'), '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n');
        else if (sub === 'index') call.writeFile(`${call.argv.at(-1)}.csi`, 'CSI');
        else if (sub === 'query') call.stdout(native('bcftools-query.lambda-a.vcf.gz.txt'));
        else if (sub !== 'mpileup' && sub !== 'call' && sub !== 'norm') return 1;
        return 0;
      },
    },
  });
}

let t: TestStore;
afterEach(() => t.store.close());

async function setUp(more: string[] = []) {
  t = makeStore();
  const engine = tools();
  const workbench = composeState(engine, t.store);
  await workbench.loader.load(await t.store.createSession('pathogen'));
  await workbench.files.openFiles(
    [
      'pathogen/lambda.fa',
      'pathogen/lambda-a_R1.fastq.gz',
      'pathogen/lambda-a_R2.fastq.gz',
      'MT-human.ont-sim.fastq',
      ...more,
    ].map(fixture),
  );
  const pathogen = workbench.pathogen;
  pathogen.suggest();
  return { engine, workbench, pathogen };
}

describe('PathogenState', () => {
  it('pairs R1 with R2, keeps a single file as its own sample and suggests the reference', async () => {
    const { pathogen } = await setUp();
    expect(pathogen.samples).toEqual([
      { name: 'lambda-a', reads1: 'lambda-a_R1.fastq.gz', reads2: 'lambda-a_R2.fastq.gz' },
      { name: 'MT-human.ont-sim', reads1: 'MT-human.ont-sim.fastq' },
    ]);
    expect(pathogen.reference).toBe('lambda.fa');
    expect(pathogen.chosen).toEqual(['lambda-a', 'MT-human.ont-sim']);
    expect(pathogen.problem).toBeUndefined();
  });

  it('starts every chosen sample at once, with the preset from the reads, and summarises each', async () => {
    const { engine, workbench, pathogen } = await setUp();
    await pathogen.start();
    const aligners = engine.calls
      .filter((c) => c.program === 'minimap2')
      .map((c) => c.argv.slice(0, 3).join(' ') + ' … ' + c.argv.slice(4).join(' '));
    expect(aligners.sort()).toEqual([
      '-a -x map-ont … MT-human.ont-sim.fastq',
      '-a -x sr … lambda-a_R1.fastq.gz lambda-a_R2.fastq.gz',
    ]);
    expect(pathogen.rows.map((r) => [r.sample, r.status])).toEqual([
      ['lambda-a', 'succeeded'],
      ['MT-human.ont-sim', 'succeeded'],
    ]);
    const metrics = Object.fromEntries(pathogen.rows[0]!.metrics.map((m) => [m.key, m.value]));
    expect(metrics).toMatchObject({ reads: 12_000, variants: 6 });
    const names = workbench.files.files.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['lambda-a.vcf.gz', 'lambda-a.vcf.gz.csi', 'MT-human.ont-sim.vcf.gz']),
    );
    expect(workbench.runs.runs.filter((r) => r.label?.startsWith('Pathogen lambda-a:'))).toHaveLength(8);
  });

  it('shows the latest run of each sample again after a reload, with results rebuilt from the stored runs', async () => {
    const { workbench, pathogen } = await setUp();
    await pathogen.start();
    const again = composeState(tools(), t.store);
    await again.loader.load(workbench.current.session!);
    const reloaded = again.pathogen;
    expect(reloaded.rows.map((r) => [r.sample, r.status])).toEqual([
      ['lambda-a', 'loading'],
      ['MT-human.ont-sim', 'loading'],
    ]);
    reloaded.loadEarlier();
    await vi.waitFor(() => expect(reloaded.rows.every((r) => r.status === 'succeeded')).toBe(true));
    expect(reloaded.rows[0]!.metrics.find((m) => m.key === 'variants')?.value).toBe(6);
  });

  it('leaves the reference to the user when the session holds several FASTA files', async () => {
    const { pathogen } = await setUp(['MT-human.fa']);
    expect(pathogen.references).toEqual(['lambda.fa', 'MT-human.fa']);
    expect(pathogen.reference).toBe('');
    expect(pathogen.problem).toMatch(/Choose the reference genome/);
  });

  it('says what is missing before it can start', async () => {
    const { pathogen } = await setUp();
    pathogen.toggle('lambda-a', false);
    pathogen.toggle('MT-human.ont-sim', false);
    expect(pathogen.problem).toBe('Choose at least one sample.');
    pathogen.toggle('lambda-a', true);
    pathogen.reference = '';
    expect(pathogen.problem).toMatch(/Choose the reference genome/);
  });
});
