import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/session';
import { makeStore, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

describe('console history', () => {
  it('keeps lines in the order typed, per session', async () => {
    t = makeStore();
    const a = await t.store.createSession('A');
    const b = await t.store.createSession('B');
    await t.store.appendConsole(a.id, 'samtools view -c ex1.bam');
    await t.store.appendConsole(b.id, 'ls');
    await t.store.appendConsole(a.id, 'samtools flagstat ex1.bam', 'run-9');
    expect((await t.store.listConsole(a.id)).map((e) => [e.line, e.runId])).toEqual([
      ['samtools view -c ex1.bam', undefined],
      ['samtools flagstat ex1.bam', 'run-9'],
    ]);
  });

  it('returns the last N lines, oldest first', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    for (const line of ['one', 'two', 'three']) await t.store.appendConsole(s.id, line);
    expect((await t.store.listConsole(s.id, 2)).map((e) => e.line)).toEqual(['two', 'three']);
  });

  it('drops the oldest lines beyond the history limit', async () => {
    t = makeStore();
    await t.store.saveSettings({ consoleHistoryLimit: 2 });
    const s = await t.store.createSession('A');
    for (const line of ['one', 'two', 'three']) await t.store.appendConsole(s.id, line);
    expect((await t.store.listConsole(s.id)).map((e) => e.line)).toEqual(['two', 'three']);
  });

  it('clears one session only', async () => {
    t = makeStore();
    const a = await t.store.createSession('A');
    const b = await t.store.createSession('B');
    await t.store.appendConsole(a.id, 'x');
    await t.store.appendConsole(b.id, 'y');
    await t.store.clearConsole(a.id);
    expect(await t.store.listConsole(a.id)).toEqual([]);
    expect(await t.store.listConsole(b.id)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('starts from the defaults', async () => {
    t = makeStore();
    expect(await t.store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a patch and keeps it', async () => {
    t = makeStore();
    await t.store.saveSettings({ theme: 'dark' });
    await t.store.saveSettings({ blobSizeLimitBytes: 1024 });
    expect(await t.store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', blobSizeLimitBytes: 1024 });
  });
});
