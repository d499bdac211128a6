// Offline use and installability: the web app manifest, and a Workbox service worker that precaches the app and
// every tool file on its first install (so the first visit already works offline), and caches example data on use.
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

import { TOOLS_CACHE } from './pwa-names.ts';

interface ManifestFile {
  path: string;
  sha256: string;
}

/**
 * Every tool file under the URL the engine asks for (`?sha=` of its content, src/engine/programs.ts), so the
 * content is the version (revision null) and a rebuilt tool is fetched again. Precached rather than cached on first
 * use: the first visit's page is not controlled by the service worker, so the tools it fetched would never be kept,
 * and all 16 files are about 9 MB, less than most inputs.
 */
function toolEntries(): { url: string; revision: null }[] {
  const manifest = JSON.parse(readFileSync(new URL('../wasm/tools.json', import.meta.url), 'utf8')) as {
    tools: { programs?: { js?: ManifestFile; wasm?: ManifestFile }[] }[];
  };
  return manifest.tools.flatMap((tool) =>
    (tool.programs ?? []).flatMap((program) =>
      [program.js, program.wasm].flatMap((file) =>
        file ? [{ url: `${file.path.replace(/^public\//, '')}?sha=${file.sha256.slice(0, 8)}`, revision: null }] : [],
      ),
    ),
  );
}

export function offlineApp(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Lokus — private genomics workbench',
      short_name: 'Lokus',
      description: 'Genomics tools that run in your browser on your own files. Nothing leaves your computer.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#0d1117',
      theme_color: '#1f6feb',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      globIgnores: ['wasm/**', 'engine-harness.html', 'assets/engine-harness-*'],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/engine-harness/],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      additionalManifestEntries: toolEntries(),
      // The first visit's page is claimed once the service worker is active, so example data it fetches is kept.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url }) => url.pathname.includes('/wasm/') || url.pathname.includes('/examples/'),
          handler: 'CacheFirst',
          options: { cacheName: TOOLS_CACHE },
        },
      ],
    },
  });
}
