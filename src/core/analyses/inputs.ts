// Which opened files can fill an analysis' input slots, and what is missing before it can run.
import type { DataFormat, FileFormat } from '../files/formats';
import type { AnyAnalysis, InputNames } from './analysis';

export interface CandidateFile {
  name: string;
  format: FileFormat;
  indexName?: string;
}

export function candidatesFor(def: AnyAnalysis, slotKey: string, files: readonly CandidateFile[]): CandidateFile[] {
  const slot = def.inputs.find((s) => s.key === slotKey);
  if (!slot) return [];
  return files.filter((file) => (slot.formats as readonly FileFormat[]).includes(file.format));
}

/** A first choice for each required slot: the first matching file not already used by another slot. */
export function suggestInputs(
  def: AnyAnalysis,
  files: readonly CandidateFile[],
  current: InputNames = {},
): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const slot of def.inputs) {
    const candidates = candidatesFor(def, slot.key, files);
    const kept = current[slot.key];
    if (kept !== undefined && candidates.some((c) => c.name === kept)) chosen[slot.key] = kept;
    else if (!slot.optional) {
      const free = candidates.find((c) => !Object.values(chosen).includes(c.name));
      if (free) chosen[slot.key] = free.name;
    }
  }
  const completed =
    def.complete?.(
      chosen,
      files.map((f) => f.name),
    ) ?? {};
  for (const [slot, name] of Object.entries(completed))
    if (chosen[slot] === undefined && current[slot] === undefined) chosen[slot] = name;
  return chosen;
}

/** Plain sentences saying what stops the analysis from running on these inputs; empty when ready. */
export function inputProblems(def: AnyAnalysis, inputs: InputNames, files: readonly CandidateFile[]): string[] {
  const problems: string[] = [];
  const formats: Record<string, DataFormat | undefined> = {};
  for (const slot of def.inputs) {
    const name = inputs[slot.key];
    if (!name) {
      if (!slot.optional)
        problems.push(
          `Choose a file for "${slot.label}" (${slot.formats.join(' or ').toUpperCase()}); open one with "Open files" if none is listed.`,
        );
      continue;
    }
    const file = files.find((f) => f.name === name);
    if (!file) {
      problems.push(`${name} is not open in this session.`);
      continue;
    }
    formats[slot.key] = file.format as DataFormat;
    if (slot.needsIndex && !file.indexName)
      problems.push(`${name} needs an index: use "Create index" next to it in Files.`);
  }
  const extra = problems.length === 0 ? def.check?.(inputs, formats) : undefined;
  if (extra) problems.push(extra);
  return problems;
}

/** Values of the parameters that follow whether a slot's file has an index (see NumberParameter.followsIndexOf). */
export function indexParameters(
  def: AnyAnalysis,
  inputs: InputNames,
  files: readonly CandidateFile[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of def.parameters) {
    const name = p.followsIndexOf === undefined ? undefined : inputs[p.followsIndexOf];
    if (name === undefined) continue;
    out[p.key] = files.find((f) => f.name === name)?.indexName ? 1 : 0;
  }
  return out;
}
