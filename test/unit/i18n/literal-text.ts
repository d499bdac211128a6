// Finds text a .svelte file shows literally (template text, and the attributes a person reads or hears) rather
// than through a message function, using Svelte's own parser so script, style and expressions are never mistaken.
import { parse } from 'svelte/compiler';

/** Attributes whose literal values are read by people (screen readers included). */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);

/** A sentence or phrase: two words of letters (a lone token such as "×", "Lokus" or "BAM" is not one). */
const PHRASE = /[A-Za-zÅÄÖåäö]{2,}[^A-Za-zÅÄÖåäö{]+[A-Za-zÅÄÖåäö]{2,}/;

interface Node {
  type: string;
  data?: string;
  name?: string;
  value?: unknown;
  start: number;
  [key: string]: unknown;
}

export function literalTexts(source: string): { text: string; line: number }[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: { text: string; offset: number }[] = [];
  const visit = (node: unknown, inAttribute?: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, inAttribute));
    const n = node as Node;
    if (n.type === 'Text' && typeof n.data === 'string') {
      const readable = inAttribute === undefined || READ_ATTRIBUTES.has(inAttribute);
      if (readable && (PHRASE.test(n.data) || (inAttribute && /[A-Za-z]{3,}/.test(n.data))))
        found.push({ text: n.data.trim(), offset: n.start });
      return;
    }
    if (n.type === 'Attribute') return visit(n.value, n.name);
    if (n.type === 'Comment' || n.type === 'ExpressionTag' || n.type === 'StyleSheet' || n.type === 'Script') return;
    for (const [key, value] of Object.entries(n)) if (key !== 'metadata') visit(value, inAttribute);
  };
  visit(ast.fragment);
  return found.map(({ text, offset }) => ({ text, line: source.slice(0, offset).split('\n').length }));
}
