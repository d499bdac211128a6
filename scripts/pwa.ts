// Offline use and installability: the web app manifest, and a Workbox service worker that precaches the app
// and caches each tool (and the example data) the first time it is used, so large tools load lazily.
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

import { TOOLS_CACHE } from './pwa-names.ts';

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
