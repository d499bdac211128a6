// Vite builds the app; Vitest runs three projects: unit (Node), wasm (real tools in Node), e2e (real Chromium).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { exampleData } from './scripts/vite-plugin-examples.ts';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { offlineApp } from './scripts/pwa.ts';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE } from './scripts/i18n-options.ts';

/**
 * `vite build --mode harness` (the e2e tests' global setup and the browser benchmarks) adds engine-harness.html, a
 * bare page exposing the tool engine; the production build (`npm run build`) leaves test pages out.
 */
const HARNESS_MODE = 'harness';

export default defineConfig(({ mode }) => ({
  base: './',
  // Under Vitest the messages are compiled by test/support/compile-messages.ts (the plugin's watcher blocks exit).
  plugins: [
    ...(process.env.VITEST ? [] : [paraglideVitePlugin(PARAGLIDE)]),
    svelte(),
    exampleData(),
    contentSecurityPolicy(),
    offlineApp(),
  ],
  // Lesson data files (any extension) are assets, so src/bundled-lessons.ts can import them with ?inline.
  assetsInclude: ['**/lessons/*/data/*'],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { main: 'index.html', ...(mode === HARNESS_MODE ? { 'engine-harness': 'engine-harness.html' } : {}) },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // A test that asserts nothing fails: it could not have failed either.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Some state tests read and fingerprint real fixtures: seconds on a shared, busy machine.
          testTimeout: 30_000,
          globalSetup: ['test/support/compile-messages.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'wasm', include: ['test/wasm/**/*.test.ts'], environment: 'node', testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/compile-messages.ts', 'test/e2e/support/global-setup.ts'],
          setupFiles: ['test/e2e/support/failure-screenshots.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The app's work is asynchronous (workers, IndexedDB); polls wait for it, on a loaded machine too.
          expect: { requireAssertions: true, poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
}));
