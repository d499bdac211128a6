// The lessons shipped with Lokus (lessons/<id>/): lesson files and texts are bundled; each data file is a module of
// its own (a base64 data: URL), loaded when its lesson starts. Not a fetched asset: static servers send "x.gz" with
// Content-Encoding: gzip and the browser would hand over decompressed bytes. As scripts, the service worker keeps
// them for offline use.
import type { Lesson } from './core/lessons/lesson';
import type { LessonSource } from './state/lessons.svelte';

const files = import.meta.glob<Lesson>('../lessons/*/lesson.json', { eager: true, import: 'default' });
const texts = import.meta.glob<string>('../lessons/*/steps/*.md', { eager: true, query: '?raw', import: 'default' });
const data = import.meta.glob<string>('../lessons/*/data/*', { query: '?inline', import: 'default' });

export const BUNDLED_LESSONS: LessonSource[] = Object.entries(files).map(([path, lesson]) => {
  const folder = path.slice(0, -'lesson.json'.length);
  const inFolder = <T>(all: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(all).flatMap(([p, v]) => (p.startsWith(folder) ? [[p.slice(folder.length), v]] : [])),
    );
  const urls = inFolder(data);
  return {
    lesson,
    texts: inFolder(texts),
    loadData: async () => {
      const out: Record<string, Blob> = {};
      for (const [name, load] of Object.entries(urls)) out[name.slice('data/'.length)] = fromDataUrl(await load());
      return out;
    },
  };
});

/** A base64 data: URL to its bytes (fetch() of a data: URL is refused by the CSP's connect-src 'self'). */
function fromDataUrl(url: string): Blob {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes]);
}
