// What the variant browser keeps with a session: the file, its filters and its columns, carried by the tag of
// the query run (Run.analysisId), so that after a reload the last table comes back from that run's stored
// output without running anything. Readable in the history and in an export, like analysis tags. A query run
// as parts on several workers tags each part's run with the same instance and "part=i/n".
import { EMPTY_FILTER, type GenotypeFilter, type VariantFilter } from './browser-query';

export const BROWSER_TAG = 'variant-browser';

export interface BrowserSnapshot {
  file: string;
  filter: VariantFilter;
  infoFields: readonly string[];
  annotationFields: readonly string[];
}

const GENOTYPES: readonly GenotypeFilter[] = ['any', 'het', 'hom', 'alt'];

/** Which part of a split query a run is: `index` from 1 to `count`. */
export interface BrowserPart {
  index: number;
  count: number;
}

/** "variant-browser/1f2e?in.file=x.vcf.gz&f.region=22%3A1-100&f.sample=NA1&c.info=AF" */
export function encodeBrowserTag(snapshot: BrowserSnapshot, instance: string, part?: BrowserPart): string {
  const { filter } = snapshot;
  const query = new URLSearchParams({ 'in.file': snapshot.file });
  if (filter.region) query.set('f.region', filter.region);
  if (filter.panel) query.set('f.panel', filter.panel);
  if (filter.expression) query.set('f.expression', filter.expression);
  if (filter.expressionMode !== 'include') query.set('f.mode', filter.expressionMode);
  if (filter.genotype !== 'any') query.set('f.genotype', filter.genotype);
  for (const sample of filter.samples) query.append('f.sample', sample);
  for (const id of snapshot.infoFields) query.append('c.info', id);
  for (const name of snapshot.annotationFields) query.append('c.annotation', name);
  if (part) query.set('part', `${part.index}/${part.count}`);
  return `${BROWSER_TAG}/${instance}?${query.toString()}`;
}

/** Reads a tag written by encodeBrowserTag; undefined for any other tag (analyses use the same field). */
export function decodeBrowserTag(tag: string): BrowserSnapshot | undefined {
  const match = new RegExp(`^${BROWSER_TAG}/[A-Za-z0-9-]+\\?(.*)$`).exec(tag);
  if (!match) return undefined;
  const query = new URLSearchParams(match[1]);
  const file = query.get('in.file');
  if (!file) return undefined;
  const mode = query.get('f.mode');
  const genotype = GENOTYPES.find((g) => g === query.get('f.genotype'));
  return {
    file,
    filter: {
      ...EMPTY_FILTER,
      region: query.get('f.region') ?? '',
      panel: query.get('f.panel') ?? '',
      expression: query.get('f.expression') ?? '',
      expressionMode: mode === 'exclude' ? 'exclude' : 'include',
      samples: query.getAll('f.sample'),
      genotype: genotype ?? 'any',
    },
    infoFields: query.getAll('c.info'),
    annotationFields: query.getAll('c.annotation'),
  };
}

/** The query a browser run belongs to (its instance) and, for a split query, which part it is. */
export function browserTagGroup(tag: string): { instance: string; part: BrowserPart | undefined } | undefined {
  const match = new RegExp(`^${BROWSER_TAG}/([A-Za-z0-9-]+)\\?(.*)$`).exec(tag);
  if (!match) return undefined;
  const part = /^(\d+)\/(\d+)$/.exec(new URLSearchParams(match[2]).get('part') ?? '');
  const index = Number(part?.[1]);
  const count = Number(part?.[2]);
  return { instance: match[1]!, part: part && index >= 1 && index <= count ? { index, count } : undefined };
}
