// Makes two texts comparable (declared normalisations) and says where they first differ, so a check can tell the
// learner which line is not yet right rather than only "different".
import type { Normalisation } from './lesson';

/** Header lines: SAM (@), VCF (#) and tool comments (#). */
const HEADER = /^[@#]/;
/** Lines that name the tool, its version or its command line, which differ between runs but not in meaning. */
const PROVENANCE = /^(@PG\t|##\w+(Version|Command)=|# This file was produced by|# The command line was|# CMD:)/;

export function normalise(text: string, steps: readonly Normalisation[] = []): string[] {
  let lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines = lines.filter((line) => !PROVENANCE.test(line));
  if (steps.includes('drop-headers')) lines = lines.filter((line) => !HEADER.test(line));
  if (steps.includes('trim')) lines = lines.map((line) => line.trimEnd()).filter((line) => line !== '');
  if (steps.includes('sort')) lines = [...lines].sort();
  return lines;
}

export interface TextDifference {
  /** 1-based line of the normalised texts. */
  line: number;
  expected: string;
  actual: string;
}

export function firstDifference(
  actual: string,
  expected: string,
  steps: readonly Normalisation[] = [],
): TextDifference | undefined {
  const a = normalise(actual, steps);
  const e = normalise(expected, steps);
  for (let i = 0; i < Math.max(a.length, e.length); i += 1)
    if (a[i] !== e[i]) return { line: i + 1, expected: e[i] ?? '(end of output)', actual: a[i] ?? '(end of output)' };
  return undefined;
}
