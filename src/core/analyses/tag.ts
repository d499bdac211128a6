// The tag that marks a run as a step of one analysis run (Run.analysisId): which analysis, which run of
// it, and its inputs and parameters, so the result can be rebuilt from the session's runs after a reload.
import type { InputNames, ParameterValues } from './analysis';

export interface AnalysisTag {
  analysis: string;
  /** Distinguishes runs of the same analysis. */
  instance: string;
  inputs: InputNames;
  params: ParameterValues;
}

/** "alignment-qc/3f9c1a2b?in.bam=ex1.bam&p.maxInsert=8000": readable in the history and in an export. */
export function encodeTag(tag: AnalysisTag): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(tag.inputs)) query.append(`in.${key}`, value);
  for (const [key, value] of Object.entries(tag.params)) query.append(`p.${key}`, String(value));
  return `${tag.analysis}/${tag.instance}?${query.toString()}`;
}

export function decodeTag(text: string): AnalysisTag | undefined {
  const match = /^([a-z0-9-]+)\/([A-Za-z0-9-]+)\?(.*)$/.exec(text);
  if (!match) return undefined;
  const inputs: Record<string, string> = {};
  const params: Record<string, number> = {};
  for (const [key, value] of new URLSearchParams(match[3])) {
    if (key.startsWith('in.')) inputs[key.slice(3)] = value;
    else if (key.startsWith('p.') && Number.isFinite(Number(value))) params[key.slice(2)] = Number(value);
  }
  return { analysis: match[1]!, instance: match[2]!, inputs, params };
}
