// The variant browser's state on a real AppState with a fake bcftools answering with native outputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { VariantBrowserState } from '../../../src/state/variant-browser.svelte';
import { composeState, type AppState } from './compose';
import { createFakeEngine, respond } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';
import { toolOutput } from '../core/parsers/tool-output';

const VCF = '1kg_phase1_chr22_5samples.vcf.gz';
const FORMAT = '%CHROM\\t%POS\\t%ID\\t%REF\\t%ALT\\t%QUAL\\t%FILTER\\t%INFO/AF\\t%INFO/VT[\\t%GT]\\n';
const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)))], name);

let t: TestStore;
afterEach(() => t.store.close());

/** The state of the last open() (its session is the one the browser shows). */
let workbench: AppState;

async function open(): Promise<VariantBrowserState> {
  t = makeStore();
  workbench = composeState(fakeBcftools(), t.store);
  await workbench.loader.load(await t.store.createSession('Variants'));
  await workbench.files.openFiles([fixture(VCF), fixture(`${VCF}.tbi`)]);
  const browser = workbench.variants;
  await browser.choose(VCF);
  return browser;
}

function fakeBcftools() {
  return createFakeEngine({
    programs: {
      bcftools: (call) => {
        if (call.argv.includes('XYZ>1'))
          return (
            call.stderr('[filter.c:2933 filters_init1] Error: the tag "XYZ" is not defined in the VCF header\n'),
            255
          );
        return respond(
          {
            [`view -h --no-version ${VCF}`]: toolOutput(`bcftools-view-header.${VCF}.txt`),
            // native bcftools index -s (no ##contig length in this file)
            [`index -s ${VCF}`]: '22\t.\t10376\n',
            [`query -f ${FORMAT} -r 22:50300000-50310000 ${VCF}`]: toolOutput(`bcftools-query.${VCF}.region.txt`),
          },
          'bcftools',
        )(call);
      },
    },
  });
}

describe('VariantBrowserState', () => {
  it('reads the header and offers its samples and INFO fields', async () => {
    const browser = await open();
    expect(browser.header!.samples).toHaveLength(5);
    expect(browser.infoFields).toEqual(['AF', 'AC', 'AN', 'VT']);
    expect(browser.hasIndex).toBe(true);
  });

  it('shows the rows of a region query and sorts them', async () => {
    const browser = await open();
    browser.infoFields = ['AF', 'VT'];
    browser.setFilter({ region: '22:50,300,000-50,310,000' });
    await browser.apply();
    expect(browser.error).toBeUndefined();
    expect(browser.rows).toHaveLength(194);
    expect(browser.columns.slice(0, 9)).toEqual(['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'AF', 'VT']);
    browser.sortBy(7);
    browser.sortBy(7);
    const afs = browser.sorted.slice(0, browser.sorted.length).map((row) => Number(row[7]));
    expect(afs[0]).toBe(Math.max(...afs));
  });

  it('explains an expression naming a field the file does not have', async () => {
    const browser = await open();
    browser.setFilter({ expression: 'XYZ>1' });
    await browser.apply();
    expect(browser.error).toMatch(/^The expression uses XYZ, which this file does not define\./);
  });

  it('shows the last query again after a reload, from the stored runs, without running bcftools', async () => {
    const browser = await open();
    browser.infoFields = ['AF', 'VT'];
    browser.setFilter({ region: '22:50,300,000-50,310,000' });
    await browser.apply();
    const shown = browser.rows;

    const engine = fakeBcftools();
    const reloaded = composeState(engine, t.store);
    await reloaded.loader.load(workbench.current.session!);
    const again = reloaded.variants;
    await again.restore(reloaded.current.session!.id);
    expect(again.error).toBeUndefined();
    expect(again.file).toBe(VCF);
    expect(again.filter).toEqual({ ...browser.filter, samples: [] });
    expect(again.infoFields).toEqual(['AF', 'VT']);
    expect(again.columns).toEqual(browser.columns);
    expect(again.rows.slice(0, again.rows.length)).toEqual(shown.slice(0, shown.length));
    expect(engine.calls).toEqual([]);
  });

  it('starts empty in a session without a query', async () => {
    const browser = await open();
    await browser.restore(workbench.current.session!.id);
    expect(browser.file).toBe('');
    expect(browser.rows).toHaveLength(0);
  });
});
