import { describe, expect, it } from 'vitest';
import { detectBlob } from '../../../../src/core/files/detect';
import { familyTriage } from '../../../../src/core/analyses/family-triage';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { parseTexts } from '../../../../src/core/analyses/run-analysis';
import type { FamilyTriageResult } from '../../../../src/core/family/run';

describe('PED files and text tables are recognised', () => {
  it.each([
    ['trio.ped', 'FAM\tkid\tdad\tmom\t1\t2\nFAM\tdad\t0\t0\t1\t1\n', 'ped'],
    ['trio.txt', 'FAM kid dad mom 1 2\nFAM dad 0 0 1 1\n', 'ped'],
    ['numeric.ped', '1 101 102 103 1 2\n1 102 0 0 1 1\n', 'ped'],
    ['genes.txt', 'COL1A1\nCOL1A2\n', 'table'],
    ['panel.tsv', '##panel_id=x\n#hgnc_id\thgnc_symbol\n2200\tCOL1A1\n', 'table'],
    ['genes', 'COL1A1\nCOL1A2\n', 'unknown'],
  ])('%s is %s', async (name, text, format) => {
    expect((await detectBlob(name, new Blob([text]))).format).toBe(format);
  });
});

const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=1,length=30000>',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tCHILD\tFATHER\tMOTHER',
].join('\n');
const RECORD = '1\t100\tA\tG\tPASS\t.\t0/1:10,10:20:60\t0/0:20,0:20:60\t0/0:20,0:20:60\n';
const PED = 'F\tCHILD\tFATHER\tMOTHER\t1\t2\nF\tFATHER\t0\t0\t1\t1\nF\tMOTHER\t0\t0\t2\t1\n';

function parse(ped: string | undefined, records = RECORD, given: Record<string, number> = {}) {
  const inputs = { variants: 'trio.vcf.gz', ...(ped === undefined ? {} : { pedigree: 'trio.ped' }) };
  const texts = { header: HEADER, records, ...(ped === undefined ? {} : { 'input:pedigree': ped }) };
  return parseTexts<FamilyTriageResult>(familyTriage, texts, inputs, resolveParameters(familyTriage, given));
}

describe('family triage result from its texts', () => {
  it('a PED with a loop is refused with its own message, not as a tool-output problem', () => {
    const out = parse('F\tCHILD\tFATHER\t0\t1\t2\nF\tFATHER\tCHILD\t0\t1\t1\n');
    expect(out).toEqual({ ok: false, message: expect.stringMatching(/^The pedigree has a loop/) });
  });

  it('a parent missing from the VCF is a warning shown first, and de novo says why it cannot answer', () => {
    const out = parse(PED.replace(/MOTHER/g, 'MUM'));
    if (!out.ok) throw new Error(out.message);
    expect(familyTriage.tables(out.result)['warnings']![0]!['warning']).toMatch(
      /MUM \(mother\) is in trio.ped but not in the VCF/,
    );
    expect(familyTriage.metrics(out.result).find((m) => m.key === 'denovo')!.note).toBe(
      'not applicable, because the mother is not in the VCF',
    );
  });

  it('the form stands in for a PED: sample numbers, sex and affected parents', () => {
    const out = parse(undefined, RECORD, { proband: 1, father: 2, mother: 3, probandSex: 2 });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.modes.find((m) => m.group === 'denovo')!.count).toBe(1);
    expect(out.result.family.source).toBe('the form');
  });

  it('a call set without records is "not applicable", not "0 found"', () => {
    const out = parse(PED, '');
    if (!out.ok) throw new Error(out.message);
    expect(familyTriage.applies!(out.result)?.because).toBe('trio.vcf.gz has no variant records');
  });
});
