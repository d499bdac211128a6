// What the genome viewer keeps with a session: the reference, the tracks by file name, the locus and the
// display options, stored as JSON text (the store keeps it opaque) and read back tolerantly.
export type AlignmentDisplay = 'EXPANDED' | 'SQUISHED' | 'COLLAPSED';

export interface ViewerOptions {
  alignmentDisplay: AlignmentDisplay;
  viewAsPairs: boolean;
  showSoftClips: boolean;
  /** Hides reads below this mapping quality (0 shows all). */
  minMappingQuality: number;
}

export interface ViewerSnapshot {
  version: 1;
  reference?: string;
  /** Tracks shown when the state was saved, in order. */
  tracks: string[];
  /** Tracks the user switched off; files opened later are shown unless listed here. */
  hidden: string[];
  locus?: string;
  options: ViewerOptions;
}

export const DEFAULT_VIEWER_OPTIONS: ViewerOptions = {
  alignmentDisplay: 'EXPANDED',
  viewAsPairs: false,
  showSoftClips: false,
  minMappingQuality: 0,
};

export const EMPTY_VIEWER_SNAPSHOT: ViewerSnapshot = {
  version: 1,
  tracks: [],
  hidden: [],
  options: DEFAULT_VIEWER_OPTIONS,
};

const DISPLAYS: readonly AlignmentDisplay[] = ['EXPANDED', 'SQUISHED', 'COLLAPSED'];

export function serializeViewerSnapshot(snapshot: ViewerSnapshot): string {
  return JSON.stringify(snapshot);
}

/** Reads stored JSON; anything missing, malformed or from a newer version falls back to the defaults. */
export function parseViewerSnapshot(json: string | undefined): ViewerSnapshot {
  let value: unknown;
  try {
    value = json === undefined ? undefined : JSON.parse(json);
  } catch {
    return EMPTY_VIEWER_SNAPSHOT;
  }
  if (!isRecord(value) || value.version !== 1) return EMPTY_VIEWER_SNAPSHOT;
  const options = isRecord(value.options) ? value.options : {};
  return {
    version: 1,
    ...(typeof value.reference === 'string' ? { reference: value.reference } : {}),
    tracks: strings(value.tracks),
    hidden: strings(value.hidden),
    ...(typeof value.locus === 'string' && value.locus !== '' ? { locus: value.locus } : {}),
    options: {
      alignmentDisplay: DISPLAYS.find((d) => d === options.alignmentDisplay) ?? DEFAULT_VIEWER_OPTIONS.alignmentDisplay,
      viewAsPairs: typeof options.viewAsPairs === 'boolean' ? options.viewAsPairs : DEFAULT_VIEWER_OPTIONS.viewAsPairs,
      showSoftClips:
        typeof options.showSoftClips === 'boolean' ? options.showSoftClips : DEFAULT_VIEWER_OPTIONS.showSoftClips,
      minMappingQuality: nonNegative(options.minMappingQuality) ?? DEFAULT_VIEWER_OPTIONS.minMappingQuality,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 255 ? value : undefined;
}
