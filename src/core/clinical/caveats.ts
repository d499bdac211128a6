// Sentences every clinical quick-check report prints among its caveats.
export const RESEARCH_ONLY =
  'For research and education, not for clinical decisions: results have not been validated for diagnostic use.';
