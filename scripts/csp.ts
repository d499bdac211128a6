// The Content-Security-Policy of every page Lokus serves: written in each HTML page (for static hosting; the
// build fails if a page's policy differs from this one) and sent as a header by `npm start` / `npm run dev`. Only the app's own origin, plus what the engine needs:
// WebAssembly compilation ('wasm-unsafe-eval') and blob: module scripts for the tools' glue code.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Cross-origin isolation: lets the engine share memory between workers (SharedArrayBuffer), so the steps of a
 * pipeline run at once with a real pipe between them. Everything Lokus loads is its own origin, so require-corp
 * costs nothing; a host that cannot send these headers still works, with pipelines run step by step.
 */
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export function contentSecurityPolicy(): Plugin {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...CROSS_ORIGIN_ISOLATION,
  };
  return {
    name: 'lokus-csp',
    config: () => ({ server: { headers }, preview: { headers } }),
    transformIndexHtml(html, context) {
      const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
      const policy = match?.[1]?.replace(/\s+/g, ' ').trim();
      if (policy !== CONTENT_SECURITY_POLICY) {
        throw new Error(
          `${context.filename}: its Content-Security-Policy meta tag must read exactly: ${CONTENT_SECURITY_POLICY}`,
        );
      }
      return html;
    },
  };
}
