// The viewer state on a real AppState (fake engine, store on fake-indexeddb): tracks planned from the opened
// files, choices saved with the session and restored, goto before and after the browser is attached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewerState } from '../../../src/state/viewer.svelte';
import { composeState } from './compose';
import { makeStore, type TestStore } from '../storage/support';
import { scriptedEngine } from '../core/analyses/scripted-tools';

const FILES = ['ex1.fa', 'ex1.fa.fai', 'ex1.bam', 'ex1.bam.bai', 'ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'];
const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)))], name);

let t: TestStore;
afterEach(() => t.store.close());

async function openViewer(sessionId?: string) {
  const workbench = composeState(scriptedEngine(), t.store);
  const session = sessionId ? (await t.store.getSession(sessionId))! : await t.store.createSession('Viewer');
  await workbench.loader.load(session);
  if (!sessionId) await workbench.files.openFiles(FILES.map(fixture));
  const viewer = new ViewerState(workbench);
  await viewer.load(session.id);
  return { workbench, viewer, session };
}

describe('ViewerState', () => {
  it('shows the reference and every viewable track of a new session', async () => {
    t = makeStore();
    const { viewer } = await openViewer();
    expect(viewer.activeReference).toMatchObject({ name: 'ex1.fa', index: 'ex1.fa.fai' });
    expect(viewer.shown.map((track) => [track.name, track.index])).toEqual([
      ['ex1.bam', 'ex1.bam.bai'],
      ['ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'],
    ]);
    expect(viewer.unreadable).toEqual([]);
    expect((await viewer.fileOf('ex1.bam'))?.name).toBe('ex1.bam');
  });

  it('saves the hidden tracks, locus and options with the session and restores them', async () => {
    t = makeStore();
    const { viewer, session } = await openViewer();
    viewer.setShown('ex1.calls.vcf.gz', false);
    viewer.noteLocus('seq1:100-200');
    viewer.setOptions({ alignmentDisplay: 'COLLAPSED', minMappingQuality: 20 });
    // Saved once, shortly after the last change.
    await expect.poll(() => t.store.getViewerState(session.id), { timeout: 3_000 }).toContain('COLLAPSED');
    const again = await openViewer(session.id);
    expect(again.viewer.shown.map((track) => track.name)).toEqual(['ex1.bam']);
    expect(again.viewer.locus).toBe('seq1:100-200');
    expect(again.viewer.options).toMatchObject({ alignmentDisplay: 'COLLAPSED', minMappingQuality: 20 });
    expect(JSON.parse((await t.store.getViewerState(session.id))!)).toMatchObject({
      reference: 'ex1.fa',
      tracks: ['ex1.bam'],
      hidden: ['ex1.calls.vcf.gz'],
    });
  });

  it('keeps a goto made before the browser exists and runs it once the browser attaches', async () => {
    t = makeStore();
    const { viewer } = await openViewer();
    await viewer.goto('seq1:548');
    const driver = { goto: vi.fn(async () => true) };
    viewer.attach(driver);
    expect(driver.goto).toHaveBeenCalledWith('seq1:548');
  });

  it('says so when a search finds nothing', async () => {
    t = makeStore();
    const { viewer } = await openViewer();
    viewer.attach({ goto: async () => false });
    expect(await viewer.goto('noSuchGene')).toBe(false);
    expect(viewer.message).toMatch(/Nothing found for "noSuchGene"/);
  });

  it('writes an IGV batch script of the shown tracks', async () => {
    t = makeStore();
    const { viewer } = await openViewer();
    viewer.noteLocus('seq1:100-200');
    expect(viewer.batchScript()).toContain(
      'new\ngenome ex1.fa\nload ex1.bam\nload ex1.calls.vcf.gz\nexpand ex1.bam\ngoto seq1:100-200\n',
    );
  });
});
