// The viewer's exports: the current view as SVG text (from igv.js) or as a PNG drawn from that SVG on a local
// canvas, and file names for them. Nothing leaves the page: blob: URLs only.
import { svgTextToPng } from '../common/download';

/** A PNG of an SVG document, drawn at `scale` times its size on a white background. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const width = Number.parseFloat(root.getAttribute('width') ?? '') || 800;
  const height = Number.parseFloat(root.getAttribute('height') ?? '') || 400;
  return svgTextToPng(svg, width, height, scale);
}

/** "seq1:100-200" -> "lokus-seq1_100-200", safe as a file name everywhere. */
export function exportBaseName(locus: string): string {
  const safe = locus.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  return safe ? `lokus-${safe}` : 'lokus-view';
}
