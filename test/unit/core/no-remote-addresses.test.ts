// Nothing the app bundles names a remote address: not as a request, and not as text a later change might turn
// into one (source notes keep their web addresses in READMEs, which are not bundled). XML namespace names are
// identifiers, never fetched.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const NAMESPACES = ['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'];
// The Singularity image depot a workflow export names for the user's cluster (core/export/containers.ts): text
// written into the exported Nextflow/Snakemake files, never requested by the app.
const EXPORTED_IMAGE_DEPOT = 'https://depot.galaxyproject.org/singularity/';

/**
 * src/paraglide is Paraglide's compiler output (npm run i18n): its doc comments name the project's website and
 * example sites; its URL strategy is not one Lokus enables (localStorage, preferredLanguage, baseLocale).
 */
const GENERATED = join(SRC, 'paraglide');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === GENERATED) return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte|json|css|html)$/.test(name) ? [path] : [];
  });
}

describe('bundled sources', () => {
  it('name no remote address', () => {
    const found = files(SRC).flatMap((path) => {
      const text = [...NAMESPACES, EXPORTED_IMAGE_DEPOT].reduce(
        (t, ns) => t.replaceAll(ns, ''),
        readFileSync(path, 'utf8'),
      );
      return [...text.matchAll(/https?:\/\/[^\s"'`)]+|\bwww\.[\w.-]+/g)].map((m) => `${relative(SRC, path)}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });
});
