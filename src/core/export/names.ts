// File names in an exported workflow as templates over the sample: the session's own names are the first sample's,
// and a name that starts with that sample's id ("ex1.bam.stats.txt") becomes "<sample>.bam.stats.txt" for every row.

/** A name (or argv word) as `before + sample + after`; without `sample` it is the same text for every sample. */
export interface NameTemplate {
  before: string;
  sample: boolean;
  after: string;
}

export const literal = (text: string): NameTemplate => ({ before: text, sample: false, after: '' });

export function render(template: NameTemplate, sample: string): string {
  return template.before + (template.sample ? sample : '') + template.after;
}

/** Formats whose files differ from sample to sample; the others (reference, panel, annotation) are shared. */
export const PER_SAMPLE_FORMATS: readonly string[] = ['bam', 'cram', 'sam', 'bcf', 'vcf', 'fastq'];

const DATA_SUFFIX = /\.(?:bam|cram|sam|bcf|vcf(?:\.b?gz)?|f(?:ast)?q(?:\.b?gz)?)$/i;
const MATE_SUFFIX = /[._-]R?1(?:[._-]001)?$/i;

/** The first sample's id from its first per-sample file: "ex1.calls.vcf.gz" -> "ex1.calls", "s_R1.fastq.gz" -> "s". */
export function sampleIdOf(name: string, format: string): string {
  const stem = name.replace(DATA_SUFFIX, '');
  const id = format === 'fastq' ? stem.replace(MATE_SUFFIX, '') : stem;
  return id === '' ? (stem === '' ? name : stem) : id;
}

/**
 * The template of a name that is per sample when it starts with the sample id followed by a separator (or is the
 * id itself) and does not start with a shared file's name ("lambda.fa.fai" of a shared "lambda.fa" stays as it is).
 */
export function sampleName(name: string, sample: string, shared: readonly string[]): NameTemplate {
  if (shared.some((s) => name === s || name.startsWith(`${s}.`))) return literal(name);
  const rest = name.slice(sample.length);
  if (name.startsWith(sample) && (rest === '' || /^[._-]/.test(rest))) return { before: '', sample: true, after: rest };
  return literal(name);
}

/**
 * An argv word: a per-sample name as a whole, or after "key=" (`reference=x.fa`); anything else (options, numbers,
 * expressions) is literal, so the first sample's argv is exactly what Lokus ran.
 */
export function wordTemplate(word: string, perSample: ReadonlyMap<string, NameTemplate>): NameTemplate {
  const whole = perSample.get(word);
  if (whole) return whole;
  const eq = word.indexOf('=');
  if (eq > 0) {
    const value = perSample.get(word.slice(eq + 1));
    if (value?.sample) return { ...value, before: word.slice(0, eq + 1) + value.before };
  }
  return literal(word);
}

/** Rule and process names: "s02_samtools_stats" (letters, digits and underscores, never starting with a digit). */
export function stepId(index: number, commands: readonly { program: string; argv: readonly string[] }[]): string {
  const words = commands.map((c) =>
    /^[a-z][a-z0-9-]*$/.test(c.argv[0] ?? '') ? `${c.program}_${c.argv[0]}` : c.program,
  );
  const name = [...new Set(words)]
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  return `s${String(index + 1).padStart(2, '0')}_${name || 'step'}`;
}
