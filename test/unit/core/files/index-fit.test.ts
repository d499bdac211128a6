import { describe, expect, it } from 'vitest';
import { detectBlob } from '../../../../src/core/files/detect';
import { checkIndexFit, pairFittingIndexes, type FitFile } from '../../../../src/core/files/index-fit';
import { fixture } from './fixture';

/** A fixture as the session holds it: its bytes under a name, with the format detection found. */
async function file(path: string, name = path.split('/').pop() ?? path): Promise<FitFile> {
  const blob = new Blob([fixture(path) as Uint8Array<ArrayBuffer>]);
  const { format, compression } = await detectBlob(name, blob);
  return { name, blob, format, compression };
}

const fit = async (data: string, index: string) => checkIndexFit(await file(data), await file(index));

describe('checkIndexFit: every index of the fixtures fits its own file', () => {
  it.each([
    ['ex1.bam', 'ex1.bam.bai'],
    ['ex1.cram', 'ex1.cram.crai'],
    ['ex1.mpileup.bcf', 'ex1.mpileup.bcf.csi'],
    ['1kg_phase1_chr22_5samples.bcf', '1kg_phase1_chr22_5samples.bcf.csi'],
    ['1kg_phase1_chr22_5samples.vcf.gz', '1kg_phase1_chr22_5samples.vcf.gz.tbi'],
    ['ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'],
    ['ex1.mpileup.vcf.gz', 'ex1.mpileup.vcf.gz.tbi'],
    ['gencode_excerpt.gtf.gz', 'gencode_excerpt.gtf.gz.tbi'],
    ['sex.female.bam', 'sex.female.bam.csi'],
    ['sex.male.bam', 'sex.male.bam.csi'],
    ['hotspots.grch38.bam', 'hotspots.grch38.bam.bai'],
    ['identity.HG00096.bam', 'identity.HG00096.bam.bai'],
    ['ex1.fa', 'ex1.fa.fai'],
    ['MT-human.fa', 'MT-human.fa.fai'],
    ['identity.ref.fa.gz', 'identity.ref.fa.gz.fai'],
    ['bad/wrong-reference.fa', 'bad/wrong-reference.fa.fai'],
  ])('%s with %s', async (data, index) => {
    expect(await fit(data, index)).toEqual({ fits: true });
  });
});

describe('checkIndexFit: an index of another file does not fit, and says why', () => {
  it.each([
    ['bad/other.bam', 'ex1.bam.bai', /points at byte \d+ and other\.bam has 12425 bytes/],
    ['ex1.bam', 'hotspots.grch38.bam.bai', /indexes 25 references and ex1\.bam has 2 references/],
    ['sex.male.bam', 'sex.female.bam.csi', /sex\.female\.bam\.csi points at byte \d+ and sex\.male\.bam has \d+ bytes/],
    ['identity.HG00096.bam', 'hotspots.grch38.bam.bai', /indexes 25 references and identity\.HG00096\.bam has 1/],
    ['ex1.calls.vcf.gz', 'ex1.mpileup.vcf.gz.tbi', /points at byte|where .* says the records of seq1 start/],
    ['identity.HG00096.a.vcf.gz', 'identity.HG00097.vcf.gz.tbi', /identity\.HG00097\.vcf\.gz\.tbi points at byte/],
    [
      '1kg_phase1_chr22_5samples.vcf.gz',
      'gencode_excerpt.gtf.gz.tbi',
      /where gencode_excerpt\.gtf\.gz\.tbi says the records of chr1 start, 1kg_phase1_chr22_5samples\.vcf\.gz has a record of another sequence/,
    ],
    ['ex1.mpileup.bcf', '1kg_phase1_chr22_5samples.bcf.csi', /indexes \d+ references? and ex1\.mpileup\.bcf has 2/],
    ['ex1.fa', 'MT-human.fa.fai', /places MT_human where ex1\.fa has another sequence|places MT_human at byte/],
    ['ex1.fa', 'bad/wrong-reference.fa.fai', /places seq2 where ex1\.fa has another sequence/],
  ])('%s with %s', async (data, index, reason) => {
    const result = await fit(data, index);
    expect(result).toMatchObject({ fits: false, why: 'other-file' });
    expect(result.fits ? '' : result.reason).toMatch(reason);
  });

  it('an index of 0 bytes is empty, and a file of another kind is not an index of it', async () => {
    expect(await fit('bad/empty-index.bam', 'bad/empty-index.bam.bai')).toEqual({
      fits: false,
      why: 'empty',
      reason: 'empty-index.bam.bai is empty (0 bytes)',
    });
    expect(await checkIndexFit(await file('ex1.bam'), await file('ex1.calls.vcf.gz.csi', 'ex1.bam.csi'))).toMatchObject(
      {
        fits: false,
      },
    );
    expect(await checkIndexFit(await file('ex1.bam'), await file('ex1.fa.fai', 'ex1.bam.bai'))).toMatchObject({
      fits: false,
      why: 'damaged',
      reason: /ex1\.bam\.bai is FASTA index \(\.fai\), not an index for BAM/,
    });
  });
});

describe('pairFittingIndexes', () => {
  const session = async (...paths: Array<string | [string, string]>) =>
    Promise.all(
      paths.map(async (p) => {
        const f = typeof p === 'string' ? await file(p) : await file(p[0], p[1]);
        return { name: f.name, format: f.format, compression: f.compression, blob: f.blob };
      }),
    );

  it('pairs what fits, refuses what does not and offers the index job in its place', async () => {
    const result = await pairFittingIndexes(
      await session(
        'ex1.bam',
        'ex1.bam.bai',
        'bad/other.bam',
        'bad/other.bam.bai',
        'bad/empty-index.bam',
        'bad/empty-index.bam.bai',
      ),
    );
    expect(result.pairs).toEqual([{ data: 'ex1.bam', index: 'ex1.bam.bai', indexFormat: 'bai' }]);
    expect(result.misfits.map((m) => [m.data, m.index, m.why])).toEqual([
      ['other.bam', 'other.bam.bai', 'other-file'],
      ['empty-index.bam', 'empty-index.bam.bai', 'empty'],
    ]);
    expect(result.misfits[0]?.indexMessage).toMatch(
      /^other\.bam\.bai belongs to another file, not other\.bam: .*Lokus does not use it; "Create the right index" on other\.bam/,
    );
    expect(result.missing.map((m) => [m.data, m.jobs[0]?.steps[0]?.argv, m.replaces])).toEqual([
      ['other.bam', ['index', 'other.bam'], ['other.bam.bai']],
      ['empty-index.bam', ['index', 'empty-index.bam'], ['empty-index.bam.bai']],
    ]);
    expect(result.orphans).toEqual(['other.bam.bai']);
  });

  it('takes the next index name that fits when the first does not', async () => {
    const result = await pairFittingIndexes(
      await session(['sex.male.bam', 'x.bam'], ['sex.female.bam.csi', 'x.bam.csi'], ['sex.male.bam.csi', 'x.csi']),
    );
    expect(result.pairs).toEqual([{ data: 'x.bam', index: 'x.csi', indexFormat: 'csi' }]);
    expect(result.missing).toEqual([]);
  });
});
