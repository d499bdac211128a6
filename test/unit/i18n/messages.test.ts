// Every message exists in English and Swedish with the same parameters, and the converted .svelte files show no
// literal English: what they show comes from messages/{en,sv}.json through Paraglide's typed functions.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalTexts } from './literal-text';
import { NOT_YET_CONVERTED } from './not-yet-converted';

const root = join(import.meta.dirname, '../../..');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? svelteFiles(join(dir, entry.name))
      : entry.name.endsWith('.svelte')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('messages', () => {
  const en = load('en');
  const sv = load('sv');
  const keys = (messages: Record<string, string>) => Object.keys(messages).filter((key) => key !== '$schema');

  it.each([
    ['en', en, sv, 'sv'],
    ['sv', sv, en, 'en'],
  ])('every %s message is also in %s, not empty, with the same parameters', (_name, from, other, otherName) => {
    for (const key of keys(from)) {
      expect(other[key], `${key} is missing from messages/${otherName}.json`).toBeTypeOf('string');
      expect(other[key]!.trim(), `${key} is empty in messages/${otherName}.json`).not.toBe('');
      expect(params(other[key]!), `${key}: parameters differ`).toEqual(params(from[key]!));
    }
  });

  it('the literal finder sees template text and read attributes, not code or single tokens', () => {
    const found = literalTexts(
      '<script>const a = "Not this one";</script><p>Open your files</p><b>{m.x()}</b><i>×</i>' +
        '<button aria-label="Close panel">{m.y()}</button><div class="two words"></div><!-- a comment here -->',
    );
    expect(found.map((f) => f.text)).toEqual(['Open your files', 'Close panel']);
  });
});

describe('converted .svelte files show no literal English', () => {
  const files = svelteFiles(join(root, 'src/ui'))
    .map((file) => relative(root, file))
    .filter((file) => !NOT_YET_CONVERTED.includes(file));
  it.each(files)('%s', (file) => {
    const literals = literalTexts(readFileSync(join(root, file), 'utf8'));
    expect(literals.map((l) => `line ${l.line}: ${l.text}`)).toEqual([]);
  });
  it('the list of files not yet converted names only files that exist', () => {
    const all = svelteFiles(join(root, 'src/ui')).map((file) => relative(root, file));
    expect(NOT_YET_CONVERTED.filter((file) => !all.includes(file))).toEqual([]);
  });
});
