// The page's one genome viewer, handed to any component through Svelte context, so that a variant row, a
// low-coverage interval or a PGx position can open the viewer at its locus without props passed down to it.
import { getContext, setContext } from 'svelte';
import type { ViewerState } from '../../state/viewer.svelte';

const KEY = Symbol('lokus-viewer');

export function setViewerContext(viewer: ViewerState): void {
  setContext(KEY, viewer);
}

/** Undefined outside the app (a component rendered on its own in a test). */
export function getViewerContext(): ViewerState | undefined {
  return getContext<ViewerState | undefined>(KEY);
}
