// Builds the app once and serves dist/ on a local port for every end-to-end test file.
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

/** LOKUS_E2E_OUT_DIR lets two test runs on one machine build side by side (default: dist). */
const outDir = process.env['LOKUS_E2E_OUT_DIR'] ?? 'dist';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Mode 'harness' adds engine-harness.html, the page the engine tests drive (left out of the production build).
  await build({ mode: 'harness', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no TCP address');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
