// A batch of one analysis over many samples: rows read from a samplesheet (TSV: `sample` and one column per input
// slot, cells naming session files, as the workflow export's samples.tsv writes them), or built from picked files.
import type { AnyAnalysis } from './analysis';

export interface BatchRow {
  sample: string;
  /** Slot key -> session file name: the per-sample slots; shared slots come from the form. */
  inputs: Record<string, string>;
}

/** A samplesheet that cannot drive a batch: says what is wrong and how to fix it. */
export class SamplesheetError extends Error {
  override name = 'SamplesheetError';
}

/** "data/s2.bam" -> "s2.bam": the workflow export's samplesheet names files under data/. */
const fileNameOf = (cell: string): string => cell.trim().replace(/^.*\//, '');

export function parseSamplesheet(text: string, def: AnyAnalysis, sessionFiles: readonly string[]): BatchRow[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const head = (lines.shift() ?? '').split('\t').map((h) => h.trim());
  if (head[0] !== 'sample')
    throw new SamplesheetError(
      `The samplesheet's first column must be "sample" (tab-separated), not "${head[0] ?? ''}": use a samples.tsv as the workflow export writes it.`,
    );
  const slots = head.slice(1).filter((h) => !h.endsWith('_index'));
  const unknown = slots.filter((h) => !def.inputs.some((s) => s.key === h));
  if (unknown.length > 0)
    throw new SamplesheetError(
      `${def.title} has no input called ${unknown.join(', ')}; its inputs are ${def.inputs.map((s) => s.key).join(', ')}. Rename the column.`,
    );
  if (slots.length === 0)
    throw new SamplesheetError(
      `The samplesheet names no input of ${def.title}: add a column such as "${def.inputs[0]?.key}".`,
    );
  const rows = lines.map((line, i): BatchRow => {
    const cells = line.split('\t');
    const sample = (cells[0] ?? '').trim();
    if (sample === '') throw new SamplesheetError(`Line ${i + 2} of the samplesheet has no sample id.`);
    const inputs: Record<string, string> = {};
    for (const slot of slots) {
      const name = fileNameOf(cells[head.indexOf(slot)] ?? '');
      if (name === '') continue;
      if (!sessionFiles.includes(name))
        throw new SamplesheetError(
          `Sample "${sample}" (line ${i + 2}) names ${name}, which is not open in this session: open it (Files), then load the samplesheet again.`,
        );
      inputs[slot] = name;
    }
    return { sample, inputs };
  });
  if (rows.length === 0) throw new SamplesheetError('The samplesheet has a header but no samples.');
  const seen = rows.map((r) => r.sample).find((s, i, all) => all.indexOf(s) !== i);
  if (seen !== undefined) throw new SamplesheetError(`Sample "${seen}" is listed twice: give each row its own id.`);
  return rows;
}

/** Rows from files picked for one slot: one sample per file, named after the file. */
export function rowsFromFiles(slot: string, names: readonly string[]): BatchRow[] {
  return names.map((name) => ({
    sample: name.replace(/\.(bam|cram|sam|bcf|vcf(\.b?gz)?|f(ast)?q(\.gz)?)$/i, ''),
    inputs: { [slot]: name },
  }));
}

/** The samplesheet of a batch (what parseSamplesheet reads back). */
export function samplesheetText(rows: readonly BatchRow[]): string {
  const slots = [...new Set(rows.flatMap((r) => Object.keys(r.inputs)))];
  return [['sample', ...slots], ...rows.map((r) => [r.sample, ...slots.map((s) => r.inputs[s] ?? '')])]
    .map((cells) => cells.join('\t'))
    .join('\n')
    .concat('\n');
}
