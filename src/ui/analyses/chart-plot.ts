// Draws a core ChartSpec with Observable Plot. Every label is inside the SVG (end-of-line labels, facet
// axes) rather than an HTML legend, so the exported SVG/PNG is the whole chart.
import * as Plot from '@observablehq/plot';
import type { ChartRow, ChartSpec } from '../../core/analyses/analysis';

const MAX_BAND_TICKS = 24;

export function drawChart(spec: ChartSpec<unknown>, rows: readonly ChartRow[], width: number): SVGSVGElement {
  const { x, y, series, band } = spec;
  const data = rows as ChartRow[];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 })];
  const labelled = series !== undefined && spec.mark !== 'bar';
  if (spec.mark === 'bar' && series) {
    marks.push(
      Plot.barY(data, { fx: x.field, x: series, y: y.field, fill: series }),
      Plot.tip(data, Plot.pointer({ fx: x.field, x: series, y: y.field })),
    );
  } else if (spec.mark === 'bar') {
    marks.push(
      Plot.barY(data, { x: x.field, y: y.field, fill: 'var(--accent, steelblue)' }),
      Plot.tip(data, Plot.pointerX({ x: x.field, y: y.field })),
    );
  } else {
    if (band)
      marks.push(
        Plot.areaY(data, {
          x: x.field,
          y1: band.lower,
          y2: band.upper,
          ...(series ? { fill: series, z: series } : { fill: 'var(--accent, steelblue)' }),
          fillOpacity: 0.2,
        }),
      );
    if (spec.mark === 'area')
      marks.push(
        Plot.areaY(data, {
          x: x.field,
          y: y.field,
          ...(series ? { fill: series, z: series } : { fill: 'var(--accent, steelblue)' }),
          fillOpacity: 0.25,
        }),
      );
    marks.push(
      Plot.lineY(data, {
        x: x.field,
        y: y.field,
        ...(series ? { stroke: series, z: series } : { stroke: 'var(--accent, steelblue)' }),
      }),
    );
    if (data.length <= 60)
      marks.push(
        Plot.dot(data, {
          x: x.field,
          y: y.field,
          r: 2,
          ...(series ? { fill: series } : { fill: 'var(--accent, steelblue)' }),
        }),
      );
    marks.push(Plot.tip(data, Plot.pointerX({ x: x.field, y: y.field, ...(series ? { z: series } : {}) })));
  }
  if (labelled)
    marks.push(
      Plot.text(
        data,
        Plot.selectLast({ x: x.field, y: y.field, z: series, text: series, fill: series, dx: 4, textAnchor: 'start' }),
      ),
    );
  const categories = x.scale === 'band' ? new Set(data.map((row) => row[x.field])).size : 0;
  const every = Math.max(1, Math.ceil(categories / MAX_BAND_TICKS));
  const bandAxis = {
    label: x.label,
    tickFormat: (d: unknown, i: number) => (i % every === 0 ? String(d) : ''),
    tickRotate: categories > 8 ? -45 : 0,
  };
  const facetBars = spec.mark === 'bar' && series !== undefined;
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 60,
    marginRight: labelled ? 90 : 20,
    marginBottom: (x.scale === 'band' && categories > 8) || facetBars ? 60 : 40,
    style: { background: 'transparent', fontSize: '11px' },
    ...(facetBars
      ? { fx: { label: x.label, tickRotate: categories > 4 ? -30 : 0 }, x: { axis: null } }
      : { x: x.scale === 'band' ? { type: 'band', ...bandAxis } : { label: x.label, type: x.scale ?? 'linear' } }),
    y: { label: y.label, grid: true, type: y.scale ?? 'linear' },
    color: { legend: false },
    marks,
  }) as unknown as SVGSVGElement;
}
