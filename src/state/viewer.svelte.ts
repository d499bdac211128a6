// The genome viewer's state: which reference and tracks are shown, the locus and the display options, kept
// with the session (autosaved) and restored after a reload. The igv.js browser itself lives in the UI, which
// attaches a driver here so that any view can call `goto(locus)`.
import {
  parseViewerSnapshot,
  serializeViewerSnapshot,
  DEFAULT_VIEWER_OPTIONS,
  type ViewerOptions,
} from '../core/viewer/view-state';
import { planTracks, type TrackPlan, type ViewerPlan, type ViewerSource } from '../core/viewer/tracks';
import { igvBatchScript } from '../core/viewer/igv-batch';
import type { SessionStore } from '../core/storage-port';
import { isIndexFormat, type FileFormat } from '../core/files/formats';
import type { Compression } from '../core/files/gzip';
import type { Availability } from './file-access';

/** What the viewer reads of the open session (CurrentSession, FilesState, RunsState, NoticesState fit). */
export interface ViewerHost {
  readonly current: { readonly session: { id: string; name: string } | undefined };
  readonly files: {
    readonly files: readonly {
      name: string;
      detected: { format: FileFormat; compression: Compression };
      availability: Availability;
      /** The index the file checks paired after finding that it fits this file. */
      indexName?: string | undefined;
    }[];
    blobOf(name: string): Blob | undefined;
  };
  readonly runs: {
    readonly runs: readonly { outputs: readonly { name: string }[] }[];
    readOutput(name: string): Promise<Blob>;
  };
  readonly store: Pick<SessionStore, 'getViewerState' | 'saveViewerState'>;
  readonly notices: { report(error: unknown, what: string): void };
}

/** The igv.js browser as the UI drives it. */
export interface ViewerDriver {
  /** Goes to a locus or a feature name; false when nothing matched. */
  goto(target: string): Promise<boolean>;
}

/** Waits this long after the last change before saving, so that dragging the view saves once. */
const SAVE_DELAY_MS = 400;

export class ViewerState {
  reference = $state<string | undefined>(undefined);
  hidden = $state.raw<string[]>([]);
  locus = $state('');
  options = $state.raw<ViewerOptions>(DEFAULT_VIEWER_OPTIONS);
  /** The session whose state is loaded; the UI builds the browser only once it matches the open session. */
  loadedFor = $state<string | undefined>(undefined);
  /** Bumped by goto() so the panel can bring itself into view. */
  focusRequests = $state(0);
  /** Shown under the locus box when a search finds nothing. */
  message = $state<string | undefined>(undefined);

