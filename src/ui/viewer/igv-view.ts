// igv.js behind a small typed surface, fed only with local Files. Everything igv.js would fetch from the
// network by default is switched off here: the genome list (igv.org, GitHub), the feature-name web service,
// and BLAT (keyed by a UCSC id a local genome does not have). igv.js is loaded on first use (it is large).
import type { ViewerOptions } from '../../core/viewer/view-state';
import type { TrackPlan } from '../../core/viewer/tracks';

export interface LocalTrack {
  plan: TrackPlan;
  data: File;
  index?: File;
}

export interface IgvView {
  goto(target: string): Promise<boolean>;
  /** Shows exactly these tracks, in this order, adding and removing as needed. */
  setTracks(tracks: readonly LocalTrack[], options: ViewerOptions): Promise<void>;
  currentLocus(): string;
  zoom(direction: 'in' | 'out'): void;
  toSVG(): string;
  destroy(): void;
}

/** The parts of igv.js's browser used here (its bundled types say `url: string`, but it reads Files too). */
interface IgvBrowser {
  search(target: string): Promise<boolean | undefined>;
  loadTrack(config: Record<string, unknown>): Promise<unknown>;
  removeTrackByName(name: string): void;
  currentLoci(): string | string[];
  toSVG(): string;
  zoomIn(): void;
  zoomOut(): void;
  on(event: 'locuschange', handler: (frames: { getLocusString(): string }[]) => void): void;
  genome?: { ucscID?: string; blatDB?: string };
  keyUpHandler?: EventListener;
}

interface IgvModule {
  createBrowser(div: HTMLElement, config: Record<string, unknown>): Promise<IgvBrowser>;
  removeBrowser(browser: IgvBrowser): void;
}

async function loadIgv(): Promise<IgvModule> {
  const module = await import('igv');
  return module.default as unknown as IgvModule;
}

export interface CreateOptions {
  reference: LocalTrack & { index: File };
  locus?: string;
  onLocusChange(locus: string): void;
}

export async function createIgvView(
  div: HTMLElement,
  { reference, locus, onLocusChange }: CreateOptions,
): Promise<IgvView> {
  const igv = await loadIgv();
  const browser = await igv.createBrowser(div, {
    // No genome id and no genome list: igv.js would otherwise fetch igv.org/genomes/genomes3.json (and a GitHub backup).
    loadDefaultGenomes: false,
    genomeList: [],
    reference: {
      id: 'lokus-local',
      name: reference.plan.name,
      fastaURL: reference.data,
      indexURL: reference.index,
      wholeGenomeView: false,
    },
    // Feature names are searched in the loaded tracks only, never on igv.org's locus service.
    search: false,
    // The panel has its own locus box, zoom buttons and exports.
    showNavigation: false,
    showSVGButton: false,
    showCircularViewButton: false,
    queryParametersSupported: false,
    ...(locus ? { locus } : {}),
  });
  // igv.js sends sequences to a public BLAT server named by the genome's UCSC id; without one it refuses.
  if (browser.genome) browser.genome.ucscID = browser.genome.blatDB = undefined;
  const shown = new Map<string, string>();
  browser.on('locuschange', (frames) => {
    const first = frames[0];
    if (first) onLocusChange(first.getLocusString());
  });
  // igv.js does not survive overlapping calls (a search rebuilding the viewports while a track is added, or a
  // track load finishing after the browser was removed): every call waits for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  let destroyed = false;
  const serial = <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    const next = queue.then(() => (destroyed ? fallback : work()));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    goto: (target) => serial(async () => (await browser.search(target).catch(() => false)) === true, false),
    setTracks: (tracks, options) =>
      serial(async () => {
        const wanted = new Map(tracks.map((track) => [track.plan.name, signature(track, options)]));
        for (const [name, sig] of shown) {
          if (wanted.get(name) === sig) continue;
          browser.removeTrackByName(name);
          shown.delete(name);
        }
        for (const track of tracks) {
          if (destroyed || shown.has(track.plan.name)) continue;
          await browser.loadTrack(trackConfig(track, options));
          shown.set(track.plan.name, signature(track, options));
        }
      }, undefined),
    currentLocus() {
      const loci = browser.currentLoci();
      return Array.isArray(loci) ? (loci[0] ?? '') : loci;
    },
    zoom: (direction) => (direction === 'in' ? browser.zoomIn() : browser.zoomOut()),
    toSVG: () => browser.toSVG(),
    destroy() {
      void serial(async () => {
        destroyed = true;
        igv.removeBrowser(browser);
        // igv.js 3.8.10 adds its document keyup listener again on removal instead of removing it.
        if (browser.keyUpHandler) document.removeEventListener('keyup', browser.keyUpHandler);
      }, undefined);
    },
  };
}

/** Changes that need the track loaded again: another file, or (for reads) other display options. */
function signature(track: LocalTrack, options: ViewerOptions): string {
  const parts = [track.data.size, track.index?.name ?? '', track.index?.size ?? ''];
  return JSON.stringify(track.plan.kind === 'alignment' ? [...parts, options] : parts);
}

function trackConfig({ plan, data, index }: LocalTrack, options: ViewerOptions): Record<string, unknown> {
  const config: Record<string, unknown> = {
    name: plan.name,
    format: plan.format,
    url: data,
    ...(index ? { indexURL: index } : { indexed: false }),
  };
  switch (plan.kind) {
    case 'alignment':
      return {
        ...config,
        type: 'alignment',
        displayMode: options.alignmentDisplay,
        viewAsPairs: options.viewAsPairs,
        showSoftClips: options.showSoftClips,
        filter: { mq: options.minMappingQuality },
      };
    case 'variant':
      return { ...config, type: 'variant' };
    case 'coverage':
      return { ...config, type: 'wig', autoscale: true };
    default:
      return { ...config, type: 'annotation', searchable: true };
  }
}
