// Paraglide's compiler options for the Vite plugin (build and dev server); `npm run i18n` passes the same on its
// command line. The chosen language is kept in localStorage; on a first visit the browser's language decides.
export const PARAGLIDE = {
  project: './project.inlang',
  outdir: './src/paraglide',
  strategy: ['localStorage', 'preferredLanguage', 'baseLocale'] as (
    'localStorage' | 'preferredLanguage' | 'baseLocale'
  )[],
  emitTsDeclarations: true,
};
