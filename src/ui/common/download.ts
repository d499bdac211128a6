// Saving results to the user's disk: Blobs through a download link; charts as SVG text or PNG drawn from
// that SVG on a canvas. All local: object URLs, no network.

export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A standalone SVG document of a chart, with the page's text colour fixed (exports have no CSS). */
export function svgText(svg: SVGSVGElement, color = '#1c2430'): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  copy.style.color = color;
  copy.style.background = '#ffffff';
  copy.querySelectorAll('[aria-label="tip"]').forEach((tip) => tip.remove());
  const text = new XMLSerializer().serializeToString(copy).replace(/var\(--accent, steelblue\)/g, 'steelblue');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([svgText(svg)], { type: 'image/svg+xml' });
}

/** Draws the chart's SVG on a white canvas at `scale` times its size. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  return svgTextToPng(svgText(svg), width, height, scale);
}

/** A PNG of an SVG document (text), drawn on a white canvas at `scale` times `width` x `height`. */
export async function svgTextToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