  readonly plan: ViewerPlan = $derived.by(() => planTracks(this.#sources()));
  /** The reference in use: the chosen one while it is in the session, else the first there is. */
  readonly activeReference: TrackPlan | undefined = $derived(
    this.plan.references.find((r) => r.name === this.reference) ?? this.plan.references[0],
  );
  readonly shown: TrackPlan[] = $derived(this.plan.tracks.filter((track) => !this.hidden.includes(track.name)));
  /** Shown tracks whose bytes this page cannot read yet (after a reload, until access is restored). */
  readonly unreadable: string[] = $derived(
    [this.activeReference, ...this.shown]
      .flatMap((track) => (track ? [track.name, ...(track.index ? [track.index] : [])] : []))
      .filter((name) => !this.#readable(name)),
  );

  #host: ViewerHost;
  #driver: ViewerDriver | undefined;
  #pending: string | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** False from a change until it is stored: what a reload now would lose. */
  saved = $state(true);

  constructor(host: ViewerHost) {
    this.#host = host;
  }

  /** Restores the session's saved view (or the defaults). */
  async load(sessionId: string): Promise<void> {
    if (this.loadedFor === sessionId) return;
    this.#flush();
    let json: string | undefined;
    try {
      json = await this.#host.store.getViewerState(sessionId);
    } catch (error) {
      this.#host.notices.report(error, 'The viewer state could not be read');
    }
    const snapshot = parseViewerSnapshot(json);
    this.reference = snapshot.reference;
    this.hidden = snapshot.hidden;
    this.locus = snapshot.locus ?? '';
    this.options = snapshot.options;
    this.message = undefined;
    this.loadedFor = sessionId;
  }

  attach(driver: ViewerDriver): void {
    this.#driver = driver;
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) void this.goto(pending);
  }

  detach(driver: ViewerDriver): void {
    if (this.#driver === driver) this.#driver = undefined;
  }

  /** Opens the viewer at a locus ("seq1:100-200") or a feature name from an annotation track. */
  async goto(target: string): Promise<boolean> {
    const text = target.trim();
    if (!text) return false;
    this.focusRequests += 1;
    this.message = undefined;
    if (!this.#driver) {
      this.#pending = text;
      this.locus = text;
      return true;
    }
    const found = await this.#driver.goto(text);
    if (!found)
      this.message = `Nothing found for "${text}": type a locus such as seq1:100-200, or a name from an annotation track.`;
    return found;
  }

  /** The browser moved (drag, zoom, search): remember where, without navigating again. */
  noteLocus(locus: string): void {
    if (locus === this.locus) return;
    this.locus = locus;
    this.#scheduleSave();
  }

  setReference(name: string): void {
    this.reference = name;
    this.#scheduleSave();
  }

  setShown(name: string, shown: boolean): void {
    this.hidden = shown ? this.hidden.filter((n) => n !== name) : [...new Set([...this.hidden, name])];
    this.#scheduleSave();
  }

  setOptions(patch: Partial<ViewerOptions>): void {
    this.options = { ...this.options, ...patch };
    this.#scheduleSave();
  }

  /** The bytes behind a session file or a run's output, as a named File (igv.js reads files by name). */
  async fileOf(name: string): Promise<File | undefined> {
    const blob =
      this.#host.files.blobOf(name) ??
      (this.#isOutput(name) ? await this.#host.runs.readOutput(name).catch(() => undefined) : undefined);
    if (!blob) return undefined;
    return blob instanceof File && blob.name === name ? blob : new File([blob], name);
  }

  batchScript(): string {
    return igvBatchScript(
      {
        reference: this.activeReference?.name,
        tracks: this.shown,
        locus: this.locus || undefined,
        alignmentDisplay: this.options.alignmentDisplay,
      },
      this.#host.current.session?.name,
    );
  }

  #sources(): ViewerSource[] {
    // igv.js gets only the indexes the file checks paired (checked to fit their file): not one of another file, not
    // an empty one, and not one opened a moment ago and not yet checked.
    const paired = new Set(this.#host.files.files.flatMap((f) => (f.indexName ? [f.indexName] : [])));
    const unchecked = (f: ViewerHost['files']['files'][number]) =>
      (f.detected.format === 'unknown' || (isIndexFormat(f.detected.format) && f.detected.format !== 'gzi')) &&
      !paired.has(f.name);
    const files = this.#host.files.files
      .filter((f) => !unchecked(f))
      .map((f) => ({
        name: f.name,
        format: f.detected.format,
        compression: f.detected.compression,
      }));
    const names = new Set(files.map((f) => f.name));
    const outputs = [...new Set(this.#host.runs.runs.flatMap((run) => run.outputs.map((o) => o.name)))].filter(
      (name) => !names.has(name),
    );
    return [...files, ...outputs.map((name) => ({ name }))];
  }

  #isOutput(name: string): boolean {
    return this.#host.runs.runs.some((run) => run.outputs.some((o) => o.name === name));
  }

  #readable(name: string): boolean {
    const file = this.#host.files.files.find((f) => f.name === name);
    return file ? file.availability === 'ready' : this.#isOutput(name);
  }

  #scheduleSave(): void {
    if (this.#saveTimer !== undefined) clearTimeout(this.#saveTimer);
    this.saved = false;
    this.#saveTimer = setTimeout(() => this.#flush(), SAVE_DELAY_MS);
  }

  #flush(): void {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const sessionId = this.loadedFor;
    if (!sessionId) return;
    const json = serializeViewerSnapshot({
      version: 1,
      ...(this.activeReference ? { reference: this.activeReference.name } : {}),
      tracks: this.shown.map((track) => track.name),
      hidden: this.hidden,
      ...(this.locus ? { locus: this.locus } : {}),
      options: this.options,
    });
    this.#host.store
      .saveViewerState(sessionId, json)
      .then(() => {
        // A later change may be waiting for its own save.
        if (this.#saveTimer === undefined) this.saved = true;
      })
      .catch((error: unknown) => this.#host.notices.report(error, 'The viewer state could not be saved'));
  }
}
