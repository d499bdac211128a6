// MANIFEST.tsv and samplesheets: every input with its size and Lokus fingerprint, every output Lokus produced with
// its sha256 (raw and normalised), so a user can prove a workflow run reproduced the browser.
import { STDOUT_CAP_BYTES } from '../tools/job-runner';
import { ExportRefusal, type ExportModel, type Step } from './model';
import { render } from './names';
import { canonicalBytes, compareKind, sha256Hex, type CompareKind } from './normalise';

export interface OutputHash {
  step: string;
  /** The sample whose output this is (the first sample when absent). */
  sample?: string;
  /** The output's name for the first sample. */
  name: string;
  size: number;
  sha256: string;
  compare: CompareKind;
  normalisedSha256: string;
  /** Why this output cannot be compared (Lokus kept only part of a long stdout). */
  note?: string;
}

/** Reads what Lokus kept of a step's output: a file's bytes, or the run's stdout text. */
export type OutputReader = (step: Step, name: string, from: 'file' | 'stdout') => Promise<Uint8Array>;

export async function hashOutputs(
  model: ExportModel,
  read: OutputReader,
  sample = model.sample,
): Promise<OutputHash[]> {
  const hashes: OutputHash[] = [];
  for (const step of model.steps)
    for (const output of step.outputs) {
      const name = render(output.name, sample);
      const data = await read(step, name, output.from);
      const compare = compareKind(name);
      let normalised: string;
      try {
        normalised = await sha256Hex(canonicalBytes(data, compare));
      } catch (error) {
        throw new ExportRefusal(
          `${name}, which "${step.label}" wrote, could not be read for the manifest (${error instanceof Error ? error.message : String(error)}); run the step again, then export.`,
        );
      }
      hashes.push({
        step: step.id,
        ...(sample === model.sample ? {} : { sample }),
        name,
        size: data.length,
        sha256: await sha256Hex(data),
        compare,
        normalisedSha256: normalised,
        ...(output.from === 'stdout' && data.length >= STDOUT_CAP_BYTES
          ? { note: `Lokus kept only the first ${STDOUT_CAP_BYTES} bytes of this standard output` }
          : {}),
      });
    }
  return hashes;
}

/** A TSV cell: names with a tab or line break cannot be written to a samplesheet. */
function cell(text: string): string {
  if (/[\t\r\n]/.test(text))
    throw new ExportRefusal(
      `The name "${text.replace(/[\t\r\n]/g, ' ')}" holds a tab or line break, which no samplesheet can carry: rename the file, open it again and run again.`,
    );
  return text;
}

export function manifestTsv(model: ExportModel, outputs: readonly OutputHash[]): string {
  const head = [
    'kind',
    'sample',
    'step',
    'name',
    'path',
    'size',
    'lokus_fingerprint',
    'sha256',
    'compare',
    'normalised_sha256',
    'note',
  ];
  const rows = [
    ...model.columns
      .flatMap((c) => [c, ...(c.index ? [c.index] : [])])
      .map((f) => ['input', model.sample, '', f.name, `data/${f.name}`, String(f.size), f.fingerprint, '', '', '', '']),
    ...(model.samples ?? []).flatMap((s) =>
      s.files.map((f) => ['input', s.id, '', f.name, `data/${f.name}`, String(f.size), f.fingerprint, '', '', '', '']),
    ),
    ...model.steps
      .filter((s) => s.stdin)
      .map((s) => [
        'asset',
        '',
        s.id,
        `${s.id}.stdin`,
        `assets/${s.id}.stdin`,
        String(s.stdin!.length),
        '',
        '',
        'bytes',
        '',
        'standard input Lokus fed this step',
      ]),
    ...outputs.map((o) => [
      'output',
      o.sample ?? model.sample,
      o.step,
      o.name,
      `results/${o.sample ?? model.sample}/${o.name}`,
      String(o.size),
      '',
      o.sha256,
      o.compare,
      o.normalisedSha256,
      o.note ?? '',
    ]),
  ];
  return [
    '# Lokus export manifest. lokus_fingerprint = sha256 of the first 64 KiB + last 64 KiB + size (see verify.py).',
    head.join('\t'),
    ...rows.map((r) => r.map(cell).join('\t')),
    '',
  ].join('\n');
}

/** samples.tsv (Snakemake) with the session's sample as its first row; add a row per sample. */
export function samplesTsv(model: ExportModel): string {
  const cols = model.columns.filter((c) => c.role === 'sample');
  const head = ['sample', ...cols.flatMap((c) => [c.key, ...(c.index ? [`${c.key}_index`] : [])])];
  const row = [model.sample, ...cols.flatMap((c) => [`data/${c.name}`, ...(c.index ? [`data/${c.index.name}`] : [])])];
  const more = (model.samples ?? []).map((s) => [
    s.id,
    ...head.slice(1).map((key) => `data/${s.files.find((f) => f.key === key)?.name ?? ''}`),
  ]);
  return [head, row, ...more].map((r) => `${r.map(cell).join('\t')}\n`).join('');
}

/** samplesheet.csv (Nextflow): the same rows, RFC 4180 quoting. */
export function samplesheetCsv(model: ExportModel): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return samplesTsv(model)
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t').map(quote).join(','))
    .join('\n')
    .concat('\n');
}
