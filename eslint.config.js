// Lint rules, including the one-way dependency rule: ui -> state -> core <- engine/storage.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// A layer's folder pattern '**/engine/**' misses its barrel ('../engine', '../../storage/index'): a regex per layer
// catches those, and only upward paths, so a core module named engine.ts ('./engine') is not mistaken for the layer.
const barrelsOf = (patterns) =>
  patterns
    .filter((p) => p.startsWith('**/') && p.endsWith('/**'))
    .map((p) => `^(\\.\\./)+${p.slice(3, -3)}(/index(\\.ts)?)?$`);

const restrict = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...patterns.map((group) => ({ group: [group], message })),
          ...barrelsOf(patterns).map((regex) => ({ regex, message })),
        ],
      },
    ],
  },
});

export default ts.config(
  // wasm/ holds build recipes and a fragment of emscripten glue (pre.js, ES5 inside the tools' factory), not app code.
  {
    ignores: ['dist/', 'dist-*/', 'node_modules/', 'public/wasm/', 'wasm/', '.cache/', 'bench-data/', 'src/paraglide/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // State classes replace $state.raw values immutably; the Maps, Sets and URLs they hold privately are
      // caches and locals, never read by templates, so Svelte's reactive collections would only add cost.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  restrict(
    ['src/core/**'],
    [
      'svelte',
      'svelte/*',
      'dexie',
      '@biowasm/aioli',
      'comlink',
      '**/engine/**',
      '**/storage/**',
      '**/state/**',
      '**/ui/**',
    ],
    'core is plain TypeScript: it imports no framework, database, worker library or outer layer.',
  ),
  restrict(
    ['src/engine/**'],
    ['dexie', 'svelte', 'svelte/*', '**/storage/**', '**/state/**', '**/ui/**'],
    'engine depends on core only.',
  ),
  restrict(
    ['src/storage/**'],
    ['@biowasm/aioli', 'comlink', 'svelte', 'svelte/*', '**/engine/**', '**/state/**', '**/ui/**'],
    'storage depends on core only.',
  ),
  restrict(
    ['src/state/**'],
    ['dexie', '@biowasm/aioli', 'comlink', '**/engine/**', '**/storage/**', '**/ui/**'],
    'state calls core (and receives engine/storage through core interfaces).',
  ),
  restrict(
    ['src/ui/**'],
    ['dexie', '@biowasm/aioli', 'comlink', '**/engine/**', '**/storage/**'],
    'ui talks to state, not to engine or storage.',
  ),
);
